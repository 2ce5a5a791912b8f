/**
 * How plugin rule ids are spelled: `<namespace>/<rule-id>`, the namespace being the package name
 * without the conventional `compose-lint-plugin-` prefix, so `rules:` keys stay short and a
 * plugin's rules can never take the id of one of ours (ours contain no slash).
 */
import { basename } from 'node:path';

const PREFIX = 'compose-lint-plugin';

/** Namespaces a plugin may not take: they already mean something in `rules:`. */
export const RESERVED_NAMESPACES: ReadonlySet<string> = new Set(['shellcheck']);

export function isLocalPlugin(name: string): boolean {
  return name.startsWith('.') || name.startsWith('/') || /^[A-Za-z]:[\\/]/.test(name);
}

function strip(name: string): string {
  if (name === PREFIX) return '';
  return name.startsWith(`${PREFIX}-`) ? name.slice(PREFIX.length + 1) : name;
}

/**
 * `compose-lint-plugin-acme` → `acme`; `@corp/compose-lint-plugin-acme` → `@corp/acme`;
 * `@corp/compose-lint-plugin` → `@corp`; a local path → its last segment, prefix stripped.
 */
export function pluginNamespace(name: string): string {
  if (isLocalPlugin(name)) return strip(basename(name.replace(/[\\/]+$/, '').replace(/\.[cm]?js$/, ''))) || name;
  const scoped = /^(@[^/]+)\/(.+)$/.exec(name);
  if (scoped) {
    const rest = strip(scoped[2]!);
    return rest ? `${scoped[1]}/${rest}` : scoped[1]!;
  }
  return strip(name) || name;
}

/** The namespace part of a `rules:` key (`@corp/acme/no-x` → `@corp/acme`), if it has one. */
export function keyNamespace(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  return slash > 0 ? key.slice(0, slash) : undefined;
}
