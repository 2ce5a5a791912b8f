/** `compose-lint rules`: the catalog of every rule, as a table or as JSON. */
import type { Rule } from '../engine/types.js';

export interface CatalogEntry {
  id: string;
  aliases: string[];
  kind: string;
  category: string;
  severity: string;
  recommended: boolean;
  fixable: boolean;
  summary: string;
}

export function catalog(rules: readonly Rule[]): CatalogEntry[] {
  return rules.map(({ meta }) => ({
    id: meta.id,
    aliases: meta.aliases.map((a) => a.code),
    kind: meta.kind,
    category: meta.category,
    severity: meta.severity,
    recommended: meta.recommended,
    fixable: meta.fix !== undefined,
    summary: meta.summary,
  }));
}

export function formatCatalog(rules: readonly Rule[], format: 'text' | 'json'): string {
  const entries = catalog(rules);
  if (format === 'json') return JSON.stringify(entries, null, 2) + '\n';
  const rows = entries.map((e) => [
    e.id,
    e.aliases.join(', ') || '-',
    e.kind,
    e.category,
    e.severity + (e.recommended ? '' : ' (off)'),
    e.fixable ? 'fix' : '',
    e.summary,
  ]);
  const head = ['id', 'aliases', 'kind', 'category', 'severity', 'fix', 'summary'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(head), ...rows.map(line)].join('\n') + '\n';
}
