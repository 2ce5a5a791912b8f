/**
 * Physical layout of a Dockerfile as BuildKit reads it: parser directives, comment lines,
 * logical instruction lines (continuations joined) and heredoc bodies. Everything keeps a
 * mapping back to source offsets so the model builder never guesses positions.
 */

export interface PhysLine {
  /** Offset of the first character. */
  start: number;
  /** Offset after the last character, before the line break. */
  end: number;
}

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

export interface RawComment {
  text: string;
  start: number;
  end: number;
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

export interface ScanResult {
  lines: PhysLine[];
  directives: RawDirective[];
  comments: RawComment[];
  instructions: ScannedInstruction[];
}

export function splitLines(text: string): PhysLine[] {
  const lines: PhysLine[] = [];
  let start = 0;
  if (text.indexOf('\r') < 0) {
    // No CR at all (most files): `indexOf` finds each break faster than a loop over every character.
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      lines.push({ start, end: nl });
      start = nl + 1;
    }
    lines.push({ start, end: text.length });
    return lines;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push({ start, end: i });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push({ start, end: text.length });
  return lines;
}

const DIRECTIVE = /^([ \t]*#[ \t]*)([A-Za-z][A-Za-z0-9]*)([ \t]*=[ \t]*)(.*?)[ \t]*$/;
const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);

/**
 * Directives are only read from the leading run of `# name=value` lines; the first line that is
 * anything else (blank, other comment, unknown name, instruction) ends the run.
 */
export function scanDirectives(text: string, lines: PhysLine[]): { directives: RawDirective[]; next: number } {
  const directives: RawDirective[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const ln = lines[i]!;
    let start = ln.start;
    if (i === 0 && text.charCodeAt(0) === 0xfeff) start++;
    const content = text.slice(start, ln.end);
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

/** Offset of the first non-blank character of the line, or -1. */
function firstNonBlank(text: string, ln: PhysLine): number {
  for (let k = ln.start; k < ln.end; k++) {
    const c = text[k];
    if (c !== ' ' && c !== '\t' && c !== '\uFEFF') return k;
  }
  return -1;
}

/** Offset of the escape char when the line ends with `escape[ \t]*`, else -1. */
function continuationAt(text: string, ln: PhysLine, escape: string, from: number): number {
  let k = ln.end - 1;
  while (k >= from && (text[k] === ' ' || text[k] === '\t')) k--;
  return k >= from && text[k] === escape ? k : -1;
}

function commentOf(text: string, hash: number, ln: PhysLine): RawComment {
  return { text: text.slice(hash + 1, ln.end).trim(), start: hash, end: ln.end };
}

/**
 * Walk the file after the directives. `heredocsOf` is asked, for each logical line, which
 * heredoc bodies follow it (only the instruction layer knows which keywords allow them).
 */
export function scanBody(
  text: string,
  lines: PhysLine[],
  firstLine: number,
  escape: string,
  heredocsOf: (line: LogicalLine) => HeredocRequest[],
): { comments: RawComment[]; instructions: ScannedInstruction[] } {
  const comments: RawComment[] = [];
  const instructions: ScannedInstruction[] = [];
  let i = firstLine;
  while (i < lines.length) {
    const ln = lines[i]!;
    const first = firstNonBlank(text, ln);
    if (first < 0) {
      i++;
      continue;
    }
    if (text[first] === '#') {
      comments.push(commentOf(text, first, ln));
      i++;
      continue;
    }
    // Pieces are sliced, never copied character by character.
    const parts: string[] = [];
    const pieceStarts: number[] = [];
    const pieceOffsets: number[] = [];
    let length = 0;
    let from = first;
    let cur = ln;
    for (;;) {
      const cont = continuationAt(text, cur, escape, from);
      const stop = cont >= 0 ? cont : cur.end;
      if (stop > from) {
        parts.push(text.slice(from, stop));
        pieceStarts.push(length);
        pieceOffsets.push(from);
        length += stop - from;
      }
      i++;
      if (cont < 0) break;
      // Comment and blank lines inside a continuation are dropped, as BuildKit does.
      let next: PhysLine | undefined;
      while (i < lines.length) {
        const cand = lines[i]!;
        const fnb = firstNonBlank(text, cand);
        if (fnb < 0) {
          i++;
          continue;
        }
        if (text[fnb] === '#') {
          comments.push(commentOf(text, fnb, cand));
          i++;
          continue;
        }
        next = cand;
        break;
      }
      if (!next) break;
      cur = next;
      from = cur.start;
    }
    let chars = parts.length === 1 ? parts[0]! : parts.join('');
    // Trailing blanks are not part of the instruction.
    let trimmed = chars.length;
    while (trimmed > 0 && (chars.charCodeAt(trimmed - 1) === 32 || chars.charCodeAt(trimmed - 1) === 9)) trimmed--;
    if (trimmed === 0) continue;
    if (trimmed < chars.length) {
      chars = chars.slice(0, trimmed);
      while (pieceStarts[pieceStarts.length - 1]! >= trimmed) {
        pieceStarts.pop();
        pieceOffsets.pop();
      }
    }
    const logical: LogicalLine = { text: chars, pieceStarts, pieceOffsets, end: 0, lastLine: i - 1 };
    logical.end = sourceOffset(logical, trimmed - 1) + 1;
    const bodies: RawHeredocBody[] = [];
    for (const req of heredocsOf(logical)) {
      const bodyStart = i < lines.length ? lines[i]!.start : text.length;
      let done: RawHeredocBody | undefined;
      while (i < lines.length) {
        const bl = lines[i]!;
        let from = bl.start;
        if (req.stripTabs) while (from < bl.end && text.charCodeAt(from) === 9) from++;
        i++;
        if (bl.end - from === req.name.length && text.startsWith(req.name, from)) {
          done = { bodyStart, bodyEnd: bl.start, terminated: true, end: bl.end };
          break;
        }
      }
      bodies.push(done ?? { bodyStart, bodyEnd: text.length, terminated: false, end: text.length });
    }
    instructions.push({ line: logical, bodies });
  }
  return { comments, instructions };
}
