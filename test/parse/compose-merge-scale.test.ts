/**
 * Real files merge a lot: getsentry/self-hosted's compose file uses `<<: *anchor` 131 times, on
 * anchors that themselves merge. The alias-expansion bound must leave such files whole.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCompose } from '../../src/parse/compose/parse.js';

test('a file with 150 merges of nested anchors parses without errors and keeps every merged key', () => {
  const lines = [
    'x-restart: &restart',
    '  restart: unless-stopped',
    'x-env: &env',
    '  environment:',
    ...Array.from({ length: 40 }, (_, i) => `    VAR_${i}: "value ${i}"`),
    'x-base: &base',
    '  <<: [*restart, *env]',
    '  image: "getsentry/sentry:24.1.0"',
    '  depends_on: [redis, postgres]',
    '  volumes: ["sentry-data:/data", "./config:/etc/sentry"]',
    'services:',
    '  redis: {image: "redis:7.2"}',
    '  postgres: {image: "postgres:16.4"}',
    ...Array.from({ length: 150 }, (_, i) => [`  worker-${i}:`, '    <<: *base', `    command: run worker ${i}`]).flat(),
    'volumes:',
    '  sentry-data:',
  ];
  const file = parseCompose('/p/compose.yaml', lines.join('\n') + '\n', { variables: new Map() });
  assert.deepEqual(file.yamlErrors, []);
  assert.equal(file.services.length, 152);
  const last = file.services.at(-1)!;
  assert.equal(last.name, 'worker-149');
  assert.equal(last.image?.value, 'getsentry/sentry:24.1.0');
  assert.equal(last.environment.length, 40);
  assert.deepEqual(last.dependsOn.map((d) => d.service), ['redis', 'postgres']);
  assert.equal(last.node.get('restart')?.kind, 'scalar');
  // The merged value keeps the range where the anchor wrote it, so findings point there.
  const text = lines.join('\n');
  assert.equal(last.image!.range.start, text.indexOf('"getsentry/sentry:24.1.0"'));
});
