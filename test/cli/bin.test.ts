/** The bin shim, spawned for real: exit codes and stdout. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
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
