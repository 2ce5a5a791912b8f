/**
 * Writes docs/migrating-from-hadolint.md from rule metadata. `--check` writes nothing and exits 1
 * when the committed file is stale. Run: `npx tsc -p . && node dist/scripts/gen-docs-migration.js`.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rules } from '../rules/index.js';
import { MIGRATION_COMMAND, MIGRATION_DOC, renderMigrationDoc } from '../src/docs/hadolint-migration.js';

// Compiled to dist/scripts/: the repository is two levels up.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const path = join(root, MIGRATION_DOC);
const text = renderMigrationDoc(rules.map((r) => r.meta));
let current: string | undefined;
try {
  current = readFileSync(path, 'utf8');
} catch {
  current = undefined;
}
if (process.argv.includes('--check')) {
  if (current !== text) {
    console.error(`${MIGRATION_DOC} is stale; run \`${MIGRATION_COMMAND}\``);
    process.exit(1);
  }
} else if (current !== text) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`wrote ${MIGRATION_DOC}`);
}
