/**
 * The human report: each finding with its place, the offending line and a caret under the exact
 * range, the fix hint and the rule's docs link, then the counts and what --fix would do.
 * Coloured with plain ANSI codes when asked; without colour it holds no escape sequence at all.
 */
import type { Finding, ReportContext, Severity } from '../engine/types.js';
import { ruleDocsUrl } from '../meta.js';
import { displayPath, hintLines, summaryLine, visibleFindings, type Counts } from './common.js';
import { streamingReporter, type StreamingReporter } from './chunks.js';
import type { SourceFile } from '../parse/source.js';
import { sourceOfResult } from './common.js';

/** Every ESC sequence: SGR colours and OSC hyperlinks, so a colourless run is never coloured. */
const ANSI = /\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)|\u001B\[[0-?]*[ -/]*[@-~]/g;

export function stripAnsi(s: string): string {
  return s.replace(ANSI, '');
}

type Style = 'bold' | 'dim' | 'red' | 'yellow' | 'blue' | 'cyan';
const CODES: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  yellow: [33, 39],
  blue: [34, 39],
  cyan: [36, 39],
};
const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'blue' };

function painter(color: boolean) {
  return (style: Style, s: string) => (color ? `\u001b[${CODES[style][0]}m${s}\u001b[${CODES[style][1]}m` : s);
}

/** Lines longer than this are cut around the range, so one minified line cannot flood the screen. */
const MAX_FRAME = 160;

/**
 * The offending line and the caret row under [start, end) of it. Tabs are kept in the caret
 * row's indent so the carets line up in any tab width; a range running past the line is drawn to
 * its end; control characters are made visible rather than sent to the terminal.
 */
export function frame(src: SourceFile, f: Finding): { line: string; carets: string } | undefined {
  const { start, end } = f.location;
  if (start.line > src.lineCount) return undefined;
  let text = src.lineText(start.line);
  let from = start.column - 1;
  let to = end.line === start.line ? end.column - 1 : text.length;
  if (from > text.length) return undefined;
  to = Math.min(Math.max(to, from + 1), Math.max(text.length, from + 1));
  if (text.length > MAX_FRAME) {
    const cut = Math.max(0, Math.min(from - 20, text.length - MAX_FRAME));
    text = (cut > 0 ? '…' : '') + text.slice(cut, cut + MAX_FRAME) + (cut + MAX_FRAME < text.length ? '…' : '');
    const shift = cut > 0 ? cut - 1 : 0;
    from -= shift;
    to = Math.min(to - shift, text.length);
  }
  const visible = (s: string) => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '\ufffd');
  const indent = text.slice(0, from).replace(/[^\t]/g, ' ');
  return { line: visible(text), carets: indent + '^'.repeat(Math.max(1, to - from)) };
}

function renderFinding(f: Finding, src: SourceFile | undefined, ctx: ReportContext, paint: ReturnType<typeof painter>): string[] {
  const { line, column } = f.location.start;
  const where = paint('bold', `${displayPath(f.location.path, ctx.cwd)}:${line}:${column}`);
  const sev = paint(SEVERITY_STYLE[f.severity], f.severity);
  const out = [`${where}: ${sev} ${stripAnsi(f.message)} ${paint('dim', `[${f.ruleId}]`)}`];
  const gutter = String(line).length + 1;
  const bar = (label: string) => paint('cyan', `${label.padStart(gutter)} |`);
  const fr = src ? frame(src, f) : undefined;
  if (fr) {
    out.push(`${bar(String(line))} ${fr.line}`.trimEnd());
    out.push(`${bar('')} ${paint(SEVERITY_STYLE[f.severity], fr.carets)}`);
  }
  const pad = ' '.repeat(gutter + 1);
  for (const rel of f.related ?? []) {
    out.push(`${pad}= ${paint('dim', `${displayPath(rel.location.path, ctx.cwd)}:${rel.location.start.line}:${rel.location.start.column}`)}: ${rel.message}`);
  }
  for (const h of hintLines(f)) out.push(`${pad}= ${h}`);
  const meta = ctx.rules.get(f.ruleId);
  if (meta) out.push(`${pad}= ${paint('dim', `docs: ${meta.docsUrl ?? ruleDocsUrl(meta.kind, meta.id)}`)}`);
  return out;
}

/** One piece per file with findings; the pieces joined are the report (blocks split by blank lines, then the tally). */
export const text: StreamingReporter = streamingReporter(function* (results, ctx) {
  const paint = painter(ctx.color);
  const counts: Counts = { errors: 0, warnings: 0, info: 0 };
  let safe = 0;
  let unsafe = 0;
  let any = false;
  for (const r of results) {
    const blocks: string[] = [];
    // A result's findings all point into its own file.
    const src = sourceOfResult(r);
    for (const f of visibleFindings(r)) {
      blocks.push(renderFinding(f, src, ctx, paint).join('\n'));
      if (f.severity === 'error') counts.errors++;
      else if (f.severity === 'warning') counts.warnings++;
      else counts.info++;
      if (f.fix?.safety === 'safe') safe++;
      else if (f.fix) unsafe++;
    }
    if (blocks.length === 0) continue;
    yield (any ? '\n\n' : '') + blocks.join('\n\n');
    any = true;
  }
  if (!any) return;
  const colour: Style = counts.errors > 0 ? 'red' : counts.warnings > 0 ? 'yellow' : 'blue';
  const tail = [paint(colour, summaryLine(counts))];
  if (safe) tail.push(`${safe} fixable with --fix`);
  if (unsafe) tail.push(`${unsafe} more with --unsafe-fixes`);
  yield `\n\n${tail.join('; ')}\n`;
});
