import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keywordCase, nameParts, needsShell, secretValueKind, secretWordOf, stageChain, stageReferences, variableRefs } from '../../src/analysis/buildkit.js';
import { parseDockerfile } from '../../src/parse/dockerfile/parse.js';

test('keywordCase', () => {
  assert.deepEqual(['RUN', 'run', 'Run'].map(keywordCase), ['upper', 'lower', 'mixed']);
});

test('secret names are matched by words, not substrings', () => {
  assert.deepEqual(nameParts('MYSQL_PASSWORD_FILE'), ['mysql', 'password', 'file']);
  assert.deepEqual(nameParts('githubAPIKey'), ['github', 'api', 'key']);
  const secret = ['DB_PASSWORD', 'API_KEY', 'GITHUB_TOKEN', 'AUTH', 'apiKey', 'client-secret'];
  const not = ['MYSQL_PASSWORD_FILE', 'SSH_AUTH_SOCK', 'NO_PASSWORD', 'GOPRIVATE', 'TOKENIZERS_PARALLELISM', 'PUBLIC_KEY', 'AUTH_PLUGIN_VERSION', 'AUTHOR', 'KEYCLOAK_URL', 'MYPASSWORD', 'GPG_KEY'];
  assert.deepEqual(secret.map(secretWordOf), ['password', 'key', 'token', 'auth', 'key', 'secret']);
  assert.deepEqual(not.map(secretWordOf), not.map(() => undefined));
});

test('secret values by pattern', () => {
  assert.equal(secretValueKind('-----BEGIN OPENSSH PRIVATE KEY-----\nabc'), 'a private key');
  assert.equal(secretValueKind('AKIAIOSFODNN7EXAMPLE'), 'an AWS access key id');
  assert.equal(secretValueKind(`ghp_${'a'.repeat(36)}`), 'a GitHub token');
  assert.equal(secretValueKind('E3FF2839C048B25C084DEBE9B26995E310250568'), undefined);
});

test('needsShell', () => {
  assert.deepEqual(['node server.js', 'nginx -g daemon-off', 'a && b', 'echo $HOME', 'FOO=1 node x', 'exec node', "sh -c 'x'"].map(needsShell), [false, false, true, true, true, true, true]);
});

test('stage chain, references and variable refs carry exact offsets', () => {
  const text = 'FROM alpine AS Base\nFROM base AS next\nCOPY --from=BASE /a /a\nRUN --mount=type=bind,from=base,target=/m true\nENV A=$B\\$C \'$D\' ${E:-x}\n';
  const file = parseDockerfile('/x/Dockerfile', text);
  assert.deepEqual(stageChain(file, file.stages[1]!).map((s) => s.index), [1, 0]);
  assert.deepEqual(stageReferences(file, 'base').map((r) => text.slice(r.start, r.end)), ['base', 'BASE', 'base']);
  const env = file.instructions[4]!;
  const refs = variableRefs(file, env.argsRange.start, env.argsRange.end);
  assert.deepEqual(refs.map((r) => [r.name, text.slice(r.range.start, r.range.end), r.operator]), [['B', '$B', ''], ['E', '${E:-x}', ':-']]);
});
