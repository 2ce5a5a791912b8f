/**
 * Which files to lint: folders are walked (no symlinks followed, .git and node_modules skipped,
 * config `ignore` globs applied) and files are kept by name; files named on
 * the command line are linted whatever their name.
 */
import { basename, join, resolve, sep } from 'node:path';
import type { FileSystem } from '../project/fs.js';

export type FileKind = 'dockerfile' | 'compose';

const DOCKERFILE_NAME = /^(?:(?:Dockerfile|Containerfile)(?:\..+)?|.+\.[Dd]ockerfile)$/;
// BuildKit reads `<Dockerfile name>.dockerignore` as that Dockerfile's ignore file, not a Dockerfile.
const DOCKERIGNORE_NAME = /\.dockerignore$/;
const COMPOSE_NAME = /^(?:docker-)?compose(?:\.[^/]+)?\.ya?ml$/;

/** The kind a file name announces, if any. */
export function kindFromName(path: string): FileKind | undefined {
  const name = basename(path);
  if (COMPOSE_NAME.test(name)) return 'compose';
  if (DOCKERFILE_NAME.test(name) && !DOCKERIGNORE_NAME.test(name)) return 'dockerfile';
  return undefined;
}

/**
 * Guess the kind of an explicitly named file from its content. The first instruction of a
 * Dockerfile (FROM or ARG) decides first, because a heredoc or a comment in a Dockerfile can hold
 * YAML-looking lines; otherwise a compose top-level key (`services:`, …) at column 1, or a
 * top-level key holding `image:` / `build:` (the legacy v1 layout) means compose.
 */
export function kindFromContent(text: string): FileKind | undefined {
  const body = text.replace(/^\uFEFF/, '');
  for (const line of body.split(/\r?\n/)) {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) continue;
    if (/^(?:FROM|ARG)\s/i.test(t)) return 'dockerfile';
    break;
  }
  if (/^(?:services|volumes|networks|secrets|configs|include|name|version)\s*:/m.test(body)) return 'compose';
  // Legacy (v1) compose files have services at the top level, each with an `image:` or `build:`.
  if (/^[\w.-]+:[ \t]*\r?\n(?:[ \t]+\S.*\r?\n|[ \t]*\r?\n)*?[ \t]+(?:image|build)[ \t]*:/m.test(body)) return 'compose';
  return undefined;
}

export interface DiscoveredFile {
  path: string;
  kind: FileKind;
  /** Named on the command line (not found by walking a folder). */
  explicit: boolean;
}

export interface DiscoverOptions {
  cwd: string;
  fs: FileSystem;
  /** The config's `ignore` globs, asked for every file found by walking a folder. */
  isIgnored(path: string): boolean;
  /** Forced kind for explicit files. */
  kind?: FileKind;
}

export interface DiscoverResult {
  files: DiscoveredFile[];
  /** Command-line paths that do not exist, or explicit files whose kind cannot be told. */
  errors: string[];
}

// Folders never worth entering: version control and installed packages.
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);

/** An entry of a folder worth walking: a regular file or a folder to enter. */
export interface WalkEntry {
  path: string;
  dir: boolean;
  /**
   * A folder whose name is not UTF-8: Node decodes it with U+FFFD, and the decoded name opens
   * nothing, so it cannot be walked, which a walk must say (unwalkable) rather than skip in silence.
   */
  badName?: true;
}

/**
 * The entries of a folder that a walk visits, in the order that makes a depth-first walk meet
 * paths in sorted order: a folder sorts as its name followed by the separator, which is where all
 * the paths below it sort. Symbolic links are neither entered nor linted.
 */
export function walkEntries(dir: string, fs: FileSystem): WalkEntry[] {
  const keyed: { key: string; entry: WalkEntry }[] = [];
  for (const e of fs.readDir(dir) ?? []) {
    const path = join(dir, e.name);
    if (e.kind === 'file') keyed.push({ key: e.name, entry: { path, dir: false } });
    else if (e.kind === 'dir' && !SKIPPED_FOLDERS.has(e.name)) {
      keyed.push({ key: e.name + sep, entry: e.name.includes('\uFFFD') ? { path, dir: true, badName: true } : { path, dir: true } });
    }
  }
  return keyed.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0)).map((k) => k.entry);
}

/** The error of a folder that cannot be walked (WalkEntry.badName). */
export const unwalkable = (path: string) => `${path}: cannot be walked (its name is not valid UTF-8, which Node.js cannot open)`;

/**
 * Every regular file below `root`, sorted by path (walkEntries' order makes the walk's order the
 * sorted one), and the folders that cannot be walked said in that order. The walk goes through
 * the FileSystem port, so the listings it makes are the ones the rest of the run answers "does
 * this exist?" from.
 */
function walk(root: string, fs: FileSystem, errors: string[], isIgnored: (path: string) => boolean): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const e of walkEntries(dir, fs)) {
      if (e.badName) {
        if (!isIgnored(e.path)) errors.push(unwalkable(e.path));
      } else if (e.dir) visit(e.path);
      else out.push(e.path);
    }
  };
  visit(root);
  return out;
}

/** The walk is synchronous underneath (the FileSystem port is); the promise form is the public one. */
export async function discover(paths: string[], opts: DiscoverOptions): Promise<DiscoverResult> {
  return discoverSync(paths, opts);
}

function contentKind(text: string | undefined): FileKind | undefined {
  return text === undefined ? undefined : kindFromContent(text);
}

/** discover() without the promise, for callers that lint lazily as a report pulls results. */
export function discoverSync(paths: string[], opts: DiscoverOptions): DiscoverResult {
  const files = new Map<string, DiscoveredFile>();
  const errors: string[] = [];
  for (const p of paths.length ? paths : ['.']) {
    const abs = resolve(opts.cwd, p);
    let kind = opts.fs.kind(abs);
    // A symlink named on the command line is what the user asked for: lint its target. Only
    // links met while walking a folder are left alone.
    if (kind === 'symlink') {
      const resolved = opts.fs.readDir(abs) ? 'dir' : opts.fs.readFile(abs) !== undefined ? 'file' : undefined;
      if (!resolved) {
        const loop = /loop/.test(opts.fs.readError?.(abs) ?? '');
        errors.push(`${p}: cannot be read (${loop ? 'a loop of symbolic links' : 'a symbolic link to nothing'})`);
        continue;
      }
      kind = resolved;
    }
    if (kind === 'dir') {
      for (const f of walk(abs, opts.fs, errors, opts.isIgnored)) {
        const k = kindFromName(f);
        if (k && !files.has(f) && !opts.isIgnored(f)) files.set(f, { path: f, kind: k, explicit: false });
      }
    } else if (kind === 'file') {
      // Read only when the name does not tell: lint() reads the file anyway, and a unit-by-unit
      // run names each of its files (reading them here too was a second read of every file).
      const k = opts.kind ?? kindFromName(abs) ?? contentKind(opts.fs.readFile(abs));
      if (!k) errors.push(`${p}: cannot tell whether this is a Dockerfile or a compose file; pass --kind dockerfile|compose`);
      else files.set(abs, { path: abs, kind: k, explicit: true });
    } else {
      errors.push(`${p}: no such file or directory`);
    }
  }
  return { files: [...files.values()], errors };
}
