/**
 * Which files to lint: folders are walked (no symlinks followed, .git and node_modules skipped,
 * config `ignore` globs applied) and files are kept by name; files named on
 * the command line are linted whatever their name.
 */
import { basename, join, resolve } from 'node:path';
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

/**
 * Every regular file below `root`, sorted by path. The walk goes through the FileSystem port, so
 * the listings it makes are the ones the rest of the run answers "does this exist?" from, and
 * symbolic links are neither entered nor linted.
 */
function walk(root: string, fs: FileSystem, errors: string[], isIgnored: (path: string) => boolean): string[] {
  const out: string[] = [];
  const pending = [root];
  while (pending.length) {
    const dir = pending.pop()!;
    for (const entry of fs.readDir(dir) ?? []) {
      const path = join(dir, entry.name);
      if (entry.kind === 'file') out.push(path);
      else if (entry.kind === 'dir' && !SKIPPED_FOLDERS.has(entry.name)) {
        // Node decodes a name that is not UTF-8 with U+FFFD, and the decoded name opens nothing:
        // such a folder cannot be walked, which must be said rather than skipped in silence.
        if (entry.name.includes('\uFFFD')) {
          if (!isIgnored(path)) errors.push(`${path}: cannot be walked (its name is not valid UTF-8, which Node.js cannot open)`);
        } else pending.push(path);
      }
    }
  }
  return out.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
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
