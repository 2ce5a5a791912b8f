import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { AliasIndex } from '../../src/config/aliases.js';
import { parseConfig, loadConfigFile } from '../../src/config/load.js';
import { createConfigValidator } from '../../src/config/validator.js';
import { formatConfigProblem, type ConfigProblem } from '../../src/config/problem.js';
import { fixturesDir } from '../helpers.js';
import { fakeMetas } from './fake-rules.js';

const validator = createConfigValidator(fakeMetas);
const index = new AliasIndex(fakeMetas);
const parse = (text: string, path = '/p/.compose-lint.yaml') => parseConfig(path, text, validator, index);
/** Problems as `line:col-endLine:endCol severity message [hint]`, the way a user reads them. */
const brief = (ps: ConfigProblem[]) =>
  ps.map((p) => `${p.start?.line}:${p.start?.column}-${p.end?.line}:${p.end?.column} ${p.severity} ${p.message}${p.hint ? ` [${p.hint}]` : ''}`);

test('a valid YAML config normalises aliases to ids', () => {
  const r = parse(
    [
      'extends: all',
      'rules:',
      '  latest-image-tag: error',
      '  DL3008: off',
      '  pip-cache-not-disabled: [warning, { someOption: 3 }]',
      '  SecretsUsedInArgOrEnv: [info]',
      "ignore: ['vendor/**']",
      'settings: { trustedRegistries: [docker.io] }',
      'failOn: warning',
    ].join('\n'),
  );
  assert.deepEqual(r.problems, []);
  const c = r.config!;
  assert.deepEqual(c.extends, ['all']);
  assert.deepEqual([...c.rules], [
    ['latest-image-tag', { level: 'error', key: 'latest-image-tag' }],
    ['apt-get-unpinned', { level: 'off', key: 'DL3008' }],
    ['pip-cache-not-disabled', { level: 'warning', options: { someOption: 3 }, key: 'pip-cache-not-disabled' }],
    ['secret-in-env', { level: 'info', key: 'SecretsUsedInArgOrEnv' }],
    ['secret-in-arg', { level: 'info', key: 'SecretsUsedInArgOrEnv' }],
  ]);
  assert.deepEqual(c.ignore, ['vendor/**']);
  assert.deepEqual(c.settings, { trustedRegistries: ['docker.io'] });
  assert.equal(c.failOn, 'warning');
});

test('extends may be a list; absent extends stays absent', () => {
  assert.deepEqual(parse('extends: [recommended, all]').config!.extends, ['recommended', 'all']);
  assert.equal(parse('rules: {}').config!.extends, undefined);
  assert.deepEqual(parse('').config!.rules.size, 0);
});

test('unknown rule key: error at the key with a did-you-mean', () => {
  const r = parse('rules:\n  latest-image-tags: error\n  DL9999: off\n');
  assert.equal(r.config, undefined);
  assert.deepEqual(brief(r.problems), [
    '2:3-2:20 error unknown rule "latest-image-tags" [did you mean "latest-image-tag"?]',
    '3:3-3:9 error unknown rule "DL9999"',
  ]);
});

test('a case-insensitive alias resolves with a warning hint', () => {
  const r = parse('rules:\n  dl3008: off\n');
  assert.deepEqual(brief(r.problems), [
    '2:3-2:9 warning rule key "dl3008" is spelled differently upstream ["dl3008" matched "DL3008" ignoring case; write it as "DL3008"]',
  ]);
  assert.deepEqual([...r.config!.rules.keys()], ['apt-get-unpinned']);
});

test('an id and its alias in one config is an error', () => {
  const r = parse('rules:\n  apt-get-unpinned: error\n  DL3008: off\n');
  assert.deepEqual(brief(r.problems), ['3:3-3:9 error "DL3008" and "apt-get-unpinned" both configure rule apt-get-unpinned; keep one']);
});

test('bad level: enum error on the value with a hint', () => {
  const r = parse('rules:\n  latest-image-tag: warn\n');
  assert.deepEqual(brief(r.problems), [
    '2:21-2:25 error rules.latest-image-tag must be one of off, info, warning, error [did you mean "warning"?]',
  ]);
});

test('options: unknown key and wrong type are positioned errors', () => {
  const r = parse('rules:\n  pip-cache-not-disabled:\n    - warning\n    - someOptoin: 2\n      allow: nope\n');
  assert.deepEqual(brief(r.problems), [
    '4:7-4:17 error unknown option "someOptoin" for rule pip-cache-not-disabled [did you mean "someOption"?]',
    '5:14-5:18 error rules.pip-cache-not-disabled[1].allow must be array',
  ]);
});

test('options on a rule without options are rejected', () => {
  const r = parse('rules:\n  DL3007: [error, { x: 1 }]\n');
  assert.deepEqual(brief(r.problems), ['2:21-2:22 error unknown option "x" for rule DL3007']);
});

test('too many items in a rule entry', () => {
  const r = parse('rules:\n  DL3007: [error, {}, 3]\n');
  assert.deepEqual(brief(r.problems), ['2:11-2:25 error rules.DL3007 must NOT have more than 2 items']);
});

test('unknown top-level key, bad failOn, bad extends', () => {
  const r = parse('rule: {}\nfailOn: warnings\nextends: [strict]\n');
  assert.deepEqual(brief(r.problems), [
    '1:1-1:5 error unknown key "rule" in config [did you mean "rules"?]',
    '3:11-3:17 error extends[0] must be one of recommended, all',
    '2:9-2:17 error failOn must be one of error, warning, info, never [did you mean "warning"?]',
  ]);
});

test('YAML syntax errors and non-mapping documents are positioned', () => {
  const bad = parse('rules:\n  a: [1, 2\n');
  assert.equal(bad.config, undefined);
  assert.equal(bad.problems.length >= 1, true);
  assert.equal(bad.problems[0]!.severity, 'error');
  assert.equal(bad.problems[0]!.start!.line >= 2, true);
  assert.deepEqual(brief(parse('- a\n- b\n').problems), ['1:1-3:1 error the config must be a mapping of keys to values']);
  assert.deepEqual(brief(parse('rules: {}\nrules: {}\n').problems).map((s) => s.slice(0, 13)), ['2:1-2:2 error']);
});

test('JSON configs parse with positions too', () => {
  const r = parse('{\n\t"rules": {\n\t\t"DL3008": "warn"\n\t}\n}\n', '/p/.compose-lint.json');
  assert.deepEqual(brief(r.problems), ['3:13-3:19 error rules.DL3008 must be one of off, info, warning, error [did you mean "warning"?]']);
  assert.equal(r.problems[0]!.file, '/p/.compose-lint.json');
});

test('fixture files load; a missing file is a problem', () => {
  const ok = loadConfigFile(join(fixturesDir, 'config', 'valid', '.compose-lint.yaml'), validator, index);
  assert.deepEqual(ok.problems, []);
  assert.deepEqual([...ok.config!.rules.keys()], ['apt-get-unpinned', 'latest-image-tag']);
  const missing = loadConfigFile('/nonexistent/.compose-lint.yaml', validator, index);
  assert.deepEqual(missing.problems.map(formatConfigProblem), ['/nonexistent/.compose-lint.yaml: error: cannot read config: file not found']);
});

test('formatConfigProblem prints file:line:col or the flag', () => {
  const [p] = parse('rules:\n  zzz-unheard-of: off\n').problems;
  assert.equal(formatConfigProblem(p!), '/p/.compose-lint.yaml:2:3: error: unknown rule "zzz-unheard-of"');
  assert.equal(formatConfigProblem({ severity: 'error', message: 'x', flag: '--rule', hint: 'h' }), '--rule: error: x (h)');
});
