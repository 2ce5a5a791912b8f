/**
 * `--format pretty`: ESLint's "pretty" layout (eslint-formatter-pretty) fed ESLint-shaped results,
 * for people who know that look. Colour is forced on or off per call, and stripped entirely
 * (hyperlinks included) when off, so the output never depends on what stdout was at import time.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import prettyFormatter from 'eslint-formatter-pretty';
import type { FileResult, Finding, ReportContext, Reporter } from '../engine/types.js';
import { ruleDocsUrl } from '../meta.js';
import { countFindings, displayPath, eslintSeverity, hintLines, summaryLine, visibleFindings } from './common.js';

type Colour = 'blue' | 'dim' | 'red' | 'yellow';
type Chalk = { level: number } & Record<Colour, (text: string) => string>;

/**
 * The chalk instance the formatter imported (resolved from the formatter's folder, so a nested
 * copy is still the right one): chalk fixes its level from stdout once, at import, which is wrong
 * for `--color` into a pipe or `--no-color` on a terminal.
 */
const formatterChalk: Chalk | undefined = await (async () => {
  try {
    const fromFormatter = createRequire(createRequire(import.meta.url).resolve('eslint-formatter-pretty'));
    const mod = (await import(pathToFileURL(fromFormatter.resolve('chalk')).href)) as { default: Chalk };
    return typeof mod.default?.level === 'number' ? mod.default : undefined;
  } catch {
    return undefined;
  }
})();

/** SGR colours and OSC 8 hyperlinks (the formatter links rule ids to their docs). */
const ANSI = /\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)|\u001B\[[0-?]*[ -/]*[@-~]/g;

export function stripAnsi(s: string): string {
  return s.replace(ANSI, '');
}

function message(f: Finding, paint: (c: Colour, s: string) => string): string {
  // The formatter draws info with the warning symbol, so the word tells them apart.
  let text = f.severity === 'info' ? `${paint('blue', 'info')} ${f.message}` : f.message;
  // One line per finding: only the first hint fits, the others are counted.
  const [first, ...rest] = hintLines(f);
  if (first) text += ' ' + paint('dim', `(${first}${rest.length ? `, +${rest.length} more` : ''})`);
  return text;
}

function toEslint(results: readonly FileResult[], ctx: ReportContext, paint: (c: Colour, s: string) => string) {
  // The formatter prints paths relative to process.cwd(); absolute paths also keep its links
  // working, so relative ones are handed over only when our cwd is another folder.
  const sameCwd = resolve(ctx.cwd) === process.cwd();
  return results.map((r) => {
    const findings = visibleFindings(r);
    const c = countFindings(findings);
    return {
      filePath: sameCwd ? r.path : displayPath(r.path, ctx.cwd),
      messages: findings.map((f) => ({
        ruleId: f.ruleId,
        severity: eslintSeverity(f.severity),
        message: message(f, paint),
        line: f.location.start.line,
        column: f.location.start.column,
        endLine: f.location.end.line,
        endColumn: f.location.end.column,
      })),
      errorCount: c.errors,
      warningCount: c.warnings + c.info,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      fatalErrorCount: 0,
      suppressedMessages: [],
      usedDeprecatedRules: [],
    };
  });
}

function rulesMeta(results: readonly FileResult[], ctx: ReportContext) {
  const meta: Record<string, { docs: { url?: string } }> = {};
  for (const [id, m] of ctx.rules) meta[id] = { docs: { url: m.docsUrl ?? ruleDocsUrl(m.kind, m.id) } };
  // Without an entry the formatter would guess a URL among ESLint's own rules.
  for (const r of results) for (const f of r.findings) meta[f.ruleId] ??= { docs: {} };
  return meta;
}

export const pretty: Reporter = (results, ctx) => {
  const counts = countFindings(results.flatMap((r) => visibleFindings(r)));
  if (counts.errors + counts.warnings + counts.info === 0) return '';
  const chalk = formatterChalk;
  const saved = chalk?.level;
  if (chalk) chalk.level = ctx.color ? Math.max(chalk.level, 1) : 0;
  const paint = (c: Colour, s: string) => (ctx.color && chalk ? chalk[c](s) : s);
  try {
    const out = (prettyFormatter as (r: unknown, d: unknown) => string)(toEslint(results, ctx, paint), {
      cwd: ctx.cwd,
      rulesMeta: rulesMeta(results, ctx),
    });
    // Its closing counts call info a warning; ours replace them.
    const body = out.slice(0, out.lastIndexOf('\n\n') + 2);
    const colour: Colour = counts.errors > 0 ? 'red' : counts.warnings > 0 ? 'yellow' : 'blue';
    // log-symbols fixes its colours from stdout at import, so with colour forced on and a pipe as
    // stdout the symbols come out bare: paint them here.
    const painted = ctx.color
      ? body.replace(/^( {2})(⚠|‼|✖|×)( )/gm, (_m, pad: string, sym: string, sp: string) =>
          `${pad}${paint(sym === '✖' || sym === '×' ? 'red' : 'yellow', sym)}${sp}`)
      : body;
    const report = `${painted}  ${paint(colour, summaryLine(counts))}\n`;
    return ctx.color ? report : stripAnsi(report);
  } finally {
    if (chalk && saved !== undefined) chalk.level = saved;
  }
};
