/**
 * The colourless text report: one finding a line, `path:line:col  severity  message  ruleId`,
 * which editors' problem matchers and grep both read. Used by `text` whenever colour is off,
 * because the pretty formatter's output without colour loses quoting and shows hidden text.
 */
import type { FileResult, Reporter } from '../engine/types.js';
import { countFindings, displayPath, hintLines, summaryLine, visibleFindings } from './common.js';

export const plain: Reporter = (results, ctx) => {
  const rows: { loc: string; severity: string; message: string; ruleId: string; hints: string[] }[] = [];
  for (const result of results as FileResult[]) {
    const path = displayPath(result.path, ctx.cwd);
    for (const f of visibleFindings(result)) {
      rows.push({
        loc: `${path}:${f.location.start.line}:${f.location.start.column}`,
        severity: f.severity,
        message: f.message,
        ruleId: f.ruleId,
        hints: hintLines(f),
      });
    }
  }
  if (rows.length === 0) return '';
  const locWidth = Math.max(...rows.map((r) => r.loc.length));
  const sevWidth = Math.max(...rows.map((r) => r.severity.length));
  const hintIndent = ' '.repeat(locWidth + 2 + sevWidth + 2);
  const lines: string[] = [];
  for (const r of rows) {
    lines.push(`${r.loc.padEnd(locWidth)}  ${r.severity.padEnd(sevWidth)}  ${r.message}  ${r.ruleId}`);
    for (const h of r.hints) lines.push(hintIndent + h);
  }
  const counts = countFindings(results.flatMap((r) => r.findings));
  return `${lines.join('\n')}\n\n${summaryLine(counts)}\n`;
};
