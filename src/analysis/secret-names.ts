/**
 * Whether a variable name or a value looks like a secret. Names: split into words on `_`, `-`
 * and `.`; a word from the deny list makes a secret unless a word from the allow list says the
 * variable holds something about the secret (its file, version, URL, …) rather than the secret.
 */
const DENY = new Set(['apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'passwd', 'pword', 'pwd', 'pass', 'secret', 'token', 'psw']);
const ALLOW = new Set([
  'public', 'file', 'version', 'path', 'dir', 'url', 'uri', 'host', 'port', 'name', 'id', 'type', 'length', 'size', 'ttl',
  'timeout', 'expiry', 'expires', 'expiration', 'header', 'enabled', 'enable', 'disable', 'disabled', 'required', 'mode',
  'method', 'provider', 'algorithm', 'alg', 'issuer', 'user', 'username', 'prefix', 'policy', 'endpoint', 'server', 'realm',
  'scope', 'scopes', 'field', 'location', 'store', 'backend', 'strategy', 'sock', 'socket',
]);

export function isSecretName(name: string): boolean {
  const words = name.toLowerCase().split(/[_.\-]+/).filter(Boolean);
  return words.some((w) => DENY.has(w)) && !words.some((w) => ALLOW.has(w));
}

/** Values that are not a secret whatever the name: flags, placeholders of nothing, paths. */
export function isInertValue(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === '' || /^(true|false|yes|no|on|off|none|null|nil|0|1|-)$/.test(v)) return true;
  // A file path or a mounted secret names where the secret is, not the secret.
  if (/^(\/|\.\/|\.\.\/|~\/)/.test(v)) return true;
  return isPlaceholder(v);
}

/** Values written to be replaced: `******`, `xxxx`, `<token>`, `your_api_key`, `user_provided`. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim().toLowerCase();
  // Runs of one character (`xxxxxx`, `******`, `YYYY…`) and tiny numbers (a counter, not a password).
  if (/x{6,}|\*{3,}|\.{3,}|(.)\1{7,}/.test(v) || /^\d{1,2}$/.test(v)) return true;
  return /^(<.*>|\[.*\]|\{.*\}|your[_-].*|.*[_-]here|replace[_-]?me|todo|tbd|user[_-]provided|placeholder)$/.test(v);
}

/** Well-known token formats: reported whatever the variable is called. */
const TOKEN_PATTERNS: readonly { re: RegExp; kind: string }[] = [
  { re: /^gh[pousr]_[A-Za-z0-9]{36,}$/, kind: 'GitHub token' },
  { re: /^github_pat_[A-Za-z0-9_]{40,}$/, kind: 'GitHub token' },
  { re: /^glpat-[A-Za-z0-9_-]{20,}$/, kind: 'GitLab token' },
  { re: /^(AKIA|ASIA)[A-Z0-9]{16}$/, kind: 'AWS access key' },
  { re: /^xox[abposr]-[A-Za-z0-9-]{10,}$/, kind: 'Slack token' },
  { re: /^sk-(proj-|ant-)?[A-Za-z0-9_-]{20,}$/, kind: 'OpenAI/Anthropic API key' },
  { re: /^sk_live_[A-Za-z0-9]{20,}$/, kind: 'Stripe secret key' },
  { re: /^AIza[0-9A-Za-z_-]{35}$/, kind: 'Google API key' },
  { re: /-----BEGIN [A-Z ]*PRIVATE KEY-----/, kind: 'private key' },
];

export function tokenKind(value: string): string | undefined {
  const v = value.trim();
  return TOKEN_PATTERNS.find((p) => p.re.test(v))?.kind;
}

/** `scheme://user:password@host` with a literal password: the password part, else undefined. */
export function urlPassword(value: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^:@/\s]*:([^@/\s]+)@/i.exec(value.trim());
  return m ? m[1] : undefined;
}
