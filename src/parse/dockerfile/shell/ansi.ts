/** Decoding of the body of a `$'…'` (ANSI-C) quote. */

const SIMPLE: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

function hexLen(s: string, i: number, max: number): number {
  let k = 0;
  while (k < max && i + k < s.length && /[0-9a-fA-F]/.test(s[i + k])) k++;
  return k;
}

/** `body` is the raw text between `$'` and the closing `'`. */
export function decodeAnsiC(body: string): string {
  if (body.indexOf('\\') < 0) return body;
  let out = '';
  let seg = 0;
  let i = 0;
  while (i < body.length) {
    if (body.charCodeAt(i) !== 92 || i + 1 >= body.length) {
      i++;
      continue;
    }
    out += body.slice(seg, i);
    const c = body[i + 1];
    const simple = SIMPLE[c];
    if (simple !== undefined) {
      out += simple;
      i += 2;
    } else if (c === 'x' || c === 'u' || c === 'U') {
      const len = hexLen(body, i + 2, c === 'x' ? 2 : c === 'u' ? 4 : 8);
      if (len === 0) {
        out += body.slice(i, i + 2);
      } else {
        const code = parseInt(body.slice(i + 2, i + 2 + len), 16);
        out += code <= 0x10ffff ? String.fromCodePoint(code) : '';
      }
      i += 2 + len;
    } else if (c >= '0' && c <= '7') {
      let k = 1;
      while (k < 3 && i + 1 + k < body.length && body[i + 1 + k] >= '0' && body[i + 1 + k] <= '7') k++;
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 1 + k), 8) & 0xff);
      i += 1 + k;
    } else if (c === 'c' && i + 2 < body.length) {
      out += String.fromCharCode(body.charCodeAt(i + 2) & 0x1f);
      i += 3;
    } else {
      out += body.slice(i, i + 2);
      i += 2;
    }
    seg = i;
  }
  return out + body.slice(seg);
}
