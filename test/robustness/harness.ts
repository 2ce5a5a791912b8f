/**
 * Shared by the robustness tests: lint in-memory files through the real engine and every rule,
 * and list each way the outcome breaks the linter's promises (no crash, no internal error,
 * every range inside its file).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConfigProvider, type CliConfigProvider } from '../../src/cli/config-provider.js';
import { kindFromName } from '../../src/cli/discover.js';
import { lint, type LintOutcome } from '../../src/engine/lint.js';
import { rules } from '../../src/engine/registry.js';
import { memoryFileSystem } from '../../src/project/fs.js';
import { main, type CliIO } from '../../src/cli/main.js';
import type { Edit, Location } from '../../src/engine/types.js';
import { corpusDir } from '../helpers.js';

/** A folder that exists nowhere on disk, so no config file or stray file can leak in. */
export const ROOT = '/compose-lint-fuzz-root';

let provider: Promise<CliConfigProvider> | undefined;
/** Every rule on, so each rule's code path sees the fuzzed input. */
export function allRules(): Promise<CliConfigProvider> {
  provider ??= createConfigProvider({ cwd: ROOT, rules, preset: 'all', ruleFlags: [] });
  return provider;
}

export interface MemFile {
  /** Relative to {@link ROOT}. */
  name: string;
  text: string;
}

export async function lintTexts(files: readonly MemFile[], order?: readonly number[]): Promise<LintOutcome> {
  const tree: Record<string, string> = {};
  for (const f of files) tree[join(ROOT, f.name)] = f.text;
  const paths = (order ?? files.map((_, i) => i)).map((i) => join(ROOT, files[i]!.name));
  return lint({ cwd: ROOT, paths, config: await allRules(), fs: memoryFileSystem(tree), env: {} });
}

/** Indices of every CR and LF (`ends`), and of those that start a line break (a CRLF counts once). */
const lineIndexes = new Map<string, { ends: number[]; breaks: number[] }>();
function lineIndex(text: string): { ends: number[]; breaks: number[] } {
  let index = lineIndexes.get(text);
  if (!index) {
    index = { ends: [], breaks: [] };
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      index.ends.push(i);
      if (!(c === 10 && text.charCodeAt(i - 1) === 13)) index.breaks.push(i);
    }
    if (lineIndexes.size > 8) lineIndexes.clear();
    lineIndexes.set(text, index);
  }
  return index;
}

/** How many sorted numbers are below `x`. */
function countBelow(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Every broken promise in one outcome, as readable lines (empty when all is well). */
export function violations(outcome: LintOutcome, files: readonly MemFile[]): string[] {
  const texts = new Map(files.map((f) => [join(ROOT, f.name), f.text]));
  const bad: string[] = [];
  for (const e of outcome.internalErrors) bad.push(`internal error: ${e}`);
  for (const e of outcome.errors) bad.push(`usage error: ${e}`);
  const checkLoc = (what: string, loc: Location) => {
    const text = texts.get(loc.path);
    if (text === undefined) return void bad.push(`${what}: points into unknown ${loc.path}`);
    const { start, end } = loc;
    if (!(start.offset >= 0 && start.offset <= end.offset && end.offset <= text.length)) {
      bad.push(`${what}: offsets ${start.offset}-${end.offset} outside 0-${text.length}`);
    }
    const { ends, breaks } = lineIndex(text);
    for (const p of [start, end]) {
      // Same as splitting text.slice(0, offset) into lines, without rescanning the text for
      // every finding (thousands of findings on a long file made this check quadratic).
      const line = 1 + countBelow(breaks, p.offset);
      const k = countBelow(ends, p.offset);
      const column = p.offset - (k ? ends[k - 1]! : -1);
      if (p.line !== line || p.column !== column) bad.push(`${what}: ${p.line}:${p.column} is not offset ${p.offset} (${line}:${column})`);
    }
  };
  const checkEdit = (what: string, e: Edit) => {
    const text = texts.get(e.path);
    // A fix may create a file (a new .dockerignore); its range is then empty at 0.
    const length = text?.length ?? 0;
    if (!(e.start >= 0 && e.start <= e.end && e.end <= length)) bad.push(`${what}: edit ${e.start}-${e.end} outside 0-${length} of ${e.path}`);
  };
  for (const r of outcome.results) {
    if (!texts.has(r.path)) bad.push(`result for unknown ${r.path}`);
    for (const f of r.findings) {
      const what = `${f.ruleId} in ${r.path}`;
      if (/internal error/i.test(f.message)) bad.push(`${what}: ${f.message}`);
      checkLoc(what, f.location);
      for (const rel of f.related ?? []) checkLoc(`${what} (related)`, rel.location);
      for (const fix of [...(f.fix ? [f.fix] : []), ...(f.suggestions ?? [])]) for (const e of fix.edits) checkEdit(what, e);
    }
  }
  return bad;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The whole CLI on standard input, so nothing touches the disk and the exit code is real. */
export async function runCliOnStdin(text: string, filename: string, args: string[] = []): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    readStdin: () => text,
    env: {},
    cwd: ROOT,
  };
  const code = await main(['--format', 'json', '--preset', 'all', ...args, '--stdin-filename', filename, '-'], io);
  return { code, stdout, stderr };
}

/**
 * A fixed, varied sample of the real corpus: every `step`-th Dockerfile and compose file in
 * path order, so a run is repeatable and stays short.
 */
export function corpusSample(step: number): { name: string; text: string }[] {
  const all = readdirSync(corpusDir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && kindFromName(d.name))
    .map((d) => join(d.parentPath, d.name))
    .sort();
  return all.filter((_, i) => i % step === 0).map((p) => ({ name: kindFromName(p) === 'compose' ? 'compose.yaml' : 'Dockerfile', text: readFileSync(p, 'utf8') }));
}
