/** The seed example (shared/seed-example) must come out right for the rules of this batch. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { lint } from '../../../src/engine/lint.js';
import { singleRuleConfig } from '../../../src/testing/fixture-harness.js';
import type { Rule } from '../../../src/engine/types.js';
import { sharedDir } from '../../../test/helpers.js';
import secretFileInImage from './rule.js';
import rootUser from '../../dockerfile/root-user/rule.js';
import imageBuiltTwice from '../image-built-twice/rule.js';
import pipCacheInImage from '../../dockerfile/pip-cache-in-image/rule.js';
import envFileMissing from '../env-file-missing/rule.js';

const seed = join(sharedDir, 'seed-example');

async function places(rule: Rule): Promise<string[]> {
  const out = await lint({ cwd: seed, paths: [seed], config: singleRuleConfig(rule), env: {} });
  assert.deepEqual([...out.errors, ...out.internalErrors], []);
  return out.results.flatMap((r) => r.findings.map((f) => `${f.location.path.slice(seed.length + 1)}:${f.location.start.line}:${f.location.start.column}`));
}

test('seed: COPY . . with .env and no .dockerignore', async () => {
  assert.deepEqual(await places(secretFileInImage), ['Dockerfile:9:6']);
});

test('seed: the image runs as root', async () => {
  assert.deepEqual(await places(rootUser), ['Dockerfile:1:6']);
});

test('seed: app builds the image queue already builds', async () => {
  assert.deepEqual(await places(imageBuiltTwice), ['docker-compose.yml:37:12']);
});

test('seed: `pip install --no-cache` and the existing .env stay silent', async () => {
  assert.deepEqual(await places(pipCacheInImage), []);
  assert.deepEqual(await places(envFileMissing), []);
});
