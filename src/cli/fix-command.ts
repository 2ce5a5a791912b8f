/**
 * `--fix`, `--unsafe-fixes` and `--fix-dry-run` around the engine: the fix loop runs over an
 * in-memory overlay, then the changed files are written atomically (or shown as a diff). A file
 * whose text did not change is never written, so its timestamps and inode stay as they were.
 */
import { lint, type LintOutcome, type LintRequest } from '../engine/lint.js';
import { fixLoop, OverlayFileSystem } from '../engine/fix.js';
import type { FileSystem } from '../project/fs.js';
import { resolve } from 'node:path';
import { displayPath } from '../report/common.js';
import { unifiedDiff } from './unified-diff.js';
import { writeFileAtomic } from './write-atomic.js';

export interface FixCommandOptions {
  unsafe: boolean;
  dryRun: boolean;
  cwd: string;
}

export interface FixCommandOutcome {
  outcome: LintOutcome;
  /** `--fix-dry-run`: the unified diff of every change. */
  diff: string;
  /** Files changed, fixes applied, findings left. */
  summary: string;
  /** Files that could not be written (the run exits 2). */
  errors: string[];
  changed: string[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export async function runFix(request: LintRequest, fs: FileSystem, opts: FixCommandOptions): Promise<FixCommandOutcome> {
  // stdin stands for a file: its text is the base the fixes apply to, and each re-lint reads it back.
  let base: FileSystem = fs;
  let stdinPath: string | undefined;
  if (request.stdin) {
    stdinPath = resolve(request.cwd, request.stdin.filename);
    const withStdin = new OverlayFileSystem(fs);
    withStdin.changed.set(stdinPath, request.stdin.text);
    base = withStdin;
  }
  const lintWith = (overlay: FileSystem) =>
    lint({
      ...request,
      fs: overlay,
      ...(request.stdin ? { stdin: { ...request.stdin, text: overlay.readFile(stdinPath!) ?? '' } } : {}),
    });
  const run = await fixLoop(base, lintWith, { unsafe: opts.unsafe });
  const errors: string[] = [];
  const changed = [...run.files.keys()].sort();
  let diff = '';
  for (const path of changed) {
    const { before, after } = run.files.get(path)!;
    if (opts.dryRun) diff += unifiedDiff(displayPath(path, opts.cwd), before, after);
    else {
      try {
        writeFileAtomic(path, after);
      } catch (e) {
        errors.push(`cannot write ${displayPath(path, opts.cwd)}: ${(e as Error).message}`);
      }
    }
  }
  // A malformed fix is a rule bug: reported as an internal error after the report, like a crash.
  for (const fix of run.invalid) run.outcome.internalErrors.push(`the fix "${fix.title}" has overlapping or out-of-range edits`);
  const left = run.outcome.results.reduce((n, r) => n + r.findings.filter((f) => !f.suppressed).length, 0);
  const verb = opts.dryRun ? 'would fix' : 'fixed';
  const summary = `${verb} ${plural(run.fixesApplied, 'problem')} in ${plural(changed.length, 'file')}; ${plural(left, 'problem')} left`;
  return { outcome: run.outcome, diff, summary, errors, changed };
}
