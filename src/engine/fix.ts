/**
 * Applying fixes, ESLint's way: fixes are sorted by where they start, taken greedily, and a fix
 * that overlaps one already taken waits for the next pass, after a re-lint of the changed text.
 * Only the edited ranges change, so YAML comments and layout elsewhere stay byte for byte.
 * Nothing here writes to disk: changed texts live in an overlay over the FileSystem port, and the
 * caller decides whether to write them (--fix) or show them (--fix-dry-run, the fixture harness).
 */
import { sep } from 'node:path';
import { readWithin, type FileSystem } from '../project/fs.js';
import type { Edit, FileResult, Finding, Fix } from './types.js';

export const MAX_FIX_PASSES = 10;

export interface FixOptions {
  /** Apply unsafe fixes too (`--unsafe-fixes`); safe ones are always applied. */
  unsafe: boolean;
  /** Which findings may be fixed (the harness keeps the rule under test only). */
  accept?: (f: Finding) => boolean;
}

function byStart(a: Edit, b: Edit): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start || a.end - b.end;
}

/**
 * Two edits of one file conflict when their ranges overlap, or when both insert at one point
 * (their order would be a guess). An insertion at the edge of a replacement is well ordered.
 */
function conflicts(a: Edit, b: Edit): boolean {
  if (a.path !== b.path) return false;
  if (a.start < b.end && b.start < a.end) return true;
  return a.start === a.end && b.start === b.end && a.start === b.start;
}

/** The text with the edits applied; edits must not conflict (see {@link conflicts}). */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort(byStart);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** Whether the fix may be applied under the options: an edit creating a file counts as unsafe. */
export function fixAllowed(fix: Fix, exists: (path: string) => boolean, opts: Pick<FixOptions, 'unsafe'>): boolean {
  if (opts.unsafe) return true;
  return fix.safety === 'safe' && fix.edits.every((e) => exists(e.path));
}

/** The fixes worth trying, in application order (by their first edit). */
export function candidateFixes(results: readonly FileResult[], exists: (path: string) => boolean, opts: FixOptions): Fix[] {
  const fixes: Fix[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      if (f.suppressed || !f.fix || f.fix.edits.length === 0) continue;
      if (opts.accept && !opts.accept(f)) continue;
      if (fixAllowed(f.fix, exists, opts)) fixes.push(f.fix);
    }
  }
  const first = (fix: Fix) => [...fix.edits].sort(byStart)[0]!;
  return fixes.sort((a, b) => byStart(first(a), first(b)));
}

export interface PassOutcome {
  /** New text of every file the pass changed (created files included). */
  texts: Map<string, string>;
  applied: Fix[];
  /** Fixes that overlapped an earlier one; a re-lint decides whether they are still wanted. */
  deferred: Fix[];
  /** Fixes whose edits are out of their file's bounds or overlap each other: rule bugs. */
  invalid: Fix[];
}

/** One pass: take each fix whose edits conflict with none taken so far, then apply per file. */
export function applyFixPass(read: (path: string) => string | undefined, fixes: readonly Fix[]): PassOutcome {
  const taken = new Map<string, Edit[]>();
  const applied: Fix[] = [];
  const deferred: Fix[] = [];
  const invalid: Fix[] = [];
  const lengths = new Map<string, number>();
  const lengthOf = (path: string) => {
    if (!lengths.has(path)) lengths.set(path, read(path)?.length ?? 0);
    return lengths.get(path)!;
  };
  for (const fix of fixes) {
    const edits = [...fix.edits].sort(byStart);
    const selfConflict = edits.some((e, i) => i > 0 && conflicts(edits[i - 1]!, e));
    const outOfBounds = edits.some((e) => e.start < 0 || e.end < e.start || e.end > lengthOf(e.path));
    if (selfConflict || outOfBounds) {
      invalid.push(fix);
      continue;
    }
    if (edits.some((e) => (taken.get(e.path) ?? []).some((t) => conflicts(t, e)))) {
      deferred.push(fix);
      continue;
    }
    for (const e of edits) {
      let list = taken.get(e.path);
      if (!list) taken.set(e.path, (list = []));
      list.push(e);
    }
    applied.push(fix);
  }
  const texts = new Map<string, string>();
  for (const [path, edits] of taken) {
    const before = read(path) ?? '';
    const after = applyEdits(before, edits);
    if (after !== before || read(path) === undefined) texts.set(path, after);
  }
  return { texts, applied, deferred, invalid };
}

/**
 * A FileSystem that shows the texts fixes produced over the real one. Created files appear in
 * their folder's listing, so the project graph (context listings, .dockerignore) sees them.
 */
export class OverlayFileSystem implements FileSystem {
  readonly changed = new Map<string, string>();

  constructor(readonly base: FileSystem) {}

  readFile(path: string): string | undefined {
    return this.changed.has(path) ? this.changed.get(path) : this.base.readFile(path);
  }

  readFileWithin(path: string, maxBytes: number): string | { size: number } | undefined {
    if (!this.changed.has(path)) return readWithin(this.base, path, maxBytes);
    const text = this.changed.get(path)!;
    const size = Buffer.byteLength(text);
    return size > maxBytes ? { size } : text;
  }

  size(path: string): number | undefined {
    return this.changed.has(path) ? Buffer.byteLength(this.changed.get(path)!) : this.base.size?.(path);
  }

  readError(path: string): string | undefined {
    return this.changed.has(path) ? undefined : this.base.readError?.(path);
  }

  kind(path: string) {
    if (this.changed.has(path)) return 'file' as const;
    const k = this.base.kind(path);
    if (k) return k;
    for (const p of this.changed.keys()) if (p.startsWith(path + sep)) return 'dir' as const;
    return undefined;
  }

  readDir(path: string) {
    const entries = this.base.readDir(path);
    const added = new Map<string, 'file' | 'dir'>();
    const prefix = path.endsWith(sep) ? path : path + sep;
    for (const p of this.changed.keys()) {
      if (!p.startsWith(prefix)) continue;
      // A file created in a folder that does not exist yet makes that folder appear, as kind() says.
      const rest = p.slice(prefix.length);
      const cut = rest.indexOf(sep);
      const name = cut < 0 ? rest : rest.slice(0, cut);
      if (!entries?.some((e) => e.name === name)) added.set(name, cut < 0 ? 'file' : 'dir');
    }
    if (!entries && added.size === 0) return undefined;
    return [...(entries ?? []), ...[...added].map(([name, kind]) => ({ name, kind }))];
  }
}

export interface FixRun<Outcome> {
  /** The lint outcome of the final text. */
  outcome: Outcome;
  /** Files whose text changed: `before` is undefined for a created file. */
  files: Map<string, { before: string | undefined; after: string }>;
  fixesApplied: number;
  passes: number;
  /** Fixes that could not be applied: rule bugs, reported by the caller. */
  invalid: Fix[];
}

/**
 * Lint, apply, re-lint, at most {@link MAX_FIX_PASSES} times, until no fix is left to apply.
 * `lintWith` runs the whole lint over the given file system (the overlay of the fixed texts).
 */
export async function fixLoop<Outcome extends { results: FileResult[] }>(
  baseFs: FileSystem,
  lintWith: (fs: FileSystem) => Promise<Outcome>,
  opts: FixOptions,
): Promise<FixRun<Outcome>> {
  const overlay = new OverlayFileSystem(baseFs);
  const exists = (p: string) => overlay.readFile(p) !== undefined;
  let outcome = await lintWith(overlay);
  let fixesApplied = 0;
  let passes = 0;
  const invalid: Fix[] = [];
  while (passes < MAX_FIX_PASSES) {
    const fixes = candidateFixes(outcome.results, exists, opts);
    if (fixes.length === 0) break;
    const pass = applyFixPass((p) => overlay.readFile(p), fixes);
    invalid.push(...pass.invalid);
    if (pass.applied.length === 0 || pass.texts.size === 0) break;
    for (const [path, text] of pass.texts) overlay.changed.set(path, text);
    fixesApplied += pass.applied.length;
    passes++;
    outcome = await lintWith(overlay);
  }
  const files = new Map<string, { before: string | undefined; after: string }>();
  for (const [path, after] of overlay.changed) {
    const before = baseFs.readFile(path);
    if (before !== after) files.set(path, { before, after });
  }
  return { outcome, files, fixesApplied, passes, invalid };
}
