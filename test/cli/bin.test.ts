/** The bin shim, spawned for real: exit codes and stdout. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { repoRoot } from '../helpers.js';

const bin = join(repoRoot, 'bin', 'compose-lint.cjs');
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

test('bin: findings below the failure level exit 0 with the JSON report on stdout', () => {
  const r = cli('test/fixtures/cli/latest', '--format', 'json');
  assert.equal(r.status, 0, r.stderr);
  const [res] = JSON.parse(r.stdout);
  assert.deepEqual([res.messages[0].ruleId, res.messages[0].line, res.messages[0].column], ['latest-image-tag', 1, 13]);
});

test('bin: an error finding exits 1, a usage error 2', () => {
  const failing = cli('test/fixtures/cli/compose-error');
  assert.equal(failing.status, 1);
  assert.match(failing.stdout, /^test\/fixtures\/cli\/compose-error\/compose\.yaml:5:9: error .* \[depends-on-unknown-service\]$/m);
  const usage = cli('--bogus');
  assert.equal(usage.status, 2);
  assert.equal(usage.stdout, '');
});

test('bin: worker threads started from the bundle report what one thread does', () => {
  const one = cli('test/fixtures/scale-monorepo', '--threads', '1', '--format', 'json');
  const two = cli('test/fixtures/scale-monorepo', '--threads', '2', '--format', 'json');
  assert.equal(two.stderr, '');
  assert.equal(two.status, one.status);
  assert.ok(JSON.parse(one.stdout).length >= 3);
  assert.equal(two.stdout, one.stdout);
});

test('bin: a run with workers that ends on an invalid config exits at once', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-bin-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, '.compose-lint.yaml'), 'rules:\n  no-such-rule: error\n');
  for (const name of ['a', 'b', 'c']) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'Dockerfile'), 'FROM alpine:3.20\n');
  }
  // The workers must not keep the process alive once the run has given up its results.
  const r = spawnSync(process.execPath, [bin, '.', '--threads', '2'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  assert.equal(r.signal, null);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown rule "no-such-rule"/);
});

test('bin: package.json and the lockfile name the same executable (npx reads the lockfile)', () => {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8'));
  assert.deepEqual(lock.packages[''].bin, pkg.bin);
  assert.ok(existsSync(join(repoRoot, pkg.bin['compose-lint'])));
});

test('bin: the bundle is loaded through its code cache (the JIT budget is set before, as when the cache was made)', (t) => {
  const loader = join(repoRoot, 'bin', 'load-bundle.cjs');
  // V8 rejects a cache made under other flags, silently: start-up then compiles ~900 kB again.
  const script = `const l = require(${JSON.stringify(loader)});
    if (!l.bundleUsable()) { process.stdout.write('no bundle'); return; }
    process.stdout.write(String(l.loadBundle().script.cachedDataRejected));`;
  const r = spawnSync(process.execPath, ['-e', `(() => {${script}})()`], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  if (r.stdout === 'no bundle') return t.skip('the bundle is older than the module tree: run `npm run build`');
  assert.equal(r.stdout, 'false');
});

test('bin: the JIT budget is raised unless the user chose one', () => {
  const { JIT_BUDGET, raiseJitBudget } = createRequire(import.meta.url)(join(repoRoot, 'bin', 'jit-budget.cjs'));
  const set: string[] = [];
  raiseJitBudget(JIT_BUDGET, (f: string) => set.push(f), ['--enable-source-maps']);
  assert.deepEqual(set, [`--interrupt-budget=${JIT_BUDGET}`]);
  for (const flags of [['--interrupt-budget=1000'], ['--interrupt_budget=1000'], ['--interrupt-budget', '1000']]) {
    set.length = 0;
    raiseJitBudget(JIT_BUDGET, (f: string) => set.push(f), flags);
    assert.deepEqual(set, [], flags.join(' '));
  }
});
