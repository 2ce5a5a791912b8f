import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { lint, type ConfigProvider } from '../../src/engine/lint.js';
import rule, { isAnyAddress } from '../../rules/compose/port-published-on-all-interfaces/rule.js';
import { sharedDir } from '../helpers.js';

/** Just this rule, at its default severity, with the given options over the defaults. */
function only(options: Record<string, unknown> = {}): ConfigProvider {
  const config = {
    key: 'test',
    rules: [{ rule, severity: rule.meta.severity, options: { ...rule.meta.options!.defaults, ...options } }],
    settings: {},
    resolveId: () => undefined,
  };
  return { isIgnored: () => false, forFile: () => config };
}

async function run(text: string, options?: Record<string, unknown>) {
  const out = await lint({
    cwd: '/tmp',
    paths: [],
    stdin: { text, filename: 'compose.yaml' },
    kind: 'compose',
    config: only(options),
    env: {},
  });
  assert.deepEqual([...out.errors, ...out.internalErrors], []);
  return out.results.flatMap((r) => r.findings);
}

const inHouse = 'services:\n  api:\n    image: example/api:1.0\n    ports:\n      - "7000:7000"\n';

test('extraPorts adds container ports', async () => {
  assert.deepEqual(await run(inHouse), []);
  const findings = await run(inHouse, { extraPorts: [7000] });
  assert.deepEqual(
    findings.map((f) => [f.location.start.line, f.location.start.column, f.location.end.column, f.message]),
    [[5, 9, 20, "`api` publishes port `7000` on all host interfaces, so anyone who can reach the host can reach the database (Docker's published ports also bypass ufw-style host firewalls); write `127.0.0.1:7000:7000` to publish it on loopback only"]],
  );
  assert.deepEqual(findings[0]!.suggestions?.map((s) => s.edits.map((e) => [e.start, e.end, e.text])), [[[64, 64, '127.0.0.1:']]]);
});

test('any-address spellings', () => {
  for (const ip of [undefined, '', '0.0.0.0', '::', '[::]', '0:0:0:0:0:0:0:0', '::0']) assert.equal(isAnyAddress(ip), true, String(ip));
  for (const ip of ['127.0.0.1', '::1', '[::1]', '10.0.0.5', 'fe80::1']) assert.equal(isAnyAddress(ip), false, ip);
});

test('the seed example: PostgreSQL and Redis ports, variables resolved from .env', async () => {
  const dir = join(sharedDir, 'seed-example');
  const out = await lint({ cwd: dir, paths: [dir], config: only(), env: {} });
  const findings = out.results.flatMap((r) => r.findings);
  assert.deepEqual(
    findings.map((f) => [f.location.start.line, f.location.start.column, f.location.end.column]),
    [
      [10, 9, 32],
      [18, 9, 29],
    ],
  );
  assert.equal(
    findings[0]!.message,
    "`database` publishes the PostgreSQL port `5432` on all host interfaces, so anyone who can reach the host can reach the database (Docker's published ports also bypass ufw-style host firewalls); write `127.0.0.1:${POSTGRES_PORT}:5432` to publish it on loopback only",
  );
  assert.deepEqual(findings[1]!.suggestions?.map((s) => [s.title, s.edits.map((e) => e.text)]), [['write `127.0.0.1:${REDIS_PORT}:6379`', ['127.0.0.1:']]]);
});
