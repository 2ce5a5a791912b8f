/**
 * Stage and text queries shared by the rules that mirror Docker's build checks: keyword casing,
 * the chain of stages a stage is built on, references to a stage name, variable references in
 * raw instruction text, secret-looking names and values, shell syntax in a command line.
 */
import type { Ranged } from '../parse/source.js';
import type { Dockerfile, Instruction, Stage } from '../parse/dockerfile/model.js';

export type KeywordCase = 'upper' | 'lower' | 'mixed';

export function keywordCase(raw: string): KeywordCase {
  // Asked for every instruction by several rules: ASCII keywords (all real ones) are judged
  // from their letters without making upper- and lower-case copies.
  let upper = false;
  let lower = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = true;
    else if (c >= 65 && c <= 90) upper = true;
    else if (c >= 128) return keywordCaseOf(raw);
  }
  return !lower ? 'upper' : !upper ? 'lower' : 'mixed';
}

function keywordCaseOf(raw: string): KeywordCase {
  if (raw === raw.toUpperCase()) return 'upper';
  if (raw === raw.toLowerCase()) return 'lower';
  return 'mixed';
}

/** Build arguments BuildKit defines itself in the global scope (usable in `FROM` undeclared). */
export const PLATFORM_ARGS: readonly string[] = [
  'BUILDPLATFORM', 'BUILDOS', 'BUILDOSVERSION', 'BUILDARCH', 'BUILDVARIANT',
  'TARGETPLATFORM', 'TARGETOS', 'TARGETOSVERSION', 'TARGETARCH', 'TARGETVARIANT', 'TARGETSTAGE',
];

/** The stage, then the stage it is built `FROM`, and so on (stops at a cycle). */
export function stageChain(file: Dockerfile, stage: Stage): Stage[] {
  const out: Stage[] = [];
  const seen = new Set<number>();
  let cur: Stage | undefined = stage;
  while (cur && !seen.has(cur.index)) {
    seen.add(cur.index);
    out.push(cur);
    cur = cur.from.stageRef === undefined ? undefined : file.stages[cur.from.stageRef];
  }
  return out;
}

/**
 * Every literal place that names stage `name` (compared case-insensitively, as Docker does):
 * `FROM <name>`, `COPY|ADD --from=<name>` and `RUN --mount=…,from=<name>`. Each range covers
 * the name only, so a fix can rewrite it.
 */
export function stageReferences(file: Dockerfile, name: string): Ranged[] {
  const want = name.toLowerCase();
  const text = file.source.text;
  const out: Ranged[] = [];
  for (const ins of file.instructions) {
    if (ins.keyword === 'FROM') {
      const img = (ins as Extract<Instruction, { keyword: 'FROM' }>).image;
      if (img.raw.toLowerCase() === want && text.slice(img.range.start, img.range.end) === img.raw) out.push(img.range);
      continue;
    }
    for (const flag of ins.flags) {
      if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && flag.name === 'from' && flag.valueRange) {
        const written = text.slice(flag.valueRange.start, flag.valueRange.end);
        if (written.toLowerCase() === want) out.push(flag.valueRange);
      } else if (ins.keyword === 'RUN' && flag.name === 'mount') {
        const raw = text.slice(flag.range.start, flag.range.end);
        for (const m of raw.matchAll(/(^|[=,])from=([^,\s]+)/g)) {
          if (m[2]!.toLowerCase() !== want) continue;
          const start = flag.range.start + m.index! + m[1]!.length + 'from='.length;
          out.push({ path: flag.range.path, start, end: start + m[2]!.length });
        }
      }
    }
  }
  return out;
}

export interface VarRef {
  name: string;
  /** The whole `$NAME` / `${NAME…}` text. */
  range: Ranged;
  /** `-`, `:-`, `+`, `:+`, `?`, `:?` when written `${NAME:-word}`; '' otherwise. */
  operator: string;
}

/**
 * Variable references in source text [start, end) as Docker expands them in instructions other
 * than RUN: the escape character protects the next character and single quotes stop expansion.
 */
export function variableRefs(file: Dockerfile, start: number, end: number): VarRef[] {
  const s = file.source.text;
  const esc = file.escapeChar;
  const out: VarRef[] = [];
  let quote = '';
  for (let i = start; i < end; i++) {
    const c = s[i]!;
    if (quote === "'") {
      if (c === "'") quote = '';
      continue;
    }
    if (c === esc) {
      i++;
      continue;
    }
    if (c === '"') quote = quote === '"' ? '' : '"';
    else if (c === "'" && quote === '') quote = "'";
    else if (c === '$') {
      // Read in place rather than matching regexes on a slice at every `$`.
      const nameEnd = nameEndAt(s, i + 1, end);
      if (nameEnd > i + 1) {
        out.push({ name: s.slice(i + 1, nameEnd), range: { path: file.path, start: i, end: nameEnd }, operator: '' });
        i = nameEnd - 1;
        continue;
      }
      // `${NAME}`, `${NAME:-word}`, … up to the first `}` (inside [start, end)).
      if (i + 1 < end && s.charCodeAt(i + 1) === 123) {
        const braceNameEnd = nameEndAt(s, i + 2, end);
        if (braceNameEnd > i + 2) {
          const close = s.indexOf('}', braceNameEnd);
          if (close >= 0 && close < end) {
            out.push({ name: s.slice(i + 2, braceNameEnd), range: { path: file.path, start: i, end: close + 1 }, operator: operatorAt(s, braceNameEnd, close) });
            i = close;
          }
        }
      }
    }
  }
  return out;
}

/** End of a variable name (`[A-Za-z_][A-Za-z0-9_]*`) starting at `i`, or `i` when there is none. */
function nameEndAt(s: string, i: number, end: number): number {
  if (i >= end) return i;
  const c = s.charCodeAt(i);
  if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95)) return i;
  let j = i + 1;
  while (j < end) {
    const d = s.charCodeAt(j);
    if (!((d >= 65 && d <= 90) || (d >= 97 && d <= 122) || (d >= 48 && d <= 57) || d === 95)) break;
    j++;
  }
  return j;
}

/** The `:?[-+?]` operator right after a braced name (before `close`), or ''. */
function operatorAt(s: string, i: number, close: number): string {
  const c = s[i];
  if (c === '-' || c === '+' || c === '?') return c;
  if (c === ':' && i + 1 < close) {
    const d = s[i + 1];
    if (d === '-' || d === '+' || d === '?') return ':' + d;
  }
  return '';
}

/**
 * Words of a variable name: split on `_`, `-`, `.` and camelCase humps (`apiKey`, `APIKey`),
 * lower-cased. `MYSQL_PASSWORD_FILE` → mysql, password, file.
 */
export function nameParts(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_.-]+/)
    .filter(Boolean)
    .map((p) => p.toLowerCase());
}

const SECRET_WORDS = new Set(['apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'pword', 'passwd', 'secret', 'token', 'pat']);
/** A word that makes the name describe something about a secret rather than hold one. */
const NOT_A_SECRET_WORDS = new Set([
  'public', 'pub', 'file', 'files', 'path', 'dir', 'directory', 'version', 'sock', 'socket', 'url', 'uri', 'host',
  'hostname', 'port', 'name', 'type', 'method', 'mode', 'enabled', 'enable', 'disabled',
  'length', 'size', 'ttl', 'timeout', 'expiry', 'expires', 'header', 'endpoint', 'server', 'id', 'fingerprint',
  'gpg', 'pgp', 'keyring', 'filter', 'filters', 'field', 'column', 'index', 'cache', 'sort', 'routing', 'partition', 'lookup', 'keyserver', 'plugin', 'provider', 'policy', 'required', 'location', 'len', 'min', 'max',
]);
/** A first word that makes the name a switch (`NO_PASSWORD=1`, `SKIP_AUTH`). */
const SWITCH_PREFIXES = new Set(['no', 'skip', 'allow', 'use', 'require', 'disable', 'enable', 'with', 'without', 'is', 'has']);

/**
 * Whether a variable name says it holds a secret: one of its words is a secret word (password,
 * token, key, …) and none says it is only about a secret (`…_FILE`, `PUBLIC_KEY`, `…_VERSION`,
 * `SSH_AUTH_SOCK`) or a switch (`NO_PASSWORD`). Returns the secret word, or undefined.
 */
export function secretWordOf(name: string): string | undefined {
  // The same names (PATH, HOME, VERSION…) come back in file after file.
  const known = secretWordCache.get(name);
  if (known !== undefined) return known === '' ? undefined : known;
  if (secretWordCache.size >= 10_000) secretWordCache.clear();
  const word = secretWordOfUncached(name);
  secretWordCache.set(name, word ?? '');
  return word;
}
const secretWordCache = new Map<string, string>();

function secretWordOfUncached(name: string): string | undefined {
  const parts = nameParts(name);
  if (parts.length === 0 || SWITCH_PREFIXES.has(parts[0]!) && parts.length > 1) return undefined;
  if (parts.some((p) => NOT_A_SECRET_WORDS.has(p))) return undefined;
  // `api_key`, `access_key`, `private_key`: the word itself is `key`.
  return parts.find((p) => SECRET_WORDS.has(p));
}

const SECRET_VALUES: readonly [string, RegExp][] = [
  ['a private key', /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----/],
  ['an AWS access key id', /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/],
  ['a GitHub token', /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b/],
  ['a GitLab token', /\bglpat-[A-Za-z0-9_-]{20,}\b/],
  ['a Slack token', /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/],
  ['a Google API key', /\bAIza[0-9A-Za-z_-]{35}\b/],
  ['a Stripe secret key', /\b(?:sk|rk)_live_[0-9A-Za-z]{20,}\b/],
  ['an npm token', /\bnpm_[A-Za-z0-9]{36}\b/],
  ['an OpenAI key', /\bsk-(?:proj-)?[A-Za-z0-9_-]{32,}\b/],
];

/** Text each pattern above needs: a value without any of it matches none of them. */
const SECRET_VALUE_HINT = /-----BEGIN |AKIA|ASIA|gh[pousr]_|github_pat_|glpat-|xox[abprs]-|AIza|_live_|npm_|sk-/;

/** What kind of well-known credential a value contains, e.g. `a private key`; undefined if none. */
export function secretValueKind(value: string): string | undefined {
  if (!SECRET_VALUE_HINT.test(value)) return undefined;
  return SECRET_VALUES.find(([, re]) => re.test(value))?.[0];
}

/** Values that switch something rather than hold a secret. */
export function isSwitchValue(value: string): boolean {
  return /^(?:|true|false|yes|no|on|off|0|1|none|null|enabled?|disabled?)$/i.test(value.trim());
}

/**
 * Whether a shell-form command line needs a shell: anything beyond plain words (quotes,
 * variables, operators, globs, redirections, an env assignment first, shell builtins).
 */
export function needsShell(command: string): boolean {
  if (/[^A-Za-z0-9_./:@%+,=\s-]/.test(command)) return true;
  const words = command.trim().split(/\s+/);
  if (words.length === 0 || words[0] === '') return true;
  if (words[0]!.includes('=')) return true;
  return SHELL_BUILTINS.has(words[0]!);
}

const SHELL_BUILTINS = new Set([
  'exec', 'cd', 'source', '.', 'export', 'set', 'unset', 'test', 'if', 'for', 'while', 'until', 'case', 'eval',
  'trap', 'ulimit', 'umask', 'wait', 'read', 'shift', 'alias', 'exit', 'return', 'true', 'false', ':',
]);

/** The instructions of the stage and of the stages it is built on, base first, in file order. */
export function chainInstructions(file: Dockerfile, stage: Stage): Instruction[] {
  return stageChain(file, stage)
    .reverse()
    .flatMap((s) => s.instructions);
}
