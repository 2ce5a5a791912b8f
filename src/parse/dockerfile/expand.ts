/**
 * Variable substitution for one word (FROM image, --platform), remembering where each output
 * character came from so that parts of the result can be mapped back to the source.
 */

export interface Expansion {
  value: string;
  /** Per output character: its index in the input, or -1 when produced by a variable. */
  origin: number[];
  /** Every variable name referenced, in order, without duplicates. */
  names: string[];
  /** Names whose value is unknown; their text is kept as written in `value`. */
  unresolved: string[];
}

/** `undefined` means the variable has no known value. */
export type Lookup = (name: string) => string | undefined;

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/**
 * A word without `$`, quotes or escapes expands to itself: its origin is the identity, kept as
 * a start offset and listed only if asked for.
 */
class PlainExpansion implements Expansion {
  readonly names: string[] = [];
  readonly unresolved: string[] = [];
  private table: number[] | undefined;

  constructor(
    readonly value: string,
    readonly from: number,
  ) {}

  get origin(): number[] {
    if (!this.table) {
      const table: number[] = [];
      for (let k = 0; k < this.value.length; k++) table.push(this.from + k);
      this.table = table;
    }
    return this.table;
  }
}

const BRACED = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])(.*))?$/s;

function plain(s: string, from: number, to: number, escape: string): boolean {
  for (let k = from; k < to; k++) {
    const c = s[k];
    if (c === '$' || c === '"' || c === "'" || c === escape) return false;
  }
  return true;
}

export function expandWord(s: string, from: number, to: number, escape: string, lookup: Lookup): Expansion {
  if (plain(s, from, to, escape)) return new PlainExpansion(s.slice(from, Math.max(from, to)), from);
  const out: Expansion = { value: '', origin: [], names: [], unresolved: [] };
  // Consecutive literal characters are appended as one slice [runStart, runEnd): adding them one
  // at a time built a new string per character.
  let runStart = 0;
  let runEnd = 0;
  const flush = (): void => {
    if (runEnd > runStart) out.value += s.slice(runStart, runEnd);
    runStart = runEnd = 0;
  };
  const literal = (k: number): void => {
    if (k !== runEnd || runEnd === runStart) {
      flush();
      runStart = k;
    }
    runEnd = k + 1;
    out.origin.push(k);
  };
  const produced = (text: string): void => {
    flush();
    out.value += text;
    for (let n = 0; n < text.length; n++) out.origin.push(-1);
  };
  const use = (name: string, written: string, apply: (v: string) => string): void => {
    if (!out.names.includes(name)) out.names.push(name);
    const v = lookup(name);
    if (v === undefined) {
      if (!out.unresolved.includes(name)) out.unresolved.push(name);
      produced(written);
    } else produced(apply(v));
  };
  let quote: '' | "'" | '"' = '';
  let i = from;
  while (i < to) {
    const c = s[i]!;
    if (quote === "'") {
      if (c === "'") quote = '';
      else literal(i);
      i++;
      continue;
    }
    if (c === escape && i + 1 < to) {
      literal(i + 1);
      i += 2;
      continue;
    }
    if ((c === '"' || c === "'") && quote === '') {
      quote = c;
      i++;
      continue;
    }
    if (c === '"' && quote === '"') {
      quote = '';
      i++;
      continue;
    }
    if (c === '$' && i + 1 < to) {
      const n = s[i + 1]!;
      if (NAME_START.test(n)) {
        let j = i + 1;
        while (j < to && NAME_CHAR.test(s[j]!)) j++;
        use(s.slice(i + 1, j), s.slice(i, j), (v) => v);
        i = j;
        continue;
      }
      if (n === '{') {
        const close = s.indexOf('}', i + 2);
        if (close >= 0 && close < to) {
          const inner = s.slice(i + 2, close);
          const m = BRACED.exec(inner);
          const written = s.slice(i, close + 1);
          if (m) {
            const op = m[2] ?? '';
            const word = m[3] ?? '';
            use(m[1]!, written, (v) => {
              switch (op) {
                case ':-':
                  return v === '' ? word : v;
                case ':+':
                  return v === '' ? '' : word;
                case '+':
                  return word;
                default:
                  return v;
              }
            });
          } else produced(written);
          i = close + 1;
          continue;
        }
      }
    }
    literal(i);
    i++;
  }
  flush();
  return out;
}

/**
 * Maps [i, j) of an expansion's value back to input indices when those characters are an
 * unbroken literal run of the input; otherwise undefined.
 */
export function literalSpan(exp: Expansion, i: number, j: number): { start: number; end: number } | undefined {
  if (exp instanceof PlainExpansion) return i < j && j <= exp.value.length ? { start: exp.from + i, end: exp.from + j } : undefined;
  if (i >= j || j > exp.origin.length) return undefined;
  for (let k = i; k < j; k++) {
    const o = exp.origin[k]!;
    if (o < 0) return undefined;
    if (k > i && o !== exp.origin[k - 1]! + 1) return undefined;
  }
  return { start: exp.origin[i]!, end: exp.origin[j - 1]! + 1 };
}
