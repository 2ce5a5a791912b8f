/** `compose-lint explain <id or alias>`: the rule's documentation page, in the terminal. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rules } from '../engine/registry.js';
import { AliasIndex } from '../config/aliases.js';
import { rulePage, GENERATED_NOTE } from '../docs/rule-page.js';
import { ruleDocsPath } from '../docs/generate.js';
import { ruleDocsUrl } from '../meta.js';

// Compiled to dist/src/cli/: the package root (where rules/**/docs.md ship) is three levels up.
const packageRoot = fileURLToPath(new URL('../../../', import.meta.url));

export function explainCommand(code: string, io: { stdout: { write(s: string): unknown }; stderr: { write(s: string): unknown } }): number {
  const index = new AliasIndex(rules.map((r) => r.meta));
  const match = index.lookup(code);
  if (!match) {
    const guess = index.suggest(code);
    io.stderr.write(`compose-lint: no rule or alias "${code}"${guess ? `; did you mean "${guess}"?` : ''} (\`compose-lint rules\` lists them)\n`);
    return 2;
  }
  const pages: string[] = [];
  for (const id of match.ids) {
    const meta = rules.find((r) => r.meta.id === id)!.meta;
    const docsPath = ruleDocsPath(packageRoot, meta.kind, meta.id);
    const docs = existsSync(docsPath) ? readFileSync(docsPath, 'utf8') : undefined;
    pages.push(rulePage(meta, docs).replace(GENERATED_NOTE + '\n\n', '') + `\nOnline: ${ruleDocsUrl(meta.kind, meta.id)}\n`);
  }
  // An alias can stand for several rules (hadolint's DL3006 and DL3007 both map to one, the
  // reverse happens too): each page is printed.
  io.stdout.write(pages.join('\n---\n\n'));
  return 0;
}
