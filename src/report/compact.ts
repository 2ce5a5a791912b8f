/** One line per finding, `file:line:col: severity message [rule]`: for grep and editors' matchers. */
import type { Reporter } from '../engine/types.js';
import { displayPath, visibleFindings } from './common.js';

export const compact: Reporter = (results, ctx) => {
  const lines: string[] = [];
  for (const r of results) {
    for (const f of visibleFindings(r)) {
      const { line, column } = f.location.start;
      // One finding must stay one line, whatever its message holds.
      const message = f.message.replace(/\r?\n/g, ' ');
      lines.push(`${displayPath(f.location.path, ctx.cwd)}:${line}:${column}: ${f.severity} ${message} [${f.ruleId}]`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
};
