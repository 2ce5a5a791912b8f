/** --file stacks, --profile and their COMPOSE_FILE / COMPOSE_PROFILES twins, through the CLI. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { run, cliFixtures } from './fake-io.js';

const cwd = join(cliFixtures, 'stacks');
const found = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => l.replace(/^(\S+?:\d+:\d+): \S+ .* \[(.+)\]$/, '$1 $2'));

test('a file alone misses what the next file of the stack declares', async () => {
  const r = await run(['--file', 'base.yaml', '--format', 'compact'], { cwd });
  assert.equal(r.code, 1);
  assert.deepEqual(found(r.stdout), ['base.yaml:7:7 depends-on-unknown-service']);
});

test('--file a --file b merges the stack, and a clash between the files is reported where it is written', async () => {
  const r = await run(['--file', 'base.yaml', '--file', 'extra.yaml', '--format', 'compact'], { cwd });
  assert.equal(r.code, 1);
  assert.deepEqual(found(r.stdout), ['extra.yaml:10:9 duplicate-host-port']);
});

test('COMPOSE_FILE builds the same stack as --file', async () => {
  const r = await run(['base.yaml', 'extra.yaml', '--format', 'compact'], { cwd, env: { COMPOSE_FILE: 'base.yaml:extra.yaml' } });
  assert.deepEqual(found(r.stdout), ['extra.yaml:10:9 duplicate-host-port']);
});

test('--profile and COMPOSE_PROFILES decide which services run', async () => {
  const off = ['--rule', 'depends-on-without-healthcheck=off', '--format', 'compact'];
  const without = await run(['--file', 'profiles.yaml', ...off], { cwd });
  assert.equal(without.code, 1);
  assert.deepEqual(found(without.stdout), ['profiles.yaml:4:18 depends-on-inactive-profile']);
  const withFlag = await run(['--file', 'profiles.yaml', '--profile', 'cache', ...off], { cwd });
  assert.deepEqual([withFlag.code, withFlag.stdout], [0, '']);
  const withEnv = await run(['--file', 'profiles.yaml', ...off], { cwd, env: { COMPOSE_PROFILES: 'cache' } });
  assert.deepEqual([withEnv.code, withEnv.stdout], [0, '']);
});
