import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './fake-io.js';
import { ruleDocsUrl } from '../../src/meta.js';

test('explain prints the rule page for an id or an alias, in any case', async () => {
  const byAlias = await run(['explain', 'dl3007']);
  assert.equal(byAlias.code, 0);
  assert.match(byAlias.stdout, /^# latest-image-tag\n\nImage without a tag/);
  assert.match(byAlias.stdout, /\| Aliases \| hadolint `DL3006` \(partial\), hadolint `DL3007`/);
  assert.match(byAlias.stdout, /^## Why$/m);
  assert.ok(byAlias.stdout.endsWith(`Online: ${ruleDocsUrl('project', 'latest-image-tag')}\n`));
  assert.equal((await run(['explain', 'latest-image-tag'])).stdout, byAlias.stdout);
});

test('explain of an unknown rule exits 2 with a did-you-mean', async () => {
  const r = await run(['explain', 'latest-image-tags']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /no rule or alias "latest-image-tags"; did you mean "latest-image-tag"\?/);
});

test('ruleDocsUrl points at the generated page', () => {
  assert.equal(ruleDocsUrl('project', 'latest-image-tag'), 'https://github.com/compose-lint/compose-lint/blob/main/docs/rules/latest-image-tag.md');
});

test('init writes a valid commented config, translating .hadolint.yaml and .dclintrc', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-init-'));
  try {
    writeFileSync(
      join(dir, '.hadolint.yaml'),
      'ignored:\n  - DL3007\n  - DL9999\noverride:\n  error: [DL3002]\ntrustedRegistries: [docker.io, ghcr.io]\nfailure-threshold: warning\n',
    );
    writeFileSync(join(dir, '.dclintrc'), '{"rules": {"no-duplicate-container-names": 2, "made-up-rule": 1}, "exclude": ["legacy/**"]}\n');
    const r = await run(['init', dir]);
    assert.equal(r.code, 0, r.stderr);
    const text = readFileSync(join(dir, '.compose-lint.yaml'), 'utf8');
    assert.match(text, /^# Translated from \.hadolint\.yaml and \.dclintrc\.$/m);
    assert.match(text, /^failOn: warning$/m);
    assert.match(text, /^ {2}latest-image-tag: off {3}# hadolint DL3007$/m);
    assert.match(text, /^ {2}root-user: error {3}# hadolint DL3002$/m);
    assert.match(text, /^#  not translated: hadolint DL9999: off has no compose-lint equivalent$/m);
    assert.match(text, /^#  not translated: dclint made-up-rule: warning has no compose-lint equivalent$/m);
    assert.match(text, /^ignore:\n {2}- legacy\/\*\*$/m);
    assert.match(text, /^ {2}trustedRegistries: \[ docker\.io, ghcr\.io \]$/m);
    // The written file is a config compose-lint accepts, and it applies.
    writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine:latest\nUSER 1000\n');
    const printed = await run(['--print-config', 'Dockerfile'], { cwd: dir });
    assert.equal(printed.code, 0, printed.stderr);
    const cfg = JSON.parse(printed.stdout);
    assert.equal(cfg.configFile, join(dir, '.compose-lint.yaml'));
    assert.equal(cfg.failOn, 'warning');
    assert.equal(cfg.rules['root-user'], 'error');
    assert.equal(cfg.rules['latest-image-tag'], undefined);
    assert.deepEqual(cfg.settings.trustedRegistries, ['docker.io', 'ghcr.io']);
    // A second init keeps the file unless forced.
    const again = await run(['init', dir]);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already exists; pass --force/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('init without another linter config writes the commented defaults', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-init-'));
  try {
    assert.equal((await run(['init'], { cwd: dir })).code, 0);
    const printed = await run(['--print-config', 'compose.yaml', '--rule', 'latest-image-tag=error'], { cwd: dir });
    assert.equal(printed.code, 0, printed.stderr);
    const cfg = JSON.parse(printed.stdout);
    assert.equal(cfg.failOn, 'error');
    assert.deepEqual(cfg.rules['latest-image-tag'], ['error', { floatingTags: ['latest'] }]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--statistics follows a text report, and goes to stderr after a machine format', async () => {
  const text = await run(['latest', '--statistics']);
  assert.match(text.stdout, /\n\n1  latest-image-tag  Image without a tag[^\n]*\n$/);
  const json = await run(['latest', '--statistics', '-f', 'json']);
  assert.doesNotThrow(() => JSON.parse(json.stdout));
  assert.match(json.stderr, /^1  latest-image-tag  /);
});
