/**
 * Property-based fuzzing of the whole engine (every rule on): random bytes and damaged real
 * files never crash it, never produce an internal error, and every range stays inside its file.
 * Seeds are fixed and runs bounded so the suite is repeatable and quick; `bench/fuzz-long.mjs`
 * runs the same properties longer with fresh seeds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { corpusSample, lintTexts, runCliOnStdin, violations, type MemFile } from './harness.js';
import { applyMutations, mutationsArb } from './mutate.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || undefined;
const SEED = Number(process.env.FUZZ_SEED ?? 0) || undefined;
const params = (seed: number, numRuns: number) => ({ seed: SEED ?? seed, numRuns: RUNS ?? numRuns });

/** Bytes decoded as `readFileSync(path, 'utf8')` decodes them: invalid UTF-8 becomes U+FFFD. */
const bytesText = fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('utf8'));
/** Text made of what matters to the parsers, so it reaches deeper than uniform noise. */
const tokenText = fc
  .array(
    fc.constantFrom(
      'FROM ', 'RUN ', 'COPY ', 'ARG ', 'ENV ', 'HEALTHCHECK ', 'ONBUILD ', 'USER ', 'EXPOSE ', 'SHELL ', 'AS ',
      '--mount=type=cache,target=/x ', '<<EOF\n', 'EOF\n', '# syntax=docker/dockerfile:1\n', '# escape=`\n',
      'services:\n', '  web:\n', '    image: ', '    ports:\n', '      - ', '    build: .\n', '    depends_on: [', '&a ', '*a ', '<<: *a\n',
      '${X:-', '}', '$$', '\\\n', '`\n', '"', "'", '[', ']', '{', '}', ':', ' ', '\t', '\n', '\r\n', '-', '#', '|', '>', '!tag ', '\0', '\uFEFF', '\uFFFD',
      'alpine:latest', 'apt-get install -y curl', '8080:80', 'a', '1',
    ),
    { maxLength: 60 },
  )
  .map((a) => a.join(''));

async function assertClean(files: MemFile[]): Promise<void> {
  let outcome;
  try {
    outcome = await lintTexts(files);
  } catch (e) {
    assert.fail(`lint threw on ${JSON.stringify(files)}: ${(e as Error).stack}`);
  }
  assert.deepEqual(violations(outcome, files), [], JSON.stringify(files));
}

for (const [name, file] of [['Dockerfile', 'Dockerfile'], ['compose file', 'compose.yaml']] as const) {
  test(`random bytes as a ${name}: no crash, no internal error, ranges inside the file`, async () => {
    await fc.assert(
      fc.asyncProperty(bytesText, async (text) => assertClean([{ name: file, text }])),
      params(file === 'Dockerfile' ? 101 : 102, 40),
    );
  });

  test(`random tokens as a ${name}: no crash, no internal error, ranges inside the file`, async () => {
    await fc.assert(
      fc.asyncProperty(tokenText, async (text) => assertClean([{ name: file, text }])),
      params(file === 'Dockerfile' ? 103 : 104, 80),
    );
  });
}

const sample = corpusSample(40);

test('mutated corpus files: no crash, no internal error, ranges inside the file', async () => {
  assert.ok(sample.length > 40, 'the corpus sample is large enough to mean something');
  await fc.assert(
    fc.asyncProperty(fc.nat({ max: sample.length - 1 }), mutationsArb, async (i, ms) => {
      const f = sample[i]!;
      await assertClean([{ name: f.name, text: applyMutations(f.text, ms) }]);
    }),
    params(105, 60),
  );
});

test('the CLI on damaged input exits 0 or 1, never 2, and prints a JSON report', async () => {
  await fc.assert(
    fc.asyncProperty(fc.nat({ max: sample.length - 1 }), mutationsArb, async (i, ms) => {
      const f = sample[i]!;
      const run = await runCliOnStdin(applyMutations(f.text, ms), f.name);
      assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr}`);
      assert.equal(run.stderr, '');
      const report = JSON.parse(run.stdout) as { filePath: string }[];
      assert.equal(report.length, 1);
    }),
    params(106, 12),
  );
});

test('garbage given to the CLI yields findings, not a usage or internal error', async () => {
  for (const [name, text] of [['Dockerfile', 'FROM\n\0\uFFFD RUN ]]]\n'], ['compose.yaml', 'services: [\n\0: {{{\n']] as const) {
    const run = await runCliOnStdin(text, name);
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { messages: unknown[] }[];
    assert.ok(report[0]!.messages.length > 0);
  }
});

test('the outcome does not depend on the order of the input files', async () => {
  const pick = (i: number) => sample[(i * 7) % sample.length]!;
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 0, max: 1000 }), mutationsArb, fc.func(fc.integer()), async (base, ms, rank) => {
      // Projects in folders of their own, one damaged, plus a pair sharing a folder.
      const files: MemFile[] = [0, 1, 2, 3].map((k) => ({ name: `p${k}/${pick(base + k).name}`, text: pick(base + k).text }));
      files[1] = { ...files[1]!, text: applyMutations(files[1]!.text, ms) };
      files.push({ name: 'p0/Dockerfile.dev', text: pick(base + 4).name === 'Dockerfile' ? pick(base + 4).text : 'FROM alpine\n' });
      const order = files.map((_, i) => i).sort((a, b) => rank(a) - rank(b) || a - b);
      const forward = await lintTexts(files);
      const shuffled = await lintTexts(files, order);
      assert.deepEqual(shuffled, forward);
    }),
    params(107, 15),
  );
});
