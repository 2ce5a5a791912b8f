/**
 * Severity adjustments made after rules ran. BuildKit's `# check=error=true` makes every check
 * it reports fail the build, so the findings of rules aliased to BuildKit checks become errors.
 */
import type { Directives } from './directives.js';
import type { Finding } from './types.js';

export function raiseCheckErrors(
  findings: readonly Finding[],
  directives: Pick<Directives, 'check'>,
  buildkitRuleIds: ReadonlySet<string>,
): Finding[] {
  if (!directives.check?.error) return [...findings];
  return findings.map((f) => (buildkitRuleIds.has(f.ruleId) && f.severity !== 'error' ? { ...f, severity: 'error' } : f));
}
