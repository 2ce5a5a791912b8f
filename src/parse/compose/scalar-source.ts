/**
 * Maps each character of a YAML scalar's value back to the source text it came from, so that a
 * `${VAR}` found in the value can be reported where it is written even when the scalar is
 * quoted, escaped, folded or a block scalar.
 */

export type ScalarStyle = 'plain' | 'single' | 'double' | 'block';

/** For value character i: source offsets [starts[i], ends[i]). */
export interface OffsetMap {
  starts: number[];
  ends: number[];
}

interface Decoded {
  value: string;
  starts: number[];
  ends: number[];
}

class Builder implements Decoded {
  value = '';
  starts: number[] = [];
  ends: number[] = [];
  push(s: string, start: number, end: number): void {
    for (let k = 0; k < s.length; k++) {
      this.value += s[k];
      this.starts.push(start);
      this.ends.push(end);
    }
  }
}

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/**
 * Decode the scalar written in text[start, end) and return an offset map for its value.
 * When our decoding disagrees with the value yaml produced (an exotic case we do not model),
 * fall back to a coarse map so ranges still stay inside the scalar.
 */
export function mapScalarOffsets(
  text: string,
  start: number,
  end: number,
  style: ScalarStyle,
  expected: string,
): OffsetMap {
  let decoded: Decoded | undefined;
  try {
    if (style === 'plain') decoded = decodeFlow(text, start, end, 'plain');
    else if (style === 'single') decoded = decodeFlow(text, start + 1, end - 1, 'single');
    else if (style === 'double') decoded = decodeFlow(text, start + 1, end - 1, 'double');
    else decoded = decodeBlock(text, start, end);
  } catch {
    decoded = undefined;
  }
  if (decoded && decoded.value === expected) return decoded;
  return fallbackMap(text, start, end, expected);
}

function fallbackMap(text: string, start: number, end: number, expected: string): OffsetMap {
  const at = text.slice(start, end).indexOf(expected);
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < expected.length; i++) {
    if (at >= 0) {
      starts.push(start + at + i);
      ends.push(start + at + i + 1);
    } else {
      starts.push(start);
      ends.push(end);
    }
  }
  return { starts, ends };
}

/**
 * Where value[0] is written when the scalar is written exactly as its value (a plain scalar on
 * one line, a quoted one without escapes or folding), else undefined. Every transformation the
 * decoders make shortens or changes the text, so equal text means each value character maps to
 * the source character at the same distance: most scalars need no offset map at all.
 */
export function verbatimStart(text: string, start: number, end: number, style: ScalarStyle, expected: string): number | undefined {
  if (style === 'block') return undefined;
  const from = style === 'plain' ? start : start + 1;
  const to = style === 'plain' ? end : end - 1;
  return to - from === expected.length && text.startsWith(expected, from) ? from : undefined;
}

/**
 * Source ranges of parts value[i, j) of the scalar written in text[start, end), as
 * `sourceSpan(mapScalarOffsets(…), i, j, end)` gives them; the map is built only for a scalar
 * that is not written verbatim, and then once.
 */
export function scalarSpans(text: string, start: number, end: number, style: ScalarStyle, expected: string): (i: number, j: number) => [number, number] {
  const base = verbatimStart(text, start, end, style, expected);
  if (base === undefined) {
    const map = mapScalarOffsets(text, start, end, style, expected);
    return (i, j) => sourceSpan(map, i, j, end);
  }
  // The identity map: value[k] is at base + k, one character long.
  const n = expected.length;
  return (i, j) => {
    if (j > i && i < n) return [base + i, base + Math.min(j, n)];
    const s = i < n ? base + i : n > 0 ? base + n : end;
    return [s, s];
  };
}

/** Source range of value[i, j) under a map; an empty span sits before value[i]. */
export function sourceSpan(map: OffsetMap, i: number, j: number, fallbackEnd: number): [number, number] {
  const n = map.starts.length;
  if (j > i && i < n) {
    const s = map.starts[i]!;
    const e = map.ends[Math.min(j, n) - 1]!;
    return [s, Math.max(s, e)];
  }
  const s = i < n ? map.starts[i]! : n > 0 ? map.ends[n - 1]! : fallbackEnd;
  return [s, s];
}

/**
 * Plain and quoted scalars share YAML's line folding: a single line break between text becomes a
 * space, each further empty line becomes a newline, and whitespace around breaks is dropped.
 */
function decodeFlow(text: string, from: number, to: number, kind: 'plain' | 'single' | 'double'): Decoded {
  const out = new Builder();
  let i = from;
  // Whitespace seen on the current line that is kept only if more content follows on the line.
  let pendingWs = '';
  let pendingStart = -1;
  const flushWs = (): void => {
    if (pendingWs) {
      for (let k = 0; k < pendingWs.length; k++) out.push(pendingWs[k]!, pendingStart + k, pendingStart + k + 1);
    }
    pendingWs = '';
  };
  while (i < to) {
    const c = text[i]!;
    if (c === '\r' || c === '\n') {
      // A line break: count empty lines up to the next content.
      const breakStart = i;
      let newlines = 0;
      let j = i;
      for (;;) {
        if (text[j] === '\r' && text[j + 1] === '\n') j += 2;
        else if (text[j] === '\n' || text[j] === '\r') j++;
        else break;
        newlines++;
        while (j < to && isBlank(text[j])) j++;
      }
      pendingWs = '';
      if (newlines === 1) out.push(' ', breakStart, j);
      else out.push('\n'.repeat(newlines - 1), breakStart, j);
      i = j;
      continue;
    }
    if (isBlank(c)) {
      if (!pendingWs) pendingStart = i;
      pendingWs += c;
      i++;
      continue;
    }
    flushWs();
    if (kind === 'single' && c === "'" && text[i + 1] === "'") {
      out.push("'", i, i + 2);
      i += 2;
      continue;
    }
    if (kind === 'double' && c === '\\') {
      i = decodeEscape(text, i, to, out);
      continue;
    }
    out.push(c, i, i + 1);
    i++;
  }
  if (kind !== 'plain') flushWs();
  return out;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};

function decodeEscape(text: string, i: number, to: number, out: Builder): number {
  const n = text[i + 1];
  if (n === '\r' || n === '\n') {
    // Escaped line break: joins lines without a space; leading blanks of the next line go.
    let j = i + 1;
    if (text[j] === '\r' && text[j + 1] === '\n') j += 2;
    else j++;
    while (j < to && isBlank(text[j])) j++;
    return j;
  }
  if (n !== undefined && n in SIMPLE_ESCAPES) {
    out.push(SIMPLE_ESCAPES[n]!, i, i + 2);
    return i + 2;
  }
  const width = n === 'x' ? 2 : n === 'u' ? 4 : n === 'U' ? 8 : 0;
  if (width) {
    const hex = text.slice(i + 2, i + 2 + width);
    if (/^[0-9a-fA-F]+$/.test(hex) && hex.length === width) {
      out.push(String.fromCodePoint(parseInt(hex, 16)), i, i + 2 + width);
      return i + 2 + width;
    }
  }
  throw new Error('unknown escape');
}

/** Literal (`|`) and folded (`>`) block scalars with chomping and indentation indicators. */
function decodeBlock(text: string, start: number, end: number): Decoded {
  let i = start;
  const folded = text[i] === '>';
  i++;
  let chomp: 'clip' | 'strip' | 'keep' = 'clip';
  let explicitIndent = 0;
  while (i < end && text[i] !== '\n' && text[i] !== '\r' && text[i] !== ' ' && text[i] !== '#') {
    const c = text[i]!;
    if (c === '-') chomp = 'strip';
    else if (c === '+') chomp = 'keep';
    else if (c >= '1' && c <= '9') explicitIndent = Number(c);
    i++;
  }
  while (i < end && text[i] !== '\n') i++;
  i++;
  // Collect content lines as [start, end) offsets (without the line break).
  const lines: [number, number][] = [];
  let p = i;
  while (p < end) {
    let q = p;
    while (q < end && text[q] !== '\n') q++;
    let e = q;
    if (e > p && text[e - 1] === '\r') e--;
    lines.push([p, e]);
    p = q + 1;
  }
  // Indentation of the block: the parent's indentation is unknown here, so an explicit
  // indicator is taken relative to the least indented non-empty line.
  let indent = -1;
  for (const [s, e] of lines) {
    let k = s;
    while (k < e && text[k] === ' ') k++;
    if (k < e) {
      indent = k - s;
      break;
    }
  }
  if (explicitIndent && indent >= 0) {
    let min = Infinity;
    for (const [s, e] of lines) {
      let k = s;
      while (k < e && text[k] === ' ') k++;
      if (k < e) min = Math.min(min, k - s);
    }
    indent = min;
  }
  const out = new Builder();
  if (indent < 0) {
    // Only empty lines: value is empty except with keep chomping.
    if (chomp === 'keep') for (const [s, e] of lines) out.push('\n', e, Math.min(e + 1, end));
    return trimTrailing(out, chomp);
  }
  // A line of spaces only (up to any length) is an empty line of the block.
  const isEmptyLine = (s: number, e: number): boolean => /^[ ]*$/.test(text.slice(s, e));
  const content = lines.map(([s, e]) => ({ from: s, s: Math.min(s + indent, e), e }));
  let prevKind: 'none' | 'normal' | 'more' = 'none';
  let pendingBreaks: number[] = [];
  for (const line of content) {
    if (isEmptyLine(line.from, line.e)) {
      pendingBreaks.push(line.from);
      continue;
    }
    const more = isBlank(text[line.s]);
    if (prevKind !== 'none') {
      // The break ending the previous content line, then one per empty line.
      const breaks = pendingBreaks.length;
      if (folded && prevKind === 'normal' && !more) {
        if (breaks === 0) out.push(' ', line.s - 1, line.s);
        else for (const b of pendingBreaks) out.push('\n', b, b + 1);
      } else {
        out.push('\n', line.s - 1, line.s);
        for (const b of pendingBreaks) out.push('\n', b, b + 1);
      }
    } else {
      for (const b of pendingBreaks) out.push('\n', b, b + 1);
    }
    pendingBreaks = [];
    for (let k = line.s; k < line.e; k++) out.push(text[k]!, k, k + 1);
    prevKind = more ? 'more' : 'normal';
  }
  // Trailing line breaks: the one ending the last content line plus empty lines (keep only).
  const lastLine = content.filter((l) => !isEmptyLine(l.from, l.e)).pop();
  if (lastLine) out.push('\n', lastLine.e, lastLine.e + 1);
  if (chomp === 'keep') for (const b of pendingBreaks) out.push('\n', b, b + 1);
  return trimTrailing(out, chomp);
}

function trimTrailing(out: Builder, chomp: 'clip' | 'strip' | 'keep'): Decoded {
  if (chomp === 'keep') return out;
  let n = out.value.length;
  while (n > 0 && out.value[n - 1] === '\n') n--;
  const keep = chomp === 'clip' && n < out.value.length && n > 0 ? n + 1 : n;
  return { value: out.value.slice(0, keep), starts: out.starts.slice(0, keep), ends: out.ends.slice(0, keep) };
}
