import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../src/engine/lint.js';
import { memoryFileSystem } from '../../src/project/fs.js';
import { rulesById } from '../../src/engine/registry.js';
import { singleRuleConfig } from '../../src/testing/fixture-harness.js';

test('a finding at the same offset in two compose files is reported in both (oncePerPlace keys by path)', async () => {
  const text = 'services:\n  app:\n    image: busybox:1.36\n    privileged: true\n';
  const files = { '/p/a/compose.yaml': text, '/p/b/compose.yaml': text };
  const out = await lint({
    cwd: '/p',
    paths: Object.keys(files),
    fs: memoryFileSystem(files),
    config: singleRuleConfig(rulesById.get('privileged-container')!),
    env: {},
  });
  const found = out.results.flatMap((r) => r.findings.map((f) => `${f.location.path}:${f.location.start.line}`));
  assert.deepEqual(found, ['/p/a/compose.yaml:4', '/p/b/compose.yaml:4']);
});
