/** Migration from hadolint: .hadolint.yaml keys translated into our config, and where it is found. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rules } from '../../rules/index.js';
import { AliasIndex } from '../../src/config/aliases.js';
import { ConfigSet } from '../../src/config/config-set.js';
import { findHadolintConfig, translateHadolintConfig } from '../../src/config/hadolint.js';

const metas = rules.map((r) => r.meta);
const index = new AliasIndex(metas);

describe('translateHadolintConfig', () => {
  it('maps ignored, override, trustedRegistries, label-schema, strict-labels and failure-threshold', () => {
    const text = [
      'ignored: [DL3002, SC2086, DL9999]',
      'override:',
      '  style: [DL3026]',
      '  error: [DL3026, DL3057]',
      '  info: [untrusted-registry]',
      'trustedRegistries: [docker.io, "*.corp.example.com"]',
      'label-schema:',
      '  maintainer: email',
      '  team:',
      'strict-labels: true',
      'failure-threshold: style',
      '',
    ].join('\n');
    const { config, problems } = translateHadolintConfig('/p/.hadolint.yaml', text, index);
    assert.deepEqual(problems, [{ severity: 'warning', message: 'ignored: DL9999 has no compose-lint rule yet; ignored', file: '/p/.hadolint.yaml' }]);
    assert.deepEqual(
      [...config!.rules].map(([id, s]) => `${id}=${s.level}`).sort(),
      ['missing-healthcheck=error', 'root-user=off', 'shellcheck/SC2086=off', 'untrusted-registry=error'],
    );
    assert.deepEqual(config!.settings, {
      trustedRegistries: ['docker.io', '*.corp.example.com'],
      labelSchema: { maintainer: 'email', team: 'text' },
      strictLabels: true,
    });
    assert.equal(config!.failOn, 'info');
  });

  it('reports YAML errors with their position', () => {
    const { config, problems } = translateHadolintConfig('/p/.hadolint.yaml', 'ignored: [DL3002\n', index);
    assert.equal(config, undefined);
    assert.equal(problems[0]!.severity, 'error');
    assert.equal(problems[0]!.start!.line, 2);
  });
});

describe('finding .hadolint.yaml', () => {
  it('prefers the Dockerfile folder, then the working directory, and never beats our own config', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cl-hadolint-'));
    mkdirSync(join(root, 'a'));
    mkdirSync(join(root, 'b'));
    mkdirSync(join(root, 'c'));
    writeFileSync(join(root, '.hadolint.yml'), 'ignored: [DL3002]\n');
    writeFileSync(join(root, 'a', '.hadolint.yaml'), 'trustedRegistries: [ghcr.io]\n');
    writeFileSync(join(root, 'c', '.compose-lint.yaml'), 'rules: {}\n');
    writeFileSync(join(root, 'c', '.hadolint.yaml'), 'ignored: [DL3002]\n');
    assert.equal(findHadolintConfig(join(root, 'a', 'Dockerfile'), root), join(root, 'a', '.hadolint.yaml'));
    assert.equal(findHadolintConfig(join(root, 'b', 'Dockerfile'), root), join(root, '.hadolint.yml'));

    const set = await ConfigSet.create(metas, { cwd: root });
    assert.deepEqual(set.forFile(join(root, 'a', 'Dockerfile')).config.settings, { trustedRegistries: ['ghcr.io'] });
    assert.equal(set.forFile(join(root, 'b', 'Dockerfile')).config.rules.has('root-user'), false);
    assert.equal(set.forFile(join(root, 'c', 'Dockerfile')).config.rules.has('root-user'), true);
  });
});
