/**
 * Physical layout of a Dockerfile as BuildKit reads it: parser directives, comment lines,
 * logical instruction lines (continuations joined) and heredoc bodies. Everything keeps a
 * mapping back to source offsets so the model builder never guesses positions.
 */
import type { Comment } from './model.js';

export interface RawDirective {
  name: string;
  value: string;
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
}

/**
 * One instruction with continuation lines joined, as BuildKit concatenates them. `text` is made
 * of pieces, each an unbroken run of source characters: piece k starts at logical index
 * `pieceStarts[k]` and at source offset `pieceOffsets[k]`. (A per-character offset table made the
 * scanner allocate a number for every character of the file.)
 */
export interface LogicalLine {
  text: string;
  pieceStarts: number[];
  pieceOffsets: number[];
  /** Source offset after the last character of the logical line. */
  end: number;
  /** Index of the last physical line consumed. */
  lastLine: number;
}

/** Source offset of the character at logical index `i` (0 <= i < text.length). */
export function sourceOffset(line: LogicalLine, i: number): number {
  const starts = line.pieceStarts;
  let k = starts.length - 1;
  if (k > 0 && starts[k]! > i) {
    // Binary search for the last piece starting at or before `i`.
    let lo = 0;
    let hi = k;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    k = lo;
  }
  return line.pieceOffsets[k]! + (i - starts[k]!);
}

export interface HeredocRequest {
  name: string;
  stripTabs: boolean;
}

export interface RawHeredocBody {
  bodyStart: number;
  bodyEnd: number;
  terminated: boolean;
  /** End of the terminator line content (or end of text when unterminated). */
  end: number;
}

export interface ScannedInstruction {
  line: LogicalLine;
  bodies: RawHeredocBody[];
}

/**
 * Offset after the last character of line `i`, before its break. `starts` is the line index of
 * the file's SourceFile (CR, LF and CRLF breaks), so the text is split into lines only once.
 */
function lineEnd(text: string, starts: readonly number[], i: number): number {
  if (i + 1 >= starts.length) return text.length;
  const brk = starts[i + 1]! - 1;
  return text.charCodeAt(brk) === 10 && brk > starts[i]! && text.charCodeAt(brk - 1) === 13 ? brk - 1 : brk;
}

const DIRECTIVE = /^([ \t]*#[ \t]*)([A-Za-z][A-Za-z0-9]*)([ \t]*=[ \t]*)(.*?)[ \t]*$/;
const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);

/**
 * Directives are only read from the leading run of `# name=value` lines; the first line that is
 * anything else (blank, other comment, unknown name, instruction) ends the run.
 */
export function scanDirectives(text: string, starts: readonly number[]): { directives: RawDirective[]; next: number } {
  const directives: RawDirective[] = [];
  let i = 0;
  for (; i < starts.length; i++) {
    let start = starts[i]!;
    if (i === 0 && text.charCodeAt(0) === 0xfeff) start++;
    // Directives are `#` lines: anything else ends the run without slicing the line.
    let k = start;
    while (k < text.length && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
    if (text.charCodeAt(k) !== 35) break;
    const content = text.slice(start, lineEnd(text, starts, i));
    const m = DIRECTIVE.exec(content);
    if (!m || m[4] === '' || !KNOWN_DIRECTIVES.has(m[2]!.toLowerCase())) break;
    const nameStart = start + m[1]!.length;
    const nameEnd = nameStart + m[2]!.length;
    const valueStart = nameEnd + m[3]!.length;
    const valueEnd = valueStart + m[4]!.length;
    directives.push({
      name: m[2]!.toLowerCase(),
      value: m[4]!,
      start: start + m[1]!.indexOf('#'),
      end: valueEnd,
      nameStart,
      nameEnd,
      valueStart,
      valueEnd,
    });
  }
  return { directives, next: i };
}

/** Offset of the first non-blank character of [start, end), or -1. */
function firstNonBlank(text: string, start: number, end: number): number {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 0xfeff) return k;
  }
  return -1;
}

/** Offset of the escape char when the line ends with `escape[ \t]*`, else -1. */
function continuationAt(text: string, end: number, escape: number, from: number): number {
  let k = end - 1;
  while (k >= from && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--;
  return k >= from && text.charCodeAt(k) === escape ? k : -1;
}

/** What `String.prototype.trim` removes (line breaks cannot occur inside a line). */
function isTrimmed(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The model's comment for `#` at `hash`, its text trimmed by index (one slice, no copy to trim). */
function commentOf(path: string, text: string, hash: number, end: number): Comment {
  let a = hash + 1;
  let b = end;
  while (a < b && isTrimmed(text.charCodeAt(a))) a++;
  while (b > a && isTrimmed(text.charCodeAt(b - 1))) b--;
  return { text: text.slice(a, b), range: { path, start: hash, end } };
}

const NO_BODIES: RawHeredocBody[] = [];
// Scratch space for the pieces of the logical line being read (source spans), reused across
// lines so that each line allocates only its exact-size tables.
const pieceFrom: number[] = [];
const pieceTo: number[] = [];
const pieceAt: number[] = [];

/**
 * Walk the file after the directives. `heredocsOf` is asked, for each logical line, which
 * heredoc bodies follow it (only the instruction layer knows which keywords allow them).
 */
export function scanBody(
  path: string,
  text: string,
  starts: readonly number[],
  firstLine: number,
  escape: string,
  heredocsOf: (line: LogicalLine) => HeredocRequest[],
): { comments: Comment[]; instructions: ScannedInstruction[] } {
  const comments: Comment[] = [];
  const instructions: ScannedInstruction[] = [];
  const esc = escape.charCodeAt(0);
  const n = starts.length;
  let i = firstLine;
  while (i < n) {
    const lnEnd = lineEnd(text, starts, i);
    const first = firstNonBlank(text, starts[i]!, lnEnd);
    if (first < 0) {
      i++;
      continue;
    }
    if (text.charCodeAt(first) === 35) {
      comments.push(commentOf(path, text, first, lnEnd));
      i++;
      continue;
    }
    let np = 0;
    let from = first;
    let curEnd = lnEnd;
    for (;;) {
      const cont = continuationAt(text, curEnd, esc, from);
      const stop = cont >= 0 ? cont : curEnd;
      if (stop > from) {
        pieceFrom[np] = from;
        pieceTo[np] = stop;
        np++;
      }
      i++;
      if (cont < 0) break;
      // Comment and blank lines inside a continuation are dropped, as BuildKit does.
      let found = false;
      while (i < n) {
        const candEnd = lineEnd(text, starts, i);
        const fnb = firstNonBlank(text, starts[i]!, candEnd);
        if (fnb < 0) {
          i++;
          continue;
        }
        if (text.charCodeAt(fnb) === 35) {
          comments.push(commentOf(path, text, fnb, candEnd));
          i++;
          continue;
        }
        found = true;
        curEnd = candEnd;
        break;
      }
      if (!found) break;
      from = starts[i]!;
    }
    // Trailing blanks are not part of the instruction; they may span several pieces.
    while (np > 0) {
      const f = pieceFrom[np - 1]!;
      let t = pieceTo[np - 1]!;
      while (t > f && (text.charCodeAt(t - 1) === 32 || text.charCodeAt(t - 1) === 9)) t--;
      if (t > f) {
        pieceTo[np - 1] = t;
        break;
      }
      np--;
    }
    if (np === 0) continue;
    let chars: string;
    let pieceStarts: number[];
    let pieceOffsets: number[];
    if (np === 1) {
      chars = text.slice(pieceFrom[0]!, pieceTo[0]!);
      pieceStarts = [0];
      pieceOffsets = [pieceFrom[0]!];
    } else {
      // Pieces are sliced, never copied character by character.
      chars = '';
      for (let k = 0; k < np; k++) {
        pieceAt[k] = chars.length;
        chars += text.slice(pieceFrom[k]!, pieceTo[k]!);
      }
      pieceStarts = pieceAt.slice(0, np);
      pieceOffsets = pieceFrom.slice(0, np);
    }
    const logical: LogicalLine = { text: chars, pieceStarts, pieceOffsets, end: pieceTo[np - 1]!, lastLine: i - 1 };
    const requests = heredocsOf(logical);
    const bodies: RawHeredocBody[] = requests.length === 0 ? NO_BODIES : [];
    for (const req of requests) {
      const bodyStart = i < n ? starts[i]! : text.length;
      let done: RawHeredocBody | undefined;
      while (i < n) {
        const blStart = starts[i]!;
        const blEnd = lineEnd(text, starts, i);
        let from = blStart;
        if (req.stripTabs) while (from < blEnd && text.charCodeAt(from) === 9) from++;
        i++;
        if (blEnd - from === req.name.length && text.startsWith(req.name, from)) {
          done = { bodyStart, bodyEnd: blStart, terminated: true, end: blEnd };
          break;
        }
      }
      bodies.push(done ?? { bodyStart, bodyEnd: text.length, terminated: false, end: text.length });
    }
    instructions.push({ line: logical, bodies });
  }
  return { comments, instructions };
}
