/**
 * GitHub Actions workflow commands: one `::error|warning|notice file=…,line=…::message` line per
 * finding, which the runner turns into annotations on the pull request's diff. Paths are relative
 * to the cwd (the workspace in the Action). Info becomes `notice`, GitHub's lowest level.
 */
import type { Severity } from '../engine/types.js';
import { streamingReporter, type StreamingReporter } from './chunks.js';
import { displayPath, hintLines, visibleFindings } from './common.js';
import { ghData, ghProperty } from './escape.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** One piece per file: its lines, each ended by a newline. */
export const github: StreamingReporter = streamingReporter(function* (results, ctx) {
  for (const r of results) {
    let lines = '';
    for (const f of visibleFindings(r)) {
      const { start, end } = f.location;
      const props = [
        `file=${ghProperty(displayPath(f.location.path, ctx.cwd))}`,
        `line=${start.line}`,
        `col=${start.column}`,
        `endLine=${end.line}`,
        `endColumn=${end.column}`,
        `title=${ghProperty(`compose-lint ${f.ruleId}`)}`,
      ];
      const body = [f.message, ...hintLines(f)].join('\n');
      lines += `::${COMMAND[f.severity]} ${props.join(',')}::${ghData(body)}\n`;
    }
    yield lines;
  }
});
