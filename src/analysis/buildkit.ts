/**
 * Stage and text queries shared by the rules that mirror Docker's build checks: keyword casing,
 * the chain of stages a stage is built on, references to a stage name, variable references in
 * raw instruction text, secret-looking names and values, shell syntax in a command line.
 */
import type { Ranged } from '../parse/source.js';
import type { Dockerfile, Instruction, Stage } from '../parse/dockerfile/model.js';

export type KeywordCase = 'upper' | 'lower' | 'mixed';

export function keywordCase(raw: string): KeywordCase {
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
      const bare = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i + 1, end));
      if (bare) {
        out.push({ name: bare[0], range: { path: file.path, start: i, end: i + 1 + bare[0].length }, operator: '' });
        i += bare[0].length;
        continue;
      }
      const braced = /^\{([A-Za-z_][A-Za-z0-9_]*)(:?[-+?])?[^}]*\}/.exec(s.slice(i + 1, end));
      if (braced) {
        out.push({ name: braced[1]!, range: { path: file.path, start: i, end: i + 1 + braced[0].length }, operator: braced[2] ?? '' });
        i += braced[0].length;
      }
    }
  }
  return out;
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

/** What kind of well-known credential a value contains, e.g. `a private key`; undefined if none. */
export function secretValueKind(value: string): string | undefined {
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
