/** One line per finding, `file:line:col: severity message [rule]`: for grep and editors' matchers. */
import { streamingReporter, type StreamingReporter } from './chunks.js';
import { displayPath, visibleFindings } from './common.js';

/** One piece per file: its lines, each ended by a newline. */
export const compact: StreamingReporter = streamingReporter(function* (results, ctx) {
  for (const r of results) {
    let lines = '';
    for (const f of visibleFindings(r)) {
      const { line, column } = f.location.start;
      // One finding must stay one line, whatever its message holds.
      const message = f.message.replace(/\r?\n/g, ' ');
      lines += `${displayPath(f.location.path, ctx.cwd)}:${line}:${column}: ${f.severity} ${message} [${f.ruleId}]\n`;
    }
    yield lines;
  }
});
