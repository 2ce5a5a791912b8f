/** docs/migrating-from-hadolint.md is generated: the committed file must match the rules. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../rules/index.js';
import { BUILDKIT_CHECKS, HADOLINT_CODES, MIGRATION_COMMAND, MIGRATION_DOC, renderMigrationDoc } from '../src/docs/hadolint-migration.js';
import { repoRoot } from './helpers.js';

describe(MIGRATION_DOC, () => {
  const text = renderMigrationDoc(rules.map((r) => r.meta));

  it('is up to date with the rule metadata', () => {
    const committed = readFileSync(join(repoRoot, MIGRATION_DOC), 'utf8');
    assert.ok(committed === text, `${MIGRATION_DOC} is stale; run \`${MIGRATION_COMMAND}\``);
  });

  it('has a row for every hadolint code and every build check, with the rule carrying its alias', () => {
    for (const [code] of HADOLINT_CODES) assert.match(text, new RegExp(`^\\| ${code} \\|`, 'm'));
    for (const check of BUILDKIT_CHECKS) assert.match(text, new RegExp(`^\\| ${check} \\|`, 'm'));
    assert.match(text, /^\| DL3026 \| image from an untrusted registry \| \[`untrusted-registry`\]\(rules\/untrusted-registry\.md\) \|$/m);
    assert.match(text, /^\| DL3057 \| .* \| \[`missing-healthcheck`\]\(rules\/missing-healthcheck\.md\) \(partial\), opt-in \|$/m);
    assert.match(text, /^\| InvalidBaseImagePlatform \| not applicable: it needs the base image from the registry \|$/m);
  });
});
