/** Which files in a build context look like credentials, and which of them reach the image. */
import type { BuildContext } from '../../../src/project/model.js';

const ENV_TEMPLATES = new Set(['example', 'sample', 'template', 'dist']);
const SECRET_NAMES = new Set([
  'id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519', '.npmrc', '.pypirc', '.netrc', '.htpasswd',
  'credentials.json',
]);
const SECRET_DIRS = new Set(['.git', '.aws', '.ssh', 'secrets']);
const SECRET_EXTENSIONS = /\.(?:pem|key|p12|pfx)$/i;

/** `entry` is a context-relative path; folders end with '/'. */
export function looksSecret(entry: string): boolean {
  const dir = entry.endsWith('/');
  const parts = entry.replace(/\/+$/, '').split('/');
  const name = parts[parts.length - 1]!;
  if (dir) return SECRET_DIRS.has(name);
  if (SECRET_NAMES.has(name) || SECRET_EXTENSIONS.test(name)) return true;
  if (name === '.env') return true;
  if (name.startsWith('.env.')) {
    // `.env.example`, `.env.local.sample`: templates meant to be committed, not real values.
    return !name.slice(5).toLowerCase().split('.').some((s) => ENV_TEMPLATES.has(s));
  }
  return false;
}

/**
 * Secret-looking entries that the context's `.dockerignore` lets through, in listing order.
 * Entries inside a reported folder are not listed again.
 */
export function unignoredSecrets(context: BuildContext): string[] {
  const ignore = context.dockerignore;
  // With `!` exceptions a child may come back in after its folder was excluded, so only the
  // matcher's own answer for the full path is trusted then.
  const hasExceptions = ignore?.patterns.some((p) => p.negated) ?? false;
  const excluded = (rel: string): boolean => {
    if (!ignore) return false;
    if (ignore.ignores(rel)) return true;
    if (hasExceptions) return false;
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) if (ignore.ignores(parts.slice(0, i).join('/'))) return true;
    return false;
  };
  const found: string[] = [];
  for (const entry of context.files) {
    const rel = entry.replace(/\/+$/, '');
    if (found.some((f) => f.endsWith('/') && entry.startsWith(f))) continue;
    if (!looksSecret(entry) || excluded(rel)) continue;
    found.push(entry);
  }
  return found;
}
