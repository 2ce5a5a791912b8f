/**
 * The FileSystem port: the only way the engine reads files, so tests can run on an in-memory tree
 * and rules can never reach the disk.
 */
import { closeSync, fstatSync, openSync, readFileSync, readdirSync, lstatSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type EntryKind = 'file' | 'dir' | 'symlink';

export interface FileSystem {
  /** Text of a regular file, or undefined when missing / unreadable / a folder. */
  readFile(path: string): string | undefined;
  kind(path: string): EntryKind | undefined;
  /** Names in a folder (not recursive), or undefined when it is not a readable folder. */
  readDir(path: string): { name: string; kind: EntryKind }[] | undefined;
  /** Size in bytes of the file a path leads to (links followed); undefined when unknown. */
  size?(path: string): number | undefined;
  /**
   * The text of a file of at most `maxBytes` bytes, or the size of a larger one (left unread);
   * undefined as for `readFile`. One open answers both, where `size` then `readFile` resolve the
   * path twice. Optional: `readWithin` falls back to those two. A view that changes what
   * `readFile` answers must override this one as well, or leave it out.
   */
  readFileWithin?(path: string, maxBytes: number): string | { size: number } | undefined;
  /** Why the last `readFile` of this path gave undefined, in a few words ("permission denied"). */
  readError?(path: string): string | undefined;
}

/** Node's error codes in words a user can act on. */
const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOENT: 'it no longer exists (removed during the run?)',
  ENOTDIR: 'a part of its path is not a directory',
  ELOOP: 'a loop of symbolic links',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

// Reasons of failed reads, by path, for the message the engine prints. A reason is asked for
// just after its read failed, so only the most recent are kept: every project looks for files
// that do not exist (`.env`, overrides), and keeping them all grew with the tree (~40 k reasons,
// ~6 MB, at 32× the corpus).
const readErrors = new Map<string, string>();
const KEPT_REASONS = 256;

function noteReadError(path: string, e: unknown): void {
  readErrors.delete(path);
  if (readErrors.size >= KEPT_REASONS) readErrors.delete(readErrors.keys().next().value!);
  readErrors.set(path, reasonOf(path, e));
}

function reasonOf(path: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code ?? '';
  // A name that is not valid UTF-8 reaches us with U+FFFD in it: no such file can be opened.
  if (code === 'ENOENT' && path.includes('\uFFFD')) return 'its name is not valid UTF-8, which Node.js cannot open';
  return REASONS[code] ?? (code || String(e));
}

export const nodeFileSystem: FileSystem = {
  readFile(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch (e) {
      noteReadError(path, e);
      return undefined;
    }
  },
  readFileWithin(path, maxBytes) {
    let fd: number | undefined;
    try {
      fd = openSync(path, 'r');
      const s = fstatSync(fd);
      // Opening a folder succeeds on Linux: say what reading it would have said.
      if (s.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
      if (s.isFile() && s.size > maxBytes) return { size: s.size };
      return readFileSync(fd, 'utf8');
    } catch (e) {
      noteReadError(path, e);
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  },
  size(path) {
    try {
      const s = statSync(path, { throwIfNoEntry: false });
      return s?.isFile() ? s.size : undefined;
    } catch {
      return undefined;
    }
  },
  readError: (path) => readErrors.get(path),
  kind(path) {
    try {
      // Most paths asked about do not exist: `throwIfNoEntry` spares an exception for each.
      const s = lstatSync(path, { throwIfNoEntry: false });
      return !s ? undefined : s.isSymbolicLink() ? 'symlink' : s.isDirectory() ? 'dir' : 'file';
    } catch {
      return undefined;
    }
  },
  readDir(path) {
    try {
      return readdirSync(path, { withFileTypes: true }).map((d) => ({
        name: d.name,
        kind: d.isSymbolicLink() ? 'symlink' : d.isDirectory() ? 'dir' : 'file',
      }));
    } catch {
      return undefined;
    }
  },
};

/** `fs.readFileWithin`, or the same answer from `size` and `readFile` for a port without it. */
export function readWithin(fs: FileSystem, path: string, maxBytes: number): string | { size: number } | undefined {
  if (fs.readFileWithin) return fs.readFileWithin(path, maxBytes);
  const size = fs.size?.(path);
  return size !== undefined && size > maxBytes ? { size } : fs.readFile(path);
}

/** An in-memory tree for tests: keys are absolute POSIX paths, values file texts. */
export function memoryFileSystem(files: Record<string, string>): FileSystem {
  const dirs = new Map<string, Map<string, EntryKind>>();
  const add = (dir: string, name: string, kind: EntryKind) => {
    let m = dirs.get(dir);
    if (!m) dirs.set(dir, (m = new Map()));
    if (!m.has(name)) m.set(name, kind);
  };
  for (const p of Object.keys(files)) {
    const parts = p.split('/').filter(Boolean);
    for (let i = 0; i < parts.length; i++) {
      const dir = '/' + parts.slice(0, i).join('/');
      add(dir, parts[i]!, i === parts.length - 1 ? 'file' : 'dir');
    }
  }
  return {
    readFile: (p) => files[p],
    size: (p) => (Object.hasOwn(files, p) ? Buffer.byteLength(files[p]!) : undefined),
    kind: (p) => (p in files ? 'file' : dirs.has(p) ? 'dir' : undefined),
    readDir: (p) => {
      const m = dirs.get(p);
      return m ? [...m].map(([name, kind]) => ({ name, kind })) : undefined;
    },
  };
}

/**
 * Context-relative POSIX paths of the files under `dir` (folders end with '/'), breadth-first so
 * the top of the context is always listed, stopping after `limit` entries. Folders in `opaque`
 * (such as `.git`, `node_modules`) are listed but not entered.
 */
export function listTree(
  fs: FileSystem,
  dir: string,
  limit = 20000,
  opaque: ReadonlySet<string> = new Set(['.git', 'node_modules']),
): { files: string[]; truncated: boolean } {
  const files: string[] = [];
  const queue: string[] = [''];
  while (queue.length) {
    const rel = queue.shift()!;
    const entries = fs.readDir(rel ? join(dir, rel) : dir);
    if (!entries) continue;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (files.length >= limit) return { files, truncated: true };
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.kind === 'dir') {
        files.push(path + '/');
        if (!opaque.has(e.name)) queue.push(path);
      } else {
        files.push(path);
      }
    }
  }
  return { files, truncated: false };
}
