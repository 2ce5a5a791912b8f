import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, type LintOutcome } from '../../src/engine/lint.js';
import { lintParallel } from '../../src/engine/parallel.js';
import { rules } from '../../src/engine/registry.js';
import { createConfigProvider } from '../../src/cli/config-provider.js';
import { lintRun } from '../../src/cli/main.js';
import { memoryFileSystem } from '../../src/project/fs.js';
import { corpusDir } from '../helpers.js';

const plain = (o: LintOutcome) => JSON.stringify({ results: o.results, errors: o.errors, internalErrors: o.internalErrors });

test('a unit-by-unit run, with its tighter heap growth and final collection, gives the same outcome as one lint()', async () => {
  const config = () => createConfigProvider({ cwd: corpusDir, rules, preset: 'all', ruleFlags: [] });
  const paths = ['docker+awesome-compose'];
  const single = await lint({ cwd: corpusDir, paths, config: await config(), env: {} });
  let units = 0;
  const byUnits = await lintParallel(
    { cwd: corpusDir, paths, config: await config(), env: {} },
    { sequential: true, minFiles: 0, config: { cwd: corpusDir, preset: 'all', ruleFlags: [] }, onFilesDone: () => units++ },
  );
  assert.ok(single.results.length > 50);
  // Split: its ~40 projects are linted a few folders at a time (packs of up to 16 files).
  assert.ok(units >= 4, `${units} units`);
  assert.equal(byUnits.rounds, 1);
  assert.equal(plain(byUnits), plain(single));
});

// 210 projects (over SEQUENTIAL_MIN_FILES) in an in-memory tree, as bench/scaling.mjs serves the corpus.
function memoryTree(): Record<string, string> {
  const tree: Record<string, string> = {};
  for (let i = 0; i < 105; i++) {
    tree[`/m/p${i}/Dockerfile`] = `FROM alpine:3.${i % 20}\nRUN apk add curl\nUSER app\n`;
    tree[`/m/p${i}/compose.yaml`] = `services:\n  app${i}:\n    build: .\n    ports:\n      - "${8000 + i}:80"\n`;
  }
  return tree;
}

test('lintRun lints a big tree of a non-disk FileSystem unit by unit, never in workers, as one lint() would', async () => {
  const fs = memoryFileSystem(memoryTree());
  const config = () => createConfigProvider({ cwd: '/', rules, preset: 'all', ruleFlags: [] });
  const single = await lint({ cwd: '/', paths: ['/m'], config: await config(), env: {}, fs });
  // Threads asked for: workers read the disk, so this FileSystem keeps the run in this thread.
  const run = await lintRun(
    { cwd: '/', paths: ['/m'], config: await config(), env: {}, fs, files: [], profiles: [] },
    { threads: 2, files: [], rules: [], preset: 'all' },
    '/',
    { fsIsDisk: false },
  );
  assert.equal(single.results.length, 210);
  assert.equal(plain(run), plain(single));
  // Only lintParallel sets `rounds` and `threads`: the run went unit by unit, in this thread.
  const units = run as LintOutcome & { rounds?: number; threads?: number; fallback?: string };
  assert.equal(units.threads, 1);
  assert.equal(units.fallback, undefined);
  assert.equal(units.rounds, 1);
});
