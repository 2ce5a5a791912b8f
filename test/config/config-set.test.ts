import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigSet } from '../../src/config/config-set.js';
import { createConfigValidator } from '../../src/config/validator.js';
import { formatConfigProblem } from '../../src/config/problem.js';
import { fakeMetas } from './fake-rules.js';

const validator = createConfigValidator(fakeMetas);

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'cl-set-'));
  mkdirSync(join(root, 'svc', 'api'), { recursive: true });
  mkdirSync(join(root, 'broken'), { recursive: true });
  writeFileSync(join(root, '.compose-lint.yaml'), 'rules:\n  DL3008: error\nignore: [vendor/**]\n');
  writeFileSync(join(root, 'svc', '.compose-lint.json'), '{"extends": "all", "failOn": "warning"}');
  writeFileSync(join(root, 'broken', '.compose-lint.yml'), 'rules:\n  DL3008: loud\n');
  return root;
}

test('each file gets the nearest config, resolved once per config file', (t) => {
  const root = project();
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const set = ConfigSet.withValidator(fakeMetas, validator, { cli: { rules: ['DL3007=info'] } });
  const top = set.forFile(join(root, 'Dockerfile'));
  assert.equal(top.config.configPath, join(root, '.compose-lint.yaml'));
  assert.equal(top.config.rules.get('apt-get-unpinned')!.severity, 'error');
  assert.equal(top.config.rules.get('latest-image-tag')!.severity, 'info');
  assert.deepEqual(top.config.ignore, ['vendor/**']);
  const api = set.forFile(join(root, 'svc', 'api', 'compose.yaml'));
  assert.equal(api.config.configPath, join(root, 'svc', '.compose-lint.json'));
  assert.equal(api.config.failOn, 'warning');
  assert.equal(api.config.rules.get('apt-get-unpinned')!.severity, 'warning');
  assert.equal(api.config.rules.has('service-keys-order'), true);
  assert.equal(set.forFile(join(root, 'svc', 'Dockerfile')), api);
  assert.equal(set.hasErrors, false);
  assert.equal(ConfigSet.baseDir(api.config, '/cwd'), join(root, 'svc'));
});

test('a broken config reports positioned problems once', (t) => {
  const root = project();
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const set = ConfigSet.withValidator(fakeMetas, validator);
  const a = set.forFile(join(root, 'broken', 'Dockerfile'));
  set.forFile(join(root, 'broken', 'compose.yaml'));
  assert.equal(set.hasErrors, true);
  assert.deepEqual(set.problems.map(formatConfigProblem), [
    `${join(root, 'broken', '.compose-lint.yml')}:2:11: error: rules.DL3008 must be one of off, info, warning, error`,
  ]);
  assert.equal(a.problems.length, 1);
});

test('--config overrides discovery; flag problems are recorded once', async (t) => {
  const root = project();
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const set = await ConfigSet.create(fakeMetas, {
    configPath: join(root, 'svc', '.compose-lint.json'),
    cli: { rules: ['nope=off'] },
    validator,
  });
  assert.equal(set.forFile(join(root, 'Dockerfile')).config.configPath, join(root, 'svc', '.compose-lint.json'));
  assert.equal(set.forDir(root).config.configPath, join(root, 'svc', '.compose-lint.json'));
  assert.deepEqual(set.problems.map((p) => p.message), ['--rule nope=off: unknown rule "nope"']);
});

test('without any config file the defaults and flags apply', (t) => {
  const root = mkdtempSync(join(tmpdir(), 'cl-set-none-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const set = ConfigSet.withValidator(fakeMetas, validator, { cli: { failOn: 'info' } });
  const r = set.forFile(join(root, 'Dockerfile'));
  assert.equal(r.config.configPath, undefined);
  assert.equal(r.config.failOn, 'info');
  assert.equal(r.config.rules.size, 7);
});
