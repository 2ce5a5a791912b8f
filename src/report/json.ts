/**
 * ESLint's JSON results shape, so tools that read ESLint output read ours, plus our own fields:
 * `level`, `messageId`, `aliases`, `related` and `fixes` on messages, `infoCount` on results.
 * Info findings carry severity 1 and are counted in `warningCount` (ESLint's counts are counts of
 * severities); `infoCount` says how many of those are info.
 */
import type { Edit, FileResult, Finding, Fix, Location, ReportContext } from '../engine/types.js';
import { eslintSeverity, fixesOf } from './common.js';
import { jsonArrayChunks, streamingReporter, type StreamingReporter } from './chunks.js';

export interface EslintFix {
  range: [number, number];
  text: string;
}

/**
 * ESLint's `fix` is one replacement in the reported file. Several non-overlapping edits of that
 * file become one replacement spanning them, the text between them kept, as ESLint merges them;
 * that needs the file's text. Anything else (other files, overlaps) has no ESLint form.
 */
export function toEslintFix(fix: Fix, path: string, text: string | undefined): EslintFix | undefined {
  const edits = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
  if (edits.length === 0 || edits.some((e) => e.path !== path)) return undefined;
  if (edits.length === 1) return { range: [edits[0]!.start, edits[0]!.end], text: edits[0]!.text };
  if (text === undefined) return undefined;
  let merged = '';
  let prev: Edit | undefined;
  for (const e of edits) {
    if (prev) {
      if (e.start < prev.end) return undefined;
      merged += text.slice(prev.end, e.start);
    }
    merged += e.text;
    prev = e;
  }
  return { range: [edits[0]!.start, prev!.end], text: merged };
}

function span(loc: Location) {
  return {
    line: loc.start.line,
    column: loc.start.column,
    endLine: loc.end.line,
    endColumn: loc.end.column,
  };
}

function toMessage(f: Finding, result: FileResult, ctx: ReportContext) {
  // `fix` is what editors apply without asking, so only a safe fix goes there; an unsafe one is
  // offered as the first suggestion instead.
  const safeFix = f.fix?.safety === 'safe' ? toEslintFix(f.fix, result.path, result.text) : undefined;
  const offered = [...(f.fix && f.fix.safety !== 'safe' ? [f.fix] : []), ...(f.suggestions ?? [])];
  const suggestions = offered.flatMap((s) => {
    const fix = toEslintFix(s, result.path, result.text);
    return fix ? [{ desc: s.title, fix }] : [];
  });
  const fixes = fixesOf(f).map(({ kind, fix }) => ({ kind, ...fix }));
  return {
    ruleId: f.ruleId,
    severity: eslintSeverity(f.severity),
    message: f.message,
    ...span(f.location),
    ...(safeFix ? { fix: safeFix } : {}),
    ...(suggestions.length > 0 ? { suggestions } : {}),
    level: f.severity,
    messageId: f.messageId,
    aliases: (ctx.rules.get(f.ruleId)?.aliases ?? []).map((a) => ({ ...a })),
    ...(f.related && f.related.length > 0
      ? { related: f.related.map((r) => ({ path: r.location.path, ...span(r.location), message: r.message })) }
      : {}),
    ...(fixes.length > 0 ? { fixes } : {}),
  };
}

/** The rules marked deprecated, listed in every result as ESLint does. */
function deprecatedRules(ctx: ReportContext) {
  return [...ctx.rules.values()]
    .filter((m) => m.deprecated)
    .map((m) => ({ ruleId: m.id, replacedBy: [...m.deprecated!.replacedBy] }));
}

function toEslintResult(r: FileResult, ctx: ReportContext, deprecated: ReturnType<typeof deprecatedRules>) {
  const messages = r.findings.filter((f) => !f.suppressed).map((f) => toMessage(f, r, ctx));
  const suppressedMessages = r.findings
    .filter((f) => f.suppressed)
    .map((f) => ({
      ...toMessage(f, r, ctx),
      suppressions: [{ kind: f.suppressed!.by === 'inline' ? 'directive' : 'config', justification: f.suppressed!.reason ?? '' }],
    }));
  const count = (pred: (m: (typeof messages)[number]) => boolean) => messages.filter(pred).length;
  return {
    filePath: r.path,
    messages,
    suppressedMessages,
    errorCount: count((m) => m.severity === 2),
    fatalErrorCount: 0,
    warningCount: count((m) => m.severity === 1),
    infoCount: count((m) => m.level === 'info'),
    fixableErrorCount: count((m) => m.severity === 2 && m.fix !== undefined),
    fixableWarningCount: count((m) => m.severity === 1 && m.fix !== undefined),
    ...(messages.length > 0 && r.text !== undefined ? { source: r.text } : {}),
    usedDeprecatedRules: deprecated,
  };
}

export function toEslintResults(results: readonly FileResult[], ctx: ReportContext) {
  const deprecated = deprecatedRules(ctx);
  return results.map((r) => toEslintResult(r, ctx, deprecated));
}

/** Each result is converted when its turn comes, so neither the converted array nor the text of all of them is ever held. */
function* eslintResults(results: Iterable<FileResult>, ctx: ReportContext) {
  const deprecated = deprecatedRules(ctx);
  for (const r of results) yield toEslintResult(r, ctx, deprecated);
}

export const json: StreamingReporter = streamingReporter(function* (results, ctx) {
  yield* jsonArrayChunks(eslintResults(results, ctx), 0);
  yield '\n';
});
