/**
 * Replacing a file so that a crash or a full disk never leaves half of it: the text goes to a
 * temporary file in the same folder (same file system, so rename is atomic), which then replaces
 * the original. The original's permission bits are kept; a symlink is followed, not replaced.
 * Used by --fix (writeFileAtomic) and by reports written piece by piece (src/report/write.ts).
 */
import { chmodSync, closeSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A temporary file open for writing, and the file it is to replace. */
export interface Replacement {
  fd: number;
  tmp: string;
  target: string;
  /** The target's permission bits; undefined for a file being created. */
  mode: number | undefined;
}

/** Opens the temporary file that will stand in for `path` (its final target, links followed). */
export function openReplacement(path: string): Replacement {
  let target = path;
  let mode: number | undefined;
  try {
    target = realpathSync(path);
    mode = statSync(target).mode & 0o7777;
  } catch {
    // A file being created: default permissions.
  }
  // Opened with 'wx', so a clash fails rather than overwrites. Not node:crypto: loading it costs
  // start-up time, and the name needs no secrecy.
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  return { fd: openSync(tmp, 'wx', mode ?? 0o666), tmp, target, mode };
}

/** Puts the closed temporary file in place of its target. */
export function commitReplacement(r: Replacement): void {
  // openSync's mode is filtered by the umask; the original's bits must come back exactly.
  if (r.mode !== undefined) chmodSync(r.tmp, r.mode);
  renameSync(r.tmp, r.target);
}

export function writeFileAtomic(path: string, text: string): void {
  const r = openReplacement(path);
  try {
    try {
      writeSync(r.fd, text);
      fsyncSync(r.fd);
    } finally {
      closeSync(r.fd);
    }
    commitReplacement(r);
  } catch (e) {
    rmSync(r.tmp, { force: true });
    throw e;
  }
}
