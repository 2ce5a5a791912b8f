/**
 * Damage done to real files, as fast-check arbitraries: what editors, bad merges, broken encodings
 * and copy-paste do to Dockerfiles and compose files.
 */
import fc from 'fast-check';

export type Mutation =
  | { op: 'truncate'; at: number }
  | { op: 'delete-line'; at: number }
  | { op: 'duplicate-line'; at: number }
  | { op: 'indent'; at: number; by: number }
  | { op: 'dedent'; at: number }
  | { op: 'crlf' }
  | { op: 'cr-only' }
  | { op: 'bom' }
  | { op: 'tabs' }
  | { op: 'invalid-utf8'; at: number }
  | { op: 'nul'; at: number }
  | { op: 'long-line'; at: number; length: number; char: string }
  | { op: 'insert'; at: number; text: string };

/** Positions are fractions of the text (0..1), so one mutation applies to any file. */
const at = fc.double({ min: 0, max: 1, noNaN: true });

/** Characters that mean something to a Dockerfile, the shell or YAML. */
const SIGNIFICANT = [' ', '\t', '\\', '`', '"', "'", '$', '{', '}', '[', ']', ':', '-', '#', '&', '*', '!', '|', '>', '<', '=', ',', '\n', '\r', '%', '@', '?'];

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at }),
  fc.record({ op: fc.constant('delete-line' as const), at }),
  fc.record({ op: fc.constant('duplicate-line' as const), at }),
  fc.record({ op: fc.constant('indent' as const), at, by: fc.integer({ min: 1, max: 9 }) }),
  fc.record({ op: fc.constant('dedent' as const), at }),
  fc.record({ op: fc.constant('crlf' as const) }),
  fc.record({ op: fc.constant('cr-only' as const) }),
  fc.record({ op: fc.constant('bom' as const) }),
  fc.record({ op: fc.constant('tabs' as const) }),
  fc.record({ op: fc.constant('invalid-utf8' as const), at }),
  fc.record({ op: fc.constant('nul' as const), at }),
  fc.record({ op: fc.constant('long-line' as const), at, length: fc.integer({ min: 1000, max: 20000 }), char: fc.constantFrom('a', ' ', '\\', '$', '-', '"', ':', '{', '[') }),
  fc.record({ op: fc.constant('insert' as const), at, text: fc.array(fc.constantFrom(...SIGNIFICANT), { minLength: 1, maxLength: 6 }).map((a) => a.join('')) }),
);

function lineAt(text: string, f: number): { start: number; end: number } {
  const pos = Math.floor(f * text.length);
  const start = text.lastIndexOf('\n', pos - 1) + 1;
  const nl = text.indexOf('\n', pos);
  return { start, end: nl === -1 ? text.length : nl + 1 };
}

/** Invalid UTF-8 bytes as `readFileSync(p, 'utf8')` would hand them over. */
const INVALID_UTF8 = Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]).toString('utf8');

export function applyMutation(text: string, m: Mutation): string {
  const pos = 'at' in m ? Math.floor(m.at * text.length) : 0;
  switch (m.op) {
    case 'truncate':
      return text.slice(0, pos);
    case 'delete-line': {
      const l = lineAt(text, m.at);
      return text.slice(0, l.start) + text.slice(l.end);
    }
    case 'duplicate-line': {
      const l = lineAt(text, m.at);
      const line = text.slice(l.start, l.end);
      return text.slice(0, l.end) + (line.endsWith('\n') ? line : `\n${line}`) + text.slice(l.end);
    }
    case 'indent': {
      const l = lineAt(text, m.at);
      return text.slice(0, l.start) + ' '.repeat(m.by) + text.slice(l.start);
    }
    case 'dedent': {
      const l = lineAt(text, m.at);
      return text.slice(0, l.start) + text.slice(l.start, l.end).replace(/^[ \t]+/, '') + text.slice(l.end);
    }
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'cr-only':
      return text.replace(/\r?\n/g, '\r');
    case 'bom':
      return '\uFEFF' + text;
    case 'tabs':
      return text.replace(/^( {2})+/gm, (s) => '\t'.repeat(s.length / 2));
    case 'invalid-utf8':
      return text.slice(0, pos) + INVALID_UTF8 + text.slice(pos);
    case 'nul':
      return text.slice(0, pos) + '\0' + text.slice(pos);
    case 'long-line':
      return text.slice(0, pos) + m.char.repeat(m.length) + text.slice(pos);
    case 'insert':
      return text.slice(0, pos) + m.text + text.slice(pos);
  }
}

export const mutationsArb = fc.array(mutationArb, { minLength: 1, maxLength: 4 });

export function applyMutations(text: string, ms: readonly Mutation[]): string {
  return ms.reduce(applyMutation, text);
}
