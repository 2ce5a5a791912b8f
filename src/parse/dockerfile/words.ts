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

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** Characters the escape char protects inside double quotes (POSIX-like, as BuildKit's lexer). */
function escapableInDouble(c: string, escape: string): boolean {
  return c === '"' || c === '$' || c === escape || c === '`';
}

/**
 * Read one word starting at `i` (not blank). With `keepBlanks` the whole span is read as one
 * value (used for legacy `ENV KEY value with spaces`).
 */
function readValue(s: string, i: number, end: number, escape: string, keepBlanks: boolean): { value: string; next: number } {
  let value = '';
  while (i < end) {
    const c = s[i]!;
    if (!keepBlanks && isBlank(c)) break;
    if (c === escape && i + 1 < end) {
      value += s[i + 1];
      i += 2;
    } else if (c === "'") {
      i++;
      while (i < end && s[i] !== "'") value += s[i++];
      i++;
    } else if (c === '"') {
      i++;
      while (i < end && s[i] !== '"') {
        if (s[i] === escape && i + 1 < end && escapableInDouble(s[i + 1]!, escape)) {
          value += s[i + 1];
          i += 2;
        } else value += s[i++];
      }
      i++;
    } else {
      value += c;
      i++;
    }
  }
  return { value, next: Math.min(i, end) };
}

/**
 * How an instruction's arguments are split: `quoted` like a shell (ENV, ARG, LABEL, RUN…),
 * `blanks` on blanks only with quotes removed per word (FROM, COPY, ADD, EXPOSE, VOLUME),
 * `whole` as one string (USER, WORKDIR, STOPSIGNAL, MAINTAINER).
 */
export type SplitMode = 'quoted' | 'blanks' | 'whole';

export function splitWords(s: string, from: number, escape: string, mode: SplitMode = 'quoted', to = s.length): RawWord[] {
  const words: RawWord[] = [];
  let i = from;
  while (i < to) {
    while (i < to && isBlank(s[i])) i++;
    if (i >= to) break;
    const start = i;
    if (mode === 'quoted') {
      i = Math.max(readValue(s, i, to, escape, false).next, start + 1);
    } else if (mode === 'blanks') {
      while (i < to && !isBlank(s[i])) i++;
    } else {
      i = to;
      while (isBlank(s[i - 1])) i--;
    }
    const value = mode === 'quoted' ? readValue(s, start, i, escape, false).value : readValue(s, start, i, escape, true).value;
    words.push({ raw: s.slice(start, i), value, start, end: i });
  }
  return words;
}

/** Quote removal over a span, keeping blanks. */
export function unquote(s: string, from: number, to: number, escape: string): string {
  return readValue(s, from, to, escape, true).value;
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
