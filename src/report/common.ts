/** Small pieces every reporter needs: counts, severities, paths and source lines. */
import { relative, sep } from 'node:path';
import { SourceFile } from '../parse/source.js';
import type { FileResult, Finding, Fix, Severity } from '../engine/types.js';

/** ESLint knows only 2 (error) and 1 (warning); info rides on 1 and keeps its own word elsewhere. */
export function eslintSeverity(s: Severity): 1 | 2 {
  return s === 'error' ? 2 : 1;
}

export interface Counts {
  errors: number;
  warnings: number;
  info: number;
}

export function countFindings(findings: Iterable<Finding>): Counts {
  const c: Counts = { errors: 0, warnings: 0, info: 0 };
  for (const f of findings) {
    if (f.suppressed) continue;
    if (f.severity === 'error') c.errors++;
    else if (f.severity === 'warning') c.warnings++;
    else c.info++;
  }
  return c;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `3 problems (1 error, 1 warning, 1 info)`; "info" has no plural. */
export function summaryLine(c: Counts): string {
  const total = c.errors + c.warnings + c.info;
  return `${plural(total, 'problem')} (${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${c.info} info)`;
}

/** Path as the user typed it: relative to cwd, with forward slashes on every platform. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  if (rel === '') return path.split(sep).join('/');
  return rel.split(sep).join('/');
}

export function visibleFindings(result: FileResult): Finding[] {
  return result.findings.filter((f) => !f.suppressed);
}

/** The line index of a result's file, when the engine handed its text over. */
export function sourceOfResult(r: FileResult): SourceFile | undefined {
  return r.text === undefined ? undefined : new SourceFile(r.path, r.text);
}

/** Line index per path, for the files whose text the engine handed over. */
export function sourcesOf(results: readonly FileResult[]): Map<string, SourceFile> {
  const map = new Map<string, SourceFile>();
  for (const r of results) if (r.text !== undefined) map.set(r.path, new SourceFile(r.path, r.text));
  return map;
}

/** The fix first, then the suggestions, each tagged with what it is. */
export function fixesOf(f: Finding): { kind: 'fix' | 'suggestion'; fix: Fix }[] {
  const out: { kind: 'fix' | 'suggestion'; fix: Fix }[] = [];
  if (f.fix) out.push({ kind: 'fix', fix: f.fix });
  for (const s of f.suggestions ?? []) out.push({ kind: 'suggestion', fix: s });
  return out;
}

/**
 * Hint lines under a finding ("fix: …", "suggestion: …"). A title the message already says is
 * left out, so a message that names its remedy does not repeat it.
 */
export function hintLines(f: Finding): string[] {
  const msg = f.message.toLowerCase();
  const lines: string[] = [];
  for (const { kind, fix } of fixesOf(f)) {
    const title = fix.title.trim();
    if (title === '' || msg.includes(title.toLowerCase())) continue;
    const unsafe = kind === 'fix' && fix.safety === 'unsafe' ? ' (unsafe)' : '';
    lines.push(`${kind}${unsafe}: ${title}`);
  }
  return lines;
}
