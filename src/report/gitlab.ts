/**
 * GitLab Code Quality: a JSON array of issues, shown in merge requests. Paths are relative to the
 * repository root (the cwd in CI). Fingerprints must be unique and stable across runs, so they
 * hash the rule, the path and the offending line's text (not its number), plus a counter for
 * identical lines, as the SARIF fingerprints do.
 */
import { createHash } from 'node:crypto';
import type { FileResult, ReportContext, Severity } from '../engine/types.js';
import { jsonArrayChunks, streamingReporter, type StreamingReporter } from './chunks.js';
import { displayPath, sourceOfResult, visibleFindings } from './common.js';

/** GitLab's scale is info, minor, major, critical, blocker. */
const SEVERITY: Record<Severity, string> = { info: 'info', warning: 'minor', error: 'major' };

/** Issues in report order (fingerprints count repeats in that order), one at a time. */
function* issues(results: Iterable<FileResult>, ctx: ReportContext) {
  for (const r of results) {
    // Repeats are counted within a file (the key holds its path, and a result's findings all
    // point into its file), so nothing of one file is kept for the next.
    const seen = new Map<string, number>();
    const source = sourceOfResult(r);
    for (const f of visibleFindings(r)) {
      const path = displayPath(f.location.path, ctx.cwd);
      const anchor = source?.lineText(f.location.start.line).trim() ?? f.message;
      const key = [f.ruleId, path, anchor].join('\u0000');
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      const category = ctx.rules.get(f.ruleId)?.category;
      yield {
        type: 'issue',
        check_name: f.ruleId,
        description: f.message,
        ...(category ? { categories: [category === 'security' ? 'Security' : category === 'style' ? 'Style' : 'Bug Risk'] } : {}),
        severity: SEVERITY[f.severity],
        fingerprint: createHash('md5').update(`${key}\u0000${n}`).digest('hex'),
        location: {
          path,
          positions: {
            begin: { line: f.location.start.line, column: f.location.start.column },
            end: { line: f.location.end.line, column: f.location.end.column },
          },
        },
      };
    }
  }
}

export const gitlab: StreamingReporter = streamingReporter(function* (results, ctx) {
  yield* jsonArrayChunks(issues(results, ctx), 0);
  yield '\n';
});
