/**
 * `.env` / `env_file` files as Compose's dotenv reader sees them: `KEY=VALUE` (or `KEY: VALUE`),
 * optional `export `, blank lines and `#` comments, quoted values (double quotes: escapes and
 * variable expansion; single quotes: literal), multi-line quoted values, and ` #` comments after
 * unquoted values. Never throws; what Compose would reject is reported in `problems`.
 */
import { SourceFile, type Ranged } from '../source.js';
import type { EnvFile } from './model.js';
import { interpolate } from '../compose/interpolate.js';

export interface ParseEnvOptions {
  /** Variables from the environment; Compose consults them before earlier lines of the file. */
  lookup?: (name: string) => string | undefined;
}

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';
const isKeyChar = (c: string): boolean => /[\p{L}\p{N}_.\-[\]]/u.test(c);

const ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '"': '"', '\\': '\\', $: '$', c: '' };

/** Backslash escapes of double-quoted values (`\n`, `\t`, `\"`, `\\`, `\$`, octal `\0NNN`). */
function unescape(s: string): string {
  return s.replace(/\\([abcfnrtv$"\\]|0[0-7]{0,3})/g, (_m, e: string) => {
    if (e[0] === '0') return String.fromCharCode(parseInt(e, 8));
    // `\$` is kept as `$$` so that interpolation leaves a literal dollar.
    if (e === '$') return '$$';
    return ESCAPES[e] ?? e;
  });
}

export function parseEnvFile(path: string, text: string, opts: ParseEnvOptions = {}): EnvFile {
  const source = new SourceFile(path, text);
  const file: EnvFile = { kind: 'env', path, source, entries: [], problems: [] };
  const values = new Map<string, string>();
  const r = (s: number, e: number): Ranged => source.ranged(s, e);
  const n = text.length;
  const lineEnd = (from: number): number => {
    const k = text.indexOf('\n', from);
    return k < 0 ? n : k;
  };
  const trimCr = (s: number, e: number): number => (e > s && text[e - 1] === '\r' ? e - 1 : e);
  // Compose resolves references against the environment first, then earlier lines.
  const vars = {
    has: (k: string) => opts.lookup?.(k) !== undefined || values.has(k),
    get: (k: string) => opts.lookup?.(k) ?? values.get(k),
  } as unknown as ReadonlyMap<string, string>;
  const expand = (raw: string, start: number, end: number): string => {
    const res = interpolate(raw, vars);
    for (const e of res.errors) file.problems.push({ message: e.message, range: r(start, end) });
    return res.value;
  };

  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < n) {
    while (i < n && (isBlank(text[i]) || text[i] === '\n' || text[i] === '\r')) i++;
    if (i >= n) break;
    if (text[i] === '#') {
      i = lineEnd(i);
      continue;
    }
    const eol = lineEnd(i);
    if (/^export[ \t]/.test(text.slice(i, i + 7))) {
      i += 6;
      while (i < eol && isBlank(text[i])) i++;
    }
    const keyStart = i;
    let j = i;
    let bad = -1;
    while (j < eol && text[j] !== '=' && text[j] !== ':') {
      const c = text[j]!;
      if (bad < 0 && !isBlank(c) && c !== '\r' && !isKeyChar(c)) bad = j;
      j++;
    }
    let keyEnd = j;
    while (keyEnd > keyStart && (isBlank(text[keyEnd - 1]) || text[keyEnd - 1] === '\r')) keyEnd--;
    const key = text.slice(keyStart, keyEnd);
    if (bad >= 0) {
      file.problems.push({ message: `unexpected character "${text[bad]}" in variable name "${key}"`, range: r(bad, bad + 1) });
      i = eol;
      continue;
    }
    if (j >= eol) {
      // A bare `KEY` takes its value from the environment, if it has one there.
      const v = opts.lookup?.(key);
      if (v !== undefined) {
        values.set(key, v);
        file.entries.push({ key, keyRange: r(keyStart, keyEnd), value: v, valueRange: r(keyEnd, keyEnd) });
      }
      i = eol;
      continue;
    }
    if (key === '') {
      file.problems.push({ message: 'missing variable name before "="', range: r(j, j + 1) });
      i = eol;
      continue;
    }
    let v = j + 1;
    while (v < eol && isBlank(text[v])) v++;
    const q = text[v];
    if (q === '"' || q === "'") {
      // Find the closing quote; a backslash escapes the next character in both quote styles.
      let k = v + 1;
      let escaped = false;
      for (; k < n; k++) {
        const c = text[k];
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === q) break;
      }
      if (k >= n) {
        file.problems.push({ message: `unterminated quoted value for ${key}`, range: r(v, trimCr(v, eol)) });
        i = eol;
        continue;
      }
      const inner = text.slice(v + 1, k);
      const value = q === '"' ? expand(unescape(inner), v, k + 1) : inner;
      values.set(key, value);
      file.entries.push({ key, keyRange: r(keyStart, keyEnd), value, valueRange: r(v, k + 1) });
      const after = lineEnd(k);
      let t = k + 1;
      while (t < after && (isBlank(text[t]) || text[t] === '\r')) t++;
      if (t < after && text[t] !== '#') {
        file.problems.push({ message: `unexpected text after the closing quote of ${key}`, range: r(t, trimCr(t, after)) });
      }
      i = after;
      continue;
    }
    let end = trimCr(v, eol);
    const hash = text.slice(v, end).indexOf(' #');
    if (hash >= 0) end = v + hash;
    while (end > v && /\s/.test(text[end - 1]!)) end--;
    const value = expand(text.slice(v, end), v, end);
    values.set(key, value);
    file.entries.push({ key, keyRange: r(keyStart, keyEnd), value, valueRange: r(v, end) });
    i = eol;
  }
  return file;
}
