/** Wording helpers for schema messages: names of places, of YAML types, lists, near-misses. */

export type InstancePath = (string | number)[];

export { editDistance, didYouMean as suggest } from '../../text/did-you-mean.js';

/** YAML's name for the type of a plain value. */
export function yamlTypeOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'mapping';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'string';
}

const TYPE_PHRASES: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  null: 'null',
};

export function typePhrase(jsonType: string): string {
  return TYPE_PHRASES[jsonType] ?? jsonType;
}

/** The found value's type as a phrase, e.g. "a list"; a fraction where an integer was wanted says so. */
export function foundPhrase(value: unknown, expected: readonly string[]): string {
  if (typeof value === 'number' && !Number.isInteger(value) && expected.includes('integer')) {
    return 'a fractional number';
  }
  const t = yamlTypeOf(value);
  return t === 'null' ? 'null' : TYPE_PHRASES[t === 'mapping' ? 'object' : t === 'list' ? 'array' : t]!;
}

/** "a", "a or b", "a, b or c". */
export function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function code(text: unknown): string {
  return `\`${String(text)}\``;
}

/** `ports[0].target` style. */
export function dotted(path: readonly (string | number)[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out;
}

/** Top-level sections whose keys are names of things, with the noun for one of them. */
export const NAMED_SECTIONS: Record<string, string> = {
  services: 'service',
  volumes: 'volume',
  networks: 'network',
  configs: 'config',
  secrets: 'secret',
  models: 'model',
};

/**
 * How a message names the value at `path`: "service `web`", "`ports[0]` of service `web`",
 * "top-level `volumes`", "`include[0].path`".
 */
export function subject(path: InstancePath): string {
  if (path.length === 0) return 'the compose file';
  const [section, name, ...rest] = path;
  const noun = typeof section === 'string' ? NAMED_SECTIONS[section] : undefined;
  if (path.length === 1) return `top-level ${code(section)}`;
  if (noun && typeof name === 'string') {
    const owner = `${noun} ${code(name)}`;
    return rest.length ? `${code(dotted(rest))} of ${owner}` : owner;
  }
  return code(dotted(path));
}

/** Where an unknown key sits, for "unknown key `x` in …". */
export function container(path: InstancePath): string {
  return path.length === 0 ? 'at the top level' : `in ${subject(path)}`;
}
