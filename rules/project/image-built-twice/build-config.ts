import type { YNode } from '../../../src/parse/compose/model.js';

/**
 * `build:` keys, besides context, Dockerfile, target and args (which the model already gives),
 * that change the image produced. Two services build the same image only when all of them match.
 */
const SET_KEYS = ['platforms', 'cache_from', 'tags', 'secrets'] as const;
/** Keys that Compose accepts either as a map or as a list of `name=value` strings. */
const KEYED_KEYS = ['additional_contexts', 'labels', 'ssh', 'extra_hosts'] as const;
const SCALAR_KEYS = ['network', 'shm_size'] as const;
/** Flags whose absence means `false`. */
const FLAG_KEYS = ['no_cache', 'pull', 'privileged'] as const;

type Canon = string | Canon[] | { [key: string]: Canon };

const scalarText = (value: string | number | boolean | null): string => (value === null ? '' : String(value));

/** A value with its order-free parts sorted, so that equal configurations compare equal. */
function canon(node: YNode): Canon {
  if (node.kind === 'scalar') return scalarText(node.value);
  if (node.kind === 'seq') return node.items.map(canon).sort(byJson);
  const out: { [key: string]: Canon } = {};
  for (const e of [...node.entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) out[e.key] = canon(e.value);
  return out;
}

function byJson(a: Canon, b: Canon): number {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** `name=value` list items (or `host:ip` for `extra_hosts`) and map entries, as one sorted map. */
function keyed(key: string, node: YNode): Canon {
  if (node.kind !== 'seq') return canon(node);
  const out: { [name: string]: Canon } = {};
  for (const item of node.items) {
    if (item.kind !== 'scalar') {
      out[JSON.stringify(canon(item))] = '';
      continue;
    }
    const text = scalarText(item.value);
    let at = text.indexOf('=');
    if (at < 0 && key === 'extra_hosts') at = text.indexOf(':');
    if (at < 0) out[text] = '';
    else out[text.slice(0, at)] = text.slice(at + 1);
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A secret given as `{source: x}` alone is the short form `x`. */
function secret(item: YNode): Canon {
  if (item.kind === 'map' && item.entries.length === 1 && item.entries[0]!.key === 'source') return canon(item.entries[0]!.value);
  return canon(item);
}

/** The canonical form of the build keys beyond context, Dockerfile, target and args. */
export function extraBuildConfig(build: YNode): string {
  if (build.kind !== 'map') return '';
  const out: { [key: string]: Canon } = {};
  for (const key of SET_KEYS) {
    const node = build.get(key);
    if (!node) continue;
    out[key] = key === 'secrets' && node.kind === 'seq' ? node.items.map(secret).sort(byJson) : canon(node);
  }
  for (const key of KEYED_KEYS) {
    const node = build.get(key);
    if (node) out[key] = keyed(key, node);
  }
  for (const key of SCALAR_KEYS) {
    const node = build.get(key);
    if (node) out[key] = canon(node);
  }
  for (const key of FLAG_KEYS) {
    const node = build.get(key);
    if (node?.kind === 'scalar' && (node.value === true || node.value === 'true')) out[key] = 'true';
    else if (node && node.kind !== 'scalar') out[key] = canon(node);
  }
  // Empty lists and maps configure nothing, like an absent key.
  for (const [k, v] of Object.entries(out)) if (typeof v !== 'string' && Object.keys(v).length === 0) delete out[k];
  return Object.keys(out).length ? JSON.stringify(out) : '';
}
