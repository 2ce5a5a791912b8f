/**
 * "linting 120/900 files" on stderr, redrawn in place, only when stderr is a terminal and the run
 * is big enough for the wait to be noticed. Counting happens where files are read: the engine reads
 * each linted file once through the FileSystem port, so wrapping the port counts without a hook.
 */
import { readWithin, type FileSystem } from '../project/fs.js';

export const PROGRESS_MIN_FILES = 300;

export interface ProgressSink {
  write(s: string): unknown;
  isTTY?: boolean;
}

export class Progress {
  private done = new Set<string>();
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly sink: ProgressSink,
    private readonly targets: ReadonlySet<string>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether progress should show for this many files on this sink (`force` is --progress). */
  static wanted(sink: ProgressSink, files: number, force: boolean | undefined): boolean {
    if (force !== undefined) return force;
    return Boolean(sink.isTTY) && files > PROGRESS_MIN_FILES;
  }

  wrap(fs: FileSystem): FileSystem {
    return {
      readFile: (p) => {
        const text = fs.readFile(p);
        if (this.targets.has(p) && !this.done.has(p)) this.tick(p);
        return text;
      },
      readFileWithin: (p, max) => {
        const read = readWithin(fs, p, max);
        if (this.targets.has(p) && !this.done.has(p)) this.tick(p);
        return read;
      },
      kind: (p) => fs.kind(p),
      readDir: (p) => fs.readDir(p),
      // Kept, so the size limit and the reasons of failed reads work with progress shown too.
      ...(fs.size ? { size: (p: string) => fs.size!(p) } : {}),
      ...(fs.readError ? { readError: (p: string) => fs.readError!(p) } : {}),
    };
  }

  private tick(path: string): void {
    this.done.add(path);
    const t = this.now();
    // Redrawing costs a write; ten a second is smooth enough.
    if (t - this.lastDraw < 100 && this.done.size < this.targets.size) return;
    this.lastDraw = t;
    this.drawn = true;
    this.sink.write(`\r\u001b[2Klinting ${this.done.size}/${this.targets.size} files`);
  }

  /** Clears the line so the report starts on a clean terminal. */
  finish(): void {
    if (this.drawn) this.sink.write('\r\u001b[2K');
    this.drawn = false;
  }
}
