/** The committed generated files (rule pages, catalog, config schema) must match the metadata. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { staleFiles } from '../../scripts/gen-docs.js';
import { GENERATE_COMMAND } from '../../src/docs/generate.js';
import { repoRoot } from '../helpers.js';

test('docs/rules/*.md, docs/rules.md and schema/compose-lint.schema.json are up to date', () => {
  const { stale, extra } = staleFiles(repoRoot);
  assert.deepEqual([...stale, ...extra], [], `generated files are stale: run \`${GENERATE_COMMAND}\` and commit the result`);
});
