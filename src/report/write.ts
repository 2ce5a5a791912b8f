/**
 * Writing a report as its pieces come, so that no copy of the whole of it is ever made (issue 7).
 * A report file is written beside its final name and renamed once complete: a run that fails
 * half-way (a full disk, a reporter that throws) leaves the previous file, not half a report.
 */
import { accessSync, closeSync, constants, lstatSync, openSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { commitReplacement, openReplacement, type Replacement } from '../cli/write-atomic.js';

/** Pieces are gathered to about this many characters per write: few system calls, little held. */
const BATCH = 1 << 16;

/** The pieces regrouped into writes of about BATCH characters; empty pieces are dropped. */
export function* batched(chunks: Iterable<string>, size = BATCH): Generator<string> {
  let parts: string[] = [];
  let length = 0;
  for (const c of chunks) {
    if (c === '') continue;
    parts.push(c);
    length += c.length;
    if (length >= size) {
      yield parts.join('');
      parts = [];
      length = 0;
    }
  }
  if (length > 0) yield parts.join('');
}

/** A failure of the file system, as opposed to one of the reporter producing the pieces. */
export class ReportWriteError extends Error {
  constructor(cause: unknown) {
    super((cause as Error).message, { cause });
  }
}

function fsStep<T>(step: () => T): T {
  try {
    return step();
  } catch (e) {
    throw new ReportWriteError(e);
  }
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  // A pipe or a terminal may take less than asked.
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}

function statOrUndefined(path: string, stat: (p: string) => Stats): Stats | undefined {
  try {
    return stat(path);
  } catch {
    return undefined;
  }
}

interface Destination {
  fd: number;
  /** The temporary file and the file it replaces when complete; absent when written in place. */
  replacement?: Replacement;
}

/**
 * Where the bytes go. Only a regular file (or a new one) is replaced: a device, a FIFO or
 * `/dev/stdout` is written in place, and so is anything the temporary file cannot stand for (a
 * file we may not write, a folder we may not create in, a dangling symlink), which then fails or
 * succeeds exactly as writing it directly did before.
 */
function open(path: string): Destination {
  const inPlace = (): Destination => ({ fd: fsStep(() => openSync(path, 'w')) });
  const st = statOrUndefined(path, statSync);
  if (st ? !st.isFile() : statOrUndefined(path, lstatSync)?.isSymbolicLink()) return inPlace();
  try {
    if (st) accessSync(path, constants.W_OK);
    const replacement = openReplacement(path);
    return { fd: replacement.fd, replacement };
  } catch {
    return inPlace();
  }
}

/**
 * Writes the pieces to `path`. File-system failures throw ReportWriteError; an error of the
 * pieces' producer is thrown as it is. Either way a temporary file is removed.
 */
export function writeReportFile(path: string, chunks: Iterable<string>): void {
  const dest = open(path);
  let complete = false;
  try {
    try {
      for (const piece of batched(chunks)) fsStep(() => writeAll(dest.fd, piece));
    } catch (e) {
      try {
        closeSync(dest.fd);
      } catch {
        // The first failure is the one to report.
      }
      throw e;
    }
    // Closing can report a deferred write error (NFS, some full disks).
    fsStep(() => closeSync(dest.fd));
    if (dest.replacement) fsStep(() => commitReplacement(dest.replacement!));
    complete = true;
  } finally {
    if (!complete && dest.replacement) rmSync(dest.replacement.tmp, { force: true });
  }
}

/** What the CLI writes to: process.stdout, or a test's collector (which has no events). */
export interface ReportStream {
  write(s: string): unknown;
  once?(event: string, listener: () => void): unknown;
  off?(event: string, listener: () => void): unknown;
}

/** Resolves when the stream has taken its queue; false when it closed or failed instead. */
function drained(stream: ReportStream): Promise<boolean> {
  if (typeof stream.once !== 'function' || typeof stream.off !== 'function') return Promise.resolve(true);
  return new Promise((resolve) => {
    const events = ['drain', 'close', 'error'] as const;
    const listeners = events.map((event) => () => {
      events.forEach((e, i) => stream.off!(e, listeners[i]!));
      resolve(event === 'drain');
    });
    events.forEach((e, i) => stream.once!(e, listeners[i]!));
  });
}

/**
 * Writes the pieces to a stream (stdout) in batches; says whether anything was written. A pipe
 * that takes the bytes slower than they come is waited for, so they do not pile up in memory; a
 * pipe closed by its reader (`| head`) ends the report.
 */
export async function writeReportStream(stream: ReportStream, chunks: Iterable<string>): Promise<boolean> {
  let any = false;
  for (const piece of batched(chunks)) {
    any = true;
    if (stream.write(piece) === false && !(await drained(stream))) break;
  }
  return any;
}
