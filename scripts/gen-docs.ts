/**
 * Writes the committed generated files (docs/rules/<id>.md, docs/rules.md,
 * schema/compose-lint.schema.json) from rule metadata and each rule's docs.md, and deletes pages
 * of rules that no longer exist. `--check` writes nothing and exits 1 when any file is stale.
 * Run it with `npm run gen-docs` (it builds first).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rules } from '../rules/index.js';
import { generatedFiles, GENERATE_COMMAND } from '../src/docs/generate.js';

export function staleFiles(root: string): { stale: string[]; extra: string[]; files: Map<string, string> } {
  const files = generatedFiles(rules, root);
  const stale = [...files].filter(([rel, text]) => !existsSync(join(root, rel)) || readFileSync(join(root, rel), 'utf8') !== text).map(([rel]) => rel);
  const pages = existsSync(join(root, 'docs', 'rules')) ? readdirSync(join(root, 'docs', 'rules')) : [];
  const extra = pages.map((n) => `docs/rules/${n}`).filter((rel) => rel.endsWith('.md') && !files.has(rel));
  return { stale, extra, files };
}

// Compiled to dist/scripts/: the repository is two levels up.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { stale, extra, files } = staleFiles(root);
  if (process.argv.includes('--check')) {
    for (const f of [...stale, ...extra]) console.error(`stale: ${f}`);
    if (stale.length + extra.length) {
      console.error(`generated files are stale; run \`${GENERATE_COMMAND}\``);
      process.exit(1);
    }
  } else {
    for (const rel of stale) {
      mkdirSync(dirname(join(root, rel)), { recursive: true });
      writeFileSync(join(root, rel), files.get(rel)!);
    }
    for (const rel of extra) rmSync(join(root, rel));
    console.log(`gen-docs: ${stale.length} written, ${extra.length} removed, ${files.size - stale.length} up to date`);
  }
}
