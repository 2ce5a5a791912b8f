/**
 * Every generated file that is committed: the rule pages, the catalog and the config schema.
 * scripts/gen-docs.ts writes them; a test fails when the committed copies are stale.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Rule } from '../engine/types.js';
import { buildConfigSchema } from '../config/schema.js';
import { catalogPage, rulePage } from './rule-page.js';

export const GENERATE_COMMAND = 'npm run gen-docs';

export function ruleDocsPath(repoRoot: string, kind: string, id: string): string {
  return join(repoRoot, 'rules', kind, id, 'docs.md');
}

/** Repository-relative path → content. */
export function generatedFiles(rules: readonly Rule[], repoRoot: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const { meta } of rules) {
    const docsPath = ruleDocsPath(repoRoot, meta.kind, meta.id);
    out.set(`docs/rules/${meta.id}.md`, rulePage(meta, existsSync(docsPath) ? readFileSync(docsPath, 'utf8') : undefined));
  }
  const metas = rules.map((r) => r.meta);
  out.set('docs/rules.md', catalogPage(metas));
  out.set('schema/compose-lint.schema.json', JSON.stringify(buildConfigSchema(metas), null, 2) + '\n');
  return out;
}
