/** `--statistics`: how many findings each rule reported, most first, with how many are fixable. */
import type { FileResult, ReportContext } from '../engine/types.js';
import { visibleFindings } from './common.js';

export interface RuleCount {
  ruleId: string;
  count: number;
  fixable: number;
}

/** Counts added a result at a time, so a streamed run need not keep its results to count them. */
export class RuleCounter {
  private counts = new Map<string, RuleCount>();
  add(r: FileResult): void {
    for (const f of visibleFindings(r)) {
      let c = this.counts.get(f.ruleId);
      if (!c) this.counts.set(f.ruleId, (c = { ruleId: f.ruleId, count: 0, fixable: 0 }));
      c.count++;
      if (f.fix) c.fixable++;
    }
  }
  /** Most first, then by id. */
  rows(): RuleCount[] {
    return [...this.counts.values()].sort((a, b) => b.count - a.count || (a.ruleId < b.ruleId ? -1 : 1));
  }
}

export function countByRule(results: readonly FileResult[]): RuleCount[] {
  const counter = new RuleCounter();
  for (const r of results) counter.add(r);
  return counter.rows();
}

export function formatStatistics(results: readonly FileResult[], ctx: Pick<ReportContext, 'rules'>): string {
  return formatRuleCounts(countByRule(results), ctx);
}

export function formatRuleCounts(rows: readonly RuleCount[], ctx: Pick<ReportContext, 'rules'>): string {
  if (rows.length === 0) return '';
  const width = Math.max(...rows.map((r) => String(r.count).length));
  const idWidth = Math.max(...rows.map((r) => r.ruleId.length));
  return (
    rows
      .map((r) => {
        const summary = ctx.rules.get(r.ruleId)?.summary ?? '';
        const fixable = r.fixable ? ` (${r.fixable} fixable)` : '';
        return `${String(r.count).padStart(width)}  ${r.ruleId.padEnd(idWidth)}  ${summary}${fixable}`.trimEnd();
      })
      .join('\n') + '\n'
  );
}
