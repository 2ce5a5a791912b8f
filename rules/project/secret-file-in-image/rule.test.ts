import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../src/engine/lint.js';
import { memoryFileSystem } from '../../../src/project/fs.js';
import { singleRuleConfig } from '../../../src/testing/fixture-harness.js';
import rule, { isWholeContext, listNames } from './rule.js';
import { looksSecret } from './secrets.js';

async function run(files: Record<string, string>, paths: string[]) {
  const out = await lint({ cwd: '/p', paths, config: singleRuleConfig(rule), fs: memoryFileSystem(files), env: {} });
  assert.deepEqual([...out.errors, ...out.internalErrors], []);
  return out.results.flatMap((r) => r.findings);
}

test('secret-looking names', () => {
  for (const p of ['.env', 'api/.env', '.env.production', '.env.local', 'tls.pem', 'certs/server.key', 'id_rsa', 'id_ed25519', '.npmrc', '.pypirc', '.netrc', '.htpasswd', 'credentials.json', 'a.p12', 'b.PFX', '.git/', '.aws/', 'secrets/', 'conf/secrets/']) {
    assert.equal(looksSecret(p), true, p);
  }
  for (const p of ['.env.example', '.env.sample', '.env.template', '.env.dist', '.env.local.example', 'env', '.envrc', 'id_rsa.pub', 'secrets', '.git', 'keys/', 'main.py', 'monkey.json', 'secrets.yaml']) {
    assert.equal(looksSecret(p), false, p);
  }
});

test('sources that stand for the whole context', () => {
  for (const s of ['.', './', '/', '*', './*', '/.', './/']) assert.equal(isWholeContext(s), true, s);
  for (const s of ['src', './src', '*.py', 'package.json', '<<EOF', '..']) assert.equal(isWholeContext(s), false, s);
});

test('at most five names, then a count', () => {
  assert.equal(listNames(['a']), '`a`');
  assert.equal(listNames(['a', 'b']), '`a` and `b`');
  assert.equal(listNames(['a', 'b', 'c', 'd', 'e', 'f', 'g']), '`a`, `b`, `c`, `d`, `e` and 2 more');
});

const compose = (svc: string) => `services:\n  ${svc}:\n    build: ..\n`;

test('one finding per COPY when two compose files build the same Dockerfile; .git listed, not its content', async () => {
  const files = {
    '/p/a/compose.yaml': compose('api'),
    '/p/b/compose.yaml': compose('jobs'),
    '/p/Dockerfile': 'FROM alpine:3.20\nCOPY . /app\n',
    '/p/.git/config': '[core]\n',
    '/p/deploy/id_rsa': 'placeholder\n',
  };
  const found = await run(files, ['/p/a/compose.yaml', '/p/b/compose.yaml', '/p/Dockerfile']);
  assert.deepEqual(
    found.map((f) => [f.location.path, f.location.start.line, f.location.start.column, f.related?.map((r) => `${r.location.path}:${r.location.start.line}`)]),
    [['/p/Dockerfile', 2, 6, ['/p/a/compose.yaml:3', '/p/b/compose.yaml:3']]],
  );
  assert.match(found[0]!.message, /holds `\.git\/` and `deploy\/id_rsa`,/);
  assert.deepEqual(found[0]!.fix?.edits, [{ path: '/p/.dockerignore', start: 0, end: 0, text: '.git\ndeploy/id_rsa\n' }]);
});

test('a folder excluded by .dockerignore hides what is inside it', async () => {
  const files = {
    '/p/compose.yaml': 'services:\n  app:\n    build: .\n',
    '/p/Dockerfile': 'FROM alpine:3.20\nCOPY . .\n',
    '/p/.dockerignore': 'deploy\n',
    '/p/deploy/server.key': 'placeholder\n',
  };
  assert.deepEqual(await run(files, ['/p/compose.yaml']), []);
});

test('a Dockerfile no compose service builds is skipped', async () => {
  assert.deepEqual(await run({ '/p/Dockerfile': 'FROM alpine:3.20\nCOPY . .\n', '/p/.env': 'A=1\n' }, ['/p/Dockerfile']), []);
});
