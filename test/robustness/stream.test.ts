/**
 * The streamed, unit-by-unit run against one lint() on random trees of projects that reach into
 * each other in every way a compose file can (build contexts and Dockerfiles in other folders,
 * env_file, include, extends, COMPOSE_FILE in `.env`, variables, nested compose folders, override
 * files): the outcome must be the same, and the stream must never have to report that its
 * foresight failed. Fixed seed, bounded runs (FUZZ_RUNS / FUZZ_SEED for longer ones).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint, type LintOutcome } from '../../src/engine/lint.js';
import { planUnits } from '../../src/engine/units.js';
import { collectStream, lintStream } from '../../src/engine/stream.js';
import { rules } from '../../src/engine/registry.js';
import { createConfigProvider } from '../../src/cli/config-provider.js';
import { memoryFileSystem } from '../../src/project/fs.js';
import { lintParallel } from '../../src/engine/parallel.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || undefined;
const SEED = Number(process.env.FUZZ_SEED ?? 0) || undefined;

// Nested compose folders, siblings, and folders with lone Dockerfiles (packed into shared units).
const FOLDERS = ['a', 'b', 'c', 'a/sub', 'b/x/y', 'common', 'd', 'd/e', 'f'];

/** Where a compose file of `from` may point: its own folder, below it, a sibling, a variable. */
const target = (from: string) =>
  fc.oneof(
    fc.constant('.'),
    fc.constantFrom(...FOLDERS).map((to) => relative(from, to)),
    fc.constant('${CTX:-.}'),
    fc.constant('/abs/elsewhere'),
  );

function relative(from: string, to: string): string {
  const up = from.split('/').map(() => '..');
  return [...up, ...to.split('/')].join('/');
}

const composeFile = (folder: string) =>
  fc
    .record({
      build: fc.option(
        fc.oneof(
          target(folder),
          fc.tuple(target(folder), target(folder)).map(([context, other]) => `\n      context: ${context}\n      dockerfile: ${other}/Dockerfile`),
        ),
        { nil: undefined },
      ),
      envFile: fc.option(fc.oneof(fc.constant('.env.local'), target(folder).map((t) => `${t}/shared.env`)), { nil: undefined }),
      include: fc.option(target(folder).map((t) => `${t}/compose.yaml`), { nil: undefined }),
      extendsFile: fc.option(target(folder).map((t) => `${t}/compose.yaml`), { nil: undefined }),
      image: fc.constantFrom('nginx', 'nginx:latest', 'redis:7', '${IMAGE}'),
    })
    .map(({ build, envFile, include, extendsFile, image }) => {
      const lines = [];
      if (include) lines.push('include:', `  - ${include}`);
      lines.push('services:', '  app:', `    image: ${image}`);
      if (build) lines.push(`    build: ${build}`);
      if (envFile) lines.push('    env_file:', `      - ${envFile}`);
      if (extendsFile) lines.push('    extends:', `      file: ${extendsFile}`, '      service: app');
      return lines.join('\n') + '\n';
    });

const folderFiles = (folder: string) =>
  fc.record({
    dockerfile: fc.option(fc.constantFrom('FROM alpine:latest\nRUN apk add curl\n', 'FROM node:20\nARG X\nRUN echo $X\nUSER app\n'), { nil: undefined }),
    compose: fc.option(composeFile(folder), { nil: undefined }),
    override: fc.option(composeFile(folder), { nil: undefined }),
    dotEnv: fc.option(fc.constantFrom('IMAGE=nginx:1\n', 'COMPOSE_FILE=compose.yaml:../common/compose.yaml\n', 'CTX=..\n'), { nil: undefined }),
    sharedEnv: fc.option(fc.constant('A=1\nB\n'), { nil: undefined }),
  });

const tree = fc.tuple(...FOLDERS.map((f) => folderFiles(f))).map((perFolder) => {
  const files: Record<string, string> = {};
  perFolder.forEach((f, i) => {
    const dir = `/t/${FOLDERS[i]}`;
    if (f.dockerfile) files[`${dir}/Dockerfile`] = f.dockerfile;
    if (f.compose) files[`${dir}/compose.yaml`] = f.compose;
    if (f.compose && f.override) files[`${dir}/compose.override.yaml`] = f.override;
    if (f.dotEnv) files[`${dir}/.env`] = f.dotEnv;
    if (f.sharedEnv) files[`${dir}/shared.env`] = f.sharedEnv;
  });
  return files;
});

const roots = fc.oneof(fc.constant(['/t']).map((r) => [...r]), fc.shuffledSubarray(['/t/a', '/t/b', '/t/d', '/t/d/e', '/t/f', '/t/common'], { minLength: 2 }));

const plain = (o: LintOutcome) => JSON.stringify({ results: o.results, errors: o.errors, internalErrors: o.internalErrors });

test('a streamed run of linked projects gives what one lint() gives, and never doubts its foresight', async () => {
  const config = await createConfigProvider({ cwd: '/', rules, preset: 'all', ruleFlags: [] });
  await fc.assert(
    // Packs of neighbouring folders of every size, from one folder per unit to the default.
    // The whole tree, or folders named in any order: side by side (walked), one inside another
    // or missing (listed first).
    fc.asyncProperty(tree, fc.constantFrom(1, 2, 3, undefined), roots, async (files, packFiles, paths) => {
      const req = () => ({ cwd: '/', paths, config, env: {}, fs: memoryFileSystem(files) });
      const single = await lint(req());
      const r = req();
      const plan = planUnits(r, 0);
      if ('single' in plan) return;
      const streamed = collectStream(lintStream(r, plan, packFiles === undefined ? {} : { packFiles }));
      assert.deepEqual(streamed.internalErrors, single.internalErrors);
      assert.equal(plain(streamed), plain(single));
    }),
    { seed: SEED ?? 20261128, numRuns: RUNS ?? 60 },
  );
});

test('with worker threads too (a few trees on disk): the same outcome as one lint()', async () => {
  const config = await createConfigProvider({ cwd: '/', rules, preset: 'all', ruleFlags: [] });
  const workerConfig = { cwd: '/', preset: 'all' as const, ruleFlags: [] };
  await fc.assert(
    fc.asyncProperty(tree, async (files) => {
      const root = mkdtempSync(join(tmpdir(), 'cl-stream-prop-'));
      try {
        for (const [path, text] of Object.entries(files)) {
          const abs = join(root, path);
          mkdirSync(dirname(abs), { recursive: true });
          writeFileSync(abs, text);
        }
        const req = () => ({ cwd: root, paths: [join(root, 't')], config, env: {} });
        const single = await lint(req());
        const parallel = await lintParallel(req(), { threads: 2, minFiles: 0, config: { ...workerConfig, cwd: root } });
        assert.equal(parallel.fallback, undefined);
        assert.equal(plain(parallel), plain(single));
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    }),
    { seed: SEED ?? 20261129, numRuns: RUNS ? Math.ceil(RUNS / 10) : 6 },
  );
});
