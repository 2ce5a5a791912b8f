/**
 * A file's text with a line index, so that offsets (what parsers and fixes use) and
 * 1-based line/column positions (what people and reporters use) convert in one place.
 */
export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in UTF-16 code units like editors and LSP do. */
  column: number;
  /** 0-based offset into the text. */
  offset: number;
}

/** A span in one file: offsets, end exclusive. Every model node carries one. */
export interface Ranged {
  path: string;
  start: number;
  end: number;
}

export class SourceFile {
  private lineStarts: number[] | undefined;

  constructor(
    /** Absolute path (or a pseudo path such as the stdin filename). */
    readonly path: string,
    readonly text: string,
  ) {}

  private starts(): number[] {
    if (this.lineStarts) return this.lineStarts;
    const starts = [0];
    const text = this.text;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
    return starts;
  }

  /**
   * Offset where each line starts, index 0 for line 1 (breaks: LF, CRLF, CR). Shared with
   * parsers so that a file is split into lines once; callers must not modify it.
   */
  lineStartOffsets(): readonly number[] {
    return this.starts();
  }

  get lineCount(): number {
    return this.starts().length;
  }

  positionAt(offset: number): Position {
    const starts = this.starts();
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - starts[lo]! + 1, offset: clamped };
  }

  /** Offset of a 1-based line and column; clamps to the text. */
  offsetAt(line: number, column: number): number {
    const starts = this.starts();
    const l = Math.max(1, Math.min(line, starts.length));
    return Math.min(starts[l - 1]! + Math.max(0, column - 1), this.text.length);
  }

  /** Offset where the 1-based line starts. */
  lineStart(line: number): number {
    return this.offsetAt(line, 1);
  }

  /** Offset of the end of the 1-based line, before its line break. */
  lineEnd(line: number): number {
    const starts = this.starts();
    if (line >= starts.length) return this.text.length;
    let end = starts[line]!;
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  slice(r: { start: number; end: number }): string {
    return this.text.slice(r.start, r.end);
  }

  ranged(start: number, end: number): Ranged {
    return { path: this.path, start, end };
  }
}
