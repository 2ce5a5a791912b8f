/**
 * Word-level reading of a logical instruction line: quote-aware splitting, quote removal and
 * the exec-form JSON array. Positions are indices into the logical line.
 */

export interface RawWord {
  /** Text as written (quotes kept). */
  raw: string;
  /** After quote and escape removal. */
  value: string;
  start: number;
  end: number;
}

const isBlank = (c: number): boolean => c === 32 || c === 9;

/** Characters the escape char protects inside double quotes (POSIX-like, as BuildKit's lexer). */
function escapableInDouble(c: string, escape: string): boolean {
  return c === '"' || c === '$' || c === escape || c === '`';
}

/**
 * Quote and escape removal over [i, end). Without `keepBlanks` it stops at the first blank
 * outside quotes; with it the whole span is one value (legacy `ENV KEY value with spaces`).
 * Runs of plain characters are copied as slices rather than one character at a time.
 */
function readValue(s: string, i: number, end: number, escape: string, keepBlanks: boolean): string {
  let value = '';
  let run = i;
  while (i < end) {
    const c = s[i]!;
    if (!keepBlanks && (c === ' ' || c === '\t')) break;
    if (c === escape && i + 1 < end) {
      value += s.slice(run, i) + s[i + 1];
      i += 2;
      run = i;
    } else if (c === "'") {
      value += s.slice(run, i);
      i++;
      const close = s.indexOf("'", i);
      const stop = close < 0 || close > end ? end : close;
      value += s.slice(i, stop);
      i = stop + 1;
      run = i;
    } else if (c === '"') {
      value += s.slice(run, i);
      i++;
      run = i;
      while (i < end && s[i] !== '"') {
        if (s[i] === escape && i + 1 < end && escapableInDouble(s[i + 1]!, escape)) {
          value += s.slice(run, i) + s[i + 1];
          i += 2;
          run = i;
        } else i++;
      }
      value += s.slice(run, i);
      i++;
      run = i;
    } else i++;
  }
  return run < end && run < i ? value + s.slice(run, Math.min(i, end)) : value;
}

/**
 * End of the shell-like word starting at `i` (not blank): the first blank outside quotes and
 * not escaped, the same stop `readValue` makes, without building the value.
 */
function quotedWordEnd(s: string, i: number, end: number, escape: string): number {
  while (i < end) {
    const c = s[i]!;
    if (c === ' ' || c === '\t') break;
    if (c === escape && i + 1 < end) i += 2;
    else if (c === "'") {
      const close = s.indexOf("'", i + 1);
      i = close < 0 || close > end ? end + 1 : close + 1;
    } else if (c === '"') {
      i++;
      while (i < end && s[i] !== '"') i += s[i] === escape && i + 1 < end && escapableInDouble(s[i + 1]!, escape) ? 2 : 1;
      i++;
    } else i++;
  }
  return Math.min(i, end);
}

/** Whether [from, to) holds a quote or the escape char, i.e. whether quote removal changes it. */
function needsUnquote(s: string, from: number, to: number, escape: string): boolean {
  for (let k = from; k < to; k++) {
    const c = s[k];
    if (c === '"' || c === "'" || c === escape) return true;
  }
  return false;
}

/**
 * How an instruction's arguments are split: `quoted` like a shell (ENV, ARG, LABEL, RUN…),
 * `blanks` on blanks only with quotes removed per word (FROM, COPY, ADD, EXPOSE, VOLUME),
 * `whole` as one string (USER, WORKDIR, STOPSIGNAL, MAINTAINER).
 */
export type SplitMode = 'quoted' | 'blanks' | 'whole';

/** The next word at or after `i` (blanks skipped), or undefined at `to`. */
export function nextWord(s: string, i: number, escape: string, mode: SplitMode, to: number): RawWord | undefined {
  while (i < to && isBlank(s.charCodeAt(i))) i++;
  if (i >= to) return undefined;
  const start = i;
  if (mode === 'quoted') {
    i = Math.max(quotedWordEnd(s, i, to, escape), start + 1);
  } else if (mode === 'blanks') {
    while (i < to && !isBlank(s.charCodeAt(i))) i++;
  } else {
    i = to;
    while (isBlank(s.charCodeAt(i - 1))) i--;
  }
  const raw = s.slice(start, i);
  const value = needsUnquote(s, start, i, escape) ? readValue(s, start, i, escape, mode !== 'quoted') : raw;
  return { raw, value, start, end: i };
}

export function splitWords(s: string, from: number, escape: string, mode: SplitMode = 'quoted', to = s.length): RawWord[] {
  const words: RawWord[] = [];
  for (let w = nextWord(s, from, escape, mode, to); w; w = nextWord(s, w.end, escape, mode, to)) words.push(w);
  return words;
}

/** Quote removal over a span, keeping blanks. */
export function unquote(s: string, from: number, to: number, escape: string): string {
  return needsUnquote(s, from, to, escape) ? readValue(s, from, to, escape, true) : s.slice(from, to);
}

export interface JsonItem {
  value: string;
  /** Span of the string token, quotes included. */
  start: number;
  end: number;
}

/**
 * `["a", "b"]` → items, or null when the text is not a JSON array of strings (BuildKit then
 * falls back to shell form, so this is not an error).
 */
export function parseJsonArray(s: string, from: number): JsonItem[] | null {
  let i = from;
  const skip = (): void => {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
  };
  skip();
  if (s[i] !== '[') return null;
  i++;
  const items: JsonItem[] = [];
  skip();
  if (s[i] === ']') {
    i++;
    skip();
    return i === s.length ? items : null;
  }
  for (;;) {
    skip();
    if (s[i] !== '"') return null;
    const start = i;
    i++;
    while (i < s.length && s[i] !== '"') i += s[i] === '\\' ? 2 : 1;
    if (i >= s.length) return null;
    i++;
    let value: unknown;
    try {
      value = JSON.parse(s.slice(start, i));
    } catch {
      return null;
    }
    if (typeof value !== 'string') return null;
    items.push({ value, start, end: i });
    skip();
    if (s[i] === ',') {
      i++;
      continue;
    }
    if (s[i] !== ']') return null;
    i++;
    skip();
    return i === s.length ? items : null;
  }
}
