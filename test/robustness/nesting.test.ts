/**
 * Deep nesting and alias bombs: `yaml` recurses once per level and would overflow the stack
 * (which V8 may turn into an abort of the process), and aliases can expand exponentially. Both
 * must end quickly with a finding at the exact place.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintTexts, violations, type MemFile } from './harness.js';

async function lintOne(file: MemFile) {
  const t0 = performance.now();
  const outcome = await lintTexts([file]);
  const ms = performance.now() - t0;
  assert.deepEqual(violations(outcome, [file]), []);
  return { findings: outcome.results[0]!.findings, ms };
}

const yamlErrors = (fs: { ruleId: string; message: string; location: { start: { offset: number } } }[]) =>
  fs.filter((f) => f.ruleId === 'invalid-yaml').map((f) => [f.message, f.location.start.offset]);
const TOO_DEEP = 'YAML syntax error: nested more than 256 levels deep; the file is not read further';

test('flow collections nested 20,000 deep stop at level 257 with a finding', async () => {
  const { findings, ms } = await lintOne({ name: 'compose.yaml', text: `services: ${'['.repeat(20000)}${']'.repeat(20000)}\n` });
  // The map under `services` is level 1, so the 256th bracket (offset 10 + 255) opens level 257.
  assert.deepEqual(yamlErrors(findings), [[TOO_DEEP, 265]]);
  assert.ok(ms < 10000, `${ms} ms`);
});

test('compact block sequences 5,000 deep on one line stop at level 257', async () => {
  const { findings } = await lintOne({ name: 'compose.yaml', text: `services:\n${'- '.repeat(5000)}x\n` });
  assert.deepEqual(yamlErrors(findings), [[TOO_DEEP, 10 + 2 * 255]]);
});

test('block maps indented one column per level: 256 levels are read, 257 are not', async () => {
  const nest = (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k:\n`).join('');
  const ok = await lintOne({ name: 'compose.yaml', text: nest(256) });
  assert.deepEqual(yamlErrors(ok.findings), []);
  assert.ok(ok.findings.some((f) => f.ruleId === 'compose-schema-violation'), 'the 256-level file is read and checked');
  // Line i (0-based) is i + 3 characters long; the 257th line starts after 256 of them.
  const deep = await lintOne({ name: 'compose.yaml', text: nest(257) });
  assert.deepEqual(yamlErrors(deep.findings), [[TOO_DEEP, (256 * 255) / 2 + 3 * 256 + 256]]);
});

test('a billion-laughs alias bomb is cut off with a finding, in bounded time', async () => {
  const names = 'abcdefghi';
  let text = `x-a: &a [${Array(9).fill('"lol"').join(',')}]\n`;
  for (let i = 1; i < names.length; i++) text += `x-${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]\n`;
  text += 'services:\n  web:\n    image: nginx\n    environment: *i\n';
  const { findings, ms } = await lintOne({ name: 'compose.yaml', text });
  assert.deepEqual(yamlErrors(findings), [['YAML syntax error: aliases expand to more than 1000000 nodes; the rest is ignored', 8]]);
  assert.ok(ms < 20000, `${ms} ms`);
});

test('a merge-key bomb (<<: [*m, *m, …] twenty levels deep) ends in bounded time', async () => {
  let text = 'x-a: &a {a: 1, b: 2}\n';
  for (let i = 0; i < 20; i++) text += `x-${i}: &m${i}\n  <<: [${i ? Array(5).fill(`*m${i - 1}`).join(', ') : '*a'}]\n`;
  text += 'services:\n  web:\n    <<: *m19\n    image: nginx\n';
  const { findings, ms } = await lintOne({ name: 'compose.yaml', text });
  assert.ok(findings.some((f) => f.ruleId === 'invalid-yaml'), JSON.stringify(yamlErrors(findings)));
  assert.ok(ms < 20000, `${ms} ms`);
});

test('deeply nested shell and JSON in a Dockerfile: no crash, ranges inside the file', async () => {
  const bodies = [
    `RUN ${'$('.repeat(3000)}x${')'.repeat(3000)}`,
    `RUN echo ${'${a:-'.repeat(5000)}x${'}'.repeat(5000)}`,
    `RUN ${'('.repeat(5000)}x${')'.repeat(5000)}`,
    `RUN ${'"$(\''.repeat(3000)}`,
    `${'ONBUILD '.repeat(5000)}RUN x`,
    `CMD ${'['.repeat(10000)}${']'.repeat(10000)}`,
    `ARG A=${'${A:-'.repeat(5000)}x${'}'.repeat(5000)}\nFROM \${A}`,
  ];
  for (const body of bodies) {
    const { findings } = await lintOne({ name: 'Dockerfile', text: `FROM alpine:3.20\n${body}\n` });
    assert.ok(findings.length > 0);
  }
});
