/**
 * The human report. With colour it is eslint-formatter-pretty fed ESLint-shaped results; without
 * colour it is the plain one-line-per-finding form (see plain.ts for why).
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pretty from 'eslint-formatter-pretty';
import type { FileResult, Finding, ReportContext, Reporter } from '../engine/types.js';
import { ruleDocsUrl } from '../meta.js';
import {
  countFindings,
  displayPath,
  eslintSeverity,
  hintLines,
  summaryLine,
  visibleFindings,
} from './common.js';
import { plain } from './plain.js';

type Colour = 'blue' | 'dim' | 'red' | 'yellow';
type Chalk = { level: number } & Record<Colour, (text: string) => string>;

/**
 * The chalk instance the formatter itself imported, so that its level can be forced for one call:
 * chalk picks its level from stdout once at import, which is wrong when `--color` is given while
 * piping. Resolved from the formatter's own folder, not ours, so a nested copy is still the right one.
 */
const formatterChalk: Chalk | undefined = await (async () => {
  try {
    const req = createRequire(import.meta.url);
    const fromFormatter = createRequire(req.resolve('eslint-formatter-pretty'));
    const mod = (await import(pathToFileURL(fromFormatter.resolve('chalk')).href)) as { default: Chalk };
    return typeof mod.default?.level === 'number' ? mod.default : undefined;
  } catch {
    return undefined;
  }
})();

/** Every ESC sequence: SGR colours and OSC hyperlinks, so a colourless run is never coloured. */
const ANSI = /\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)|\u001B\[[0-?]*[ -/]*[@-~]/g;

export function stripAnsi(s: string): string {
  return s.replace(ANSI, '');
}

function prettyMessage(f: Finding, chalk: Chalk | undefined): string {
  const paint = (colour: Colour, s: string) => (chalk ? chalk[colour](s) : s);
  // The formatter draws info with the warning symbol, so the word itself tells them apart.
  let message = f.severity === 'info' ? `${paint('blue', 'info')} ${f.message}` : f.message;
  // One line per finding here, so only the first hint fits; the rest are counted.
  const [first, ...rest] = hintLines(f);
  if (first) message += ' ' + paint('dim', `(${first}${rest.length > 0 ? `, +${rest.length} more` : ''})`);
  return message;
}

function toEslint(results: readonly FileResult[], ctx: ReportContext, chalk: Chalk | undefined) {
  // The formatter shows paths relative to process.cwd(); an absolute path also makes its
  // hyperlinks work, so relative paths are only handed over when the two cwds differ.
  const sameCwd = resolve(ctx.cwd) === process.cwd();
  return results.map((r) => {
    const findings = visibleFindings(r);
    const c = countFindings(findings);
    return {
      filePath: sameCwd ? r.path : displayPath(r.path, ctx.cwd),
      messages: findings.map((f) => ({
        ruleId: f.ruleId,
        severity: eslintSeverity(f.severity),
        message: prettyMessage(f, chalk),
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
  for (const [id, m] of ctx.rules) meta[id] = { docs: { url: ruleDocsUrl(m.kind, m.id) } };
  // Without an entry the formatter guesses a URL from ESLint's own rule names.
  for (const r of results) for (const f of r.findings) meta[f.ruleId] ??= { docs: {} };
  return meta;
}

function prettyReport(results: FileResult[], ctx: ReportContext): string {
  const chalk = formatterChalk;
  const savedLevel = chalk?.level;
  if (chalk && chalk.level === 0) chalk.level = 1;
  try {
    const counts = countFindings(results.flatMap((r) => r.findings));
    if (counts.errors + counts.warnings + counts.info === 0) return '';
    const eslintResults = toEslint(results, ctx, chalk);
    const out = (pretty as (r: unknown, d: unknown) => string)(eslintResults, {
      cwd: ctx.cwd,
      rulesMeta: rulesMeta(results, ctx),
    });
    // Its own closing counts call info a warning; ours replaces them.
    const body = out.slice(0, out.lastIndexOf('\n\n') + 2);
    const colour: Colour = counts.errors > 0 ? 'red' : counts.warnings > 0 ? 'yellow' : 'blue';
    const summary = chalk ? chalk[colour](summaryLine(counts)) : summaryLine(counts);
    return `${body}  ${summary}\n`;
  } finally {
    if (chalk && savedLevel !== undefined) chalk.level = savedLevel;
  }
}

export const text: Reporter = (results, ctx) =>
  ctx.color ? prettyReport(results, ctx) : stripAnsi(plain(results, ctx));
