import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AliasIndex } from '../../src/config/aliases.js';
import { parseConfig } from '../../src/config/load.js';
import { parseRuleFlags, resolveConfig, type CliConfigFlags } from '../../src/config/resolve.js';
import { createConfigValidator } from '../../src/config/validator.js';
import { fakeMetas } from './fake-rules.js';

const validator = createConfigValidator(fakeMetas);
const index = new AliasIndex(fakeMetas);
function resolveText(text: string | undefined, cli: CliConfigFlags = {}) {
  const file = text === undefined ? undefined : parseConfig('/p/.compose-lint.yaml', text, validator, index);
  if (file) assert.deepEqual(file.problems, []);
  return resolveConfig(fakeMetas, file?.config, cli, index);
}
const levels = (r: ReturnType<typeof resolveText>) => Object.fromEntries([...r.config.rules].map(([id, v]) => [id, v.severity]));

test('no file, no flags: the recommended preset at default severities, deprecated left out', () => {
  const r = resolveText(undefined);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(levels(r), {
    'apt-get-unpinned': 'warning',
    'from-as-casing': 'warning',
    'latest-image-tag': 'warning',
    'secret-in-arg': 'error',
    'secret-in-env': 'error',
    'stage-name-casing': 'warning',
    'volume-missing-colon': 'error',
  });
  assert.equal(r.config.failOn, 'error');
  assert.equal(r.config.configPath, undefined);
  assert.deepEqual(r.config.ignore, []);
  assert.deepEqual(r.config.settings, {});
});

test('extends: all adds non-recommended rules with their option defaults', () => {
  const r = resolveText('extends: all');
  assert.equal(r.config.rules.size, 9);
  assert.deepEqual(r.config.rules.get('pip-cache-not-disabled'), { severity: 'info', options: { someOption: 1, allow: [] } });
  assert.equal(r.config.rules.has('old-rule'), false);
  assert.deepEqual(r.config.rules.get('latest-image-tag'), { severity: 'warning', options: {} });
});

test('file rules override the preset; options merge over defaults; off removes', () => {
  const r = resolveText('rules:\n  DL3042: [warning, { someOption: 5 }]\n  DL3007: error\n  SecretsUsedInArgOrEnv: off\n  old-rule: info\nfailOn: info\n');
  assert.deepEqual(r.config.rules.get('pip-cache-not-disabled'), { severity: 'warning', options: { someOption: 5, allow: [] } });
  assert.equal(r.config.rules.get('latest-image-tag')!.severity, 'error');
  assert.equal(r.config.rules.has('secret-in-env'), false);
  assert.equal(r.config.rules.has('secret-in-arg'), false);
  assert.equal(r.config.rules.get('old-rule')!.severity, 'info');
  assert.equal(r.config.failOn, 'info');
  assert.equal(r.config.configPath, '/p/.compose-lint.yaml');
});

test('CLI beats the file: --preset replaces extends, --rule beats rules, --fail-on beats failOn', () => {
  const text = 'extends: recommended\nrules:\n  DL3042: [error, { someOption: 7 }]\n  DL3008: off\nfailOn: info\n';
  const r = resolveText(text, { preset: 'all', rules: ['DL3008=info', 'pip-cache-not-disabled=warning', 'latest-image-tag=off'], failOn: 'never' });
  assert.deepEqual(r.problems, []);
  assert.equal(r.config.rules.get('apt-get-unpinned')!.severity, 'info');
  // --rule changes the level and keeps the file's options.
  assert.deepEqual(r.config.rules.get('pip-cache-not-disabled'), { severity: 'warning', options: { someOption: 7, allow: [] } });
  assert.equal(r.config.rules.has('latest-image-tag'), false);
  assert.equal(r.config.rules.has('service-keys-order'), true);
  assert.equal(r.config.failOn, 'never');
});

test('the last --rule for a rule wins', () => {
  const r = resolveText(undefined, { rules: ['DL3008=error', 'apt-get-unpinned=info'] });
  assert.equal(r.config.rules.get('apt-get-unpinned')!.severity, 'info');
});

test('bad --rule values are flag problems with hints', () => {
  const { levels: l, problems } = parseRuleFlags(['DL3008', 'DL3008=warn', 'latest-imag-tag=error', 'dl3007=off'], index);
  assert.deepEqual(problems, [
    { severity: 'error', message: '--rule DL3008: expected <rule>=<off|info|warning|error>', flag: '--rule' },
    { severity: 'error', message: '--rule DL3008=warn: level must be one of off, info, warning, error', flag: '--rule', hint: 'did you mean "warning"?' },
    { severity: 'error', message: '--rule latest-imag-tag=error: unknown rule "latest-imag-tag"', flag: '--rule', hint: 'did you mean "latest-image-tag"?' },
    { severity: 'warning', message: '--rule dl3007=off: "dl3007" matched "DL3007" ignoring case; write it as "DL3007"', flag: '--rule' },
  ]);
  assert.deepEqual([...l], [['latest-image-tag', 'off']]);
});

test('bad --fail-on and --preset values are reported', () => {
  const r = resolveConfig(fakeMetas, undefined, { failOn: 'sometimes' as never, preset: 'strict' as never });
  assert.deepEqual(r.problems.map((p) => p.flag), ['--fail-on', '--preset']);
});
