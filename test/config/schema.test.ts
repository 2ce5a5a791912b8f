import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildConfigSchema, schemaHash } from '../../src/config/schema.js';
import { compileConfigValidator, loadConfigValidator, standaloneValidatorSource } from '../../src/config/validator.js';
import { repoRoot } from '../helpers.js';
import { fakeMetas } from './fake-rules.js';

test('schema knows every id and alias as a rule key', () => {
  const schema = buildConfigSchema(fakeMetas) as any;
  assert.deepEqual(Object.keys(schema.properties.rules.properties), [
    'apt-get-unpinned',
    'from-as-casing',
    'latest-image-tag',
    'old-rule',
    'pip-cache-not-disabled',
    'secret-in-arg',
    'secret-in-env',
    'service-keys-order',
    'stage-name-casing',
    'volume-missing-colon',
    'DL3007',
    'DL3008',
    'DL3042',
    'FromAsCasing',
    'SecretsUsedInArgOrEnv',
    'StageNameCasing',
    'no-volume-colon',
  ]);
  assert.deepEqual(schema.properties.rules.properties.DL3042, { $ref: '#/definitions/rule:pip-cache-not-disabled' });
  // Option schemas are closed so unknown option keys fail.
  assert.equal(schema.definitions['rule:pip-cache-not-disabled'].else.items[1].additionalProperties, false);
  assert.equal(schemaHash(schema), schemaHash(buildConfigSchema([...fakeMetas].reverse())));
});

const samples: unknown[] = [
  {},
  { rules: { DL3008: 'off', 'pip-cache-not-disabled': ['warning', { someOption: 2 }] }, failOn: 'info' },
  { rules: { DL3008: 'warn' } },
  { rules: { 'pip-cache-not-disabled': ['warning', { nope: 1 }] } },
  { extends: ['all', 'nope'], ignore: 'x' },
  { settings: { trustedRegistries: 'docker.io' } },
];

test('the standalone (build-time) validator agrees with a runtime compile', async (t) => {
  const schema = buildConfigSchema(fakeMetas);
  const dir = mkdtempSync(join(repoRoot, 'dist', 'gen-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'config-validator.cjs');
  writeFileSync(file, standaloneValidatorSource(schema));
  const mod = (await import(pathToFileURL(file).href)) as { validate: any; schemaHash: string };
  assert.equal(mod.schemaHash, schemaHash(schema));
  const runtime = compileConfigValidator(schema);
  for (const s of samples) {
    assert.equal(mod.validate(s), runtime(s), JSON.stringify(s));
    assert.deepEqual(mod.validate.errors, runtime.errors, JSON.stringify(s));
  }
  assert.equal(runtime(samples[2]), false);

  // loadConfigValidator takes the generated module only when its hash matches these rules.
  const same = await loadConfigValidator(fakeMetas, pathToFileURL(file));
  assert.equal(same.validate, mod.validate);
  const other = await loadConfigValidator(fakeMetas.slice(1), pathToFileURL(file));
  assert.notEqual(other.validate, mod.validate);
  assert.equal(other.validate({ rules: { DL3008: 'off' } }), true);
  assert.equal(other.validate({ rules: { DL3007: 'off' } }), false);
  const missing = await loadConfigValidator(fakeMetas, pathToFileURL(join(dir, 'absent.js')));
  assert.equal(missing.validate({ rules: { DL3007: 'off' } }), true);
});
