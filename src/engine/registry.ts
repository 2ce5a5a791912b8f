/** Lookups over the explicit rule list in rules/index.ts: by id, and by upstream alias. */
import { rules } from '../../rules/index.js';
import type { Rule } from './types.js';

export { rules };

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.meta.id, r]));

const byCode = new Map<string, string>();
const byCodeLower = new Map<string, string>();
for (const r of rules) {
  for (const code of [r.meta.id, ...r.meta.aliases.map((a) => a.code)]) {
    byCode.set(code, r.meta.id);
    byCodeLower.set(code.toLowerCase(), r.meta.id);
  }
}

/**
 * Our id for an id or an upstream code (`DL3007`, `FromAsCasing`, `no-quotes-in-volumes`):
 * exact match first, then case-insensitive.
 */
export function resolveRuleCode(code: string): string | undefined {
  return byCode.get(code) ?? byCodeLower.get(code.toLowerCase());
}
