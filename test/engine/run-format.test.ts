import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMessage } from '../../src/engine/run.js';
import { parseDirectives } from '../../src/engine/directives.js';

test('formatMessage fills each {name}, keeps unknown placeholders and braces around them', () => {
  const t = 'write `depends_on: {{target}: {condition: x}}` for `{service}` ({missing})';
  assert.equal(formatMessage(t, { target: 'db', service: 'web' }), 'write `depends_on: {db: {condition: x}}` for `web` ({missing})');
  // The template is split once and cached: a second call with other data must not reuse values.
  assert.equal(formatMessage(t, { target: 'cache', service: 'api' }), 'write `depends_on: {cache: {condition: x}}` for `api` ({missing})');
  assert.equal(formatMessage('{n} of {n}', { n: 3 }), '3 of 3');
  assert.equal(formatMessage('{a}{b}', { a: '{b}', b: 'x' }), '{b}x');
  assert.equal(formatMessage('no placeholders', { a: 1 }), 'no placeholders');
  assert.equal(formatMessage('{a}', undefined), '{a}');
});

test('parseDirectives skips files without a directive word, and still finds one when present', () => {
  const resolve = (code: string) => (code === 'r' ? 'r' : undefined);
  const plain = parseDirectives('services:\n  web: # just a comment\n    image: x\n', 'compose', resolve, { path: '/p/compose.yaml' });
  assert.deepEqual(plain, { path: '/p/compose.yaml', list: [], problems: [] });
  const text = 'services:\n  web:\n    # COMPOSE-LINT is not ours, but the pre-check must not miss this one:\n    # compose-lint disable-next-line r\n    image: x\n';
  const found = parseDirectives(text, 'compose', resolve, { path: '/p/compose.yaml' });
  assert.equal(found.list.length, 1);
  assert.deepEqual(found.list[0]!.lines, { from: 5, to: 5 });
  // Dockerfile forms: BuildKit's check directive in any case, hadolint's ignore.
  const df = parseDirectives('# CHECK = skip=all\nFROM x\n', 'dockerfile', resolve, { path: '/p/Dockerfile' });
  assert.equal(df.list.length, 1);
  assert.equal(df.list[0]!.tool, 'buildkit');
  const hado = parseDirectives('# hadolint ignore=r\nFROM x\n', 'dockerfile', resolve, { path: '/p/Dockerfile' });
  assert.deepEqual(hado.list[0]!.lines, { from: 2, to: 2 });
});
