/**
 * Compose's merge of one file over another (override files, `extends`), on the Y* tree. Nodes are
 * never copied: the merged tree is made of the nodes of both files, so every value keeps the
 * range (and file path) where it is written.
 */
import type { YMap, YMapEntry, YNode, YScalar } from '../parse/compose/model.js';
import { YMapImpl } from '../parse/compose/ynodes.js';
import { parsePortShort, parseVolumeShort } from '../parse/compose/short-syntax.js';

/** The `!reset` / `!override` tag written on a node, if any. */
export type TagOf = (node: YNode) => '!reset' | '!override' | undefined;

type Strategy = 'replace' | 'keyed' | 'by-name' | 'build' | 'merge';

/** Lists that are really maps (`KEY=VALUE` items), merged key by key. */
const KEYED = new Set([
  'services.*.environment',
  'services.*.labels',
  'services.*.annotations',
  'services.*.sysctls',
  'services.*.extra_hosts',
  'services.*.deploy.labels',
  'services.*.build.args',
  'services.*.build.labels',
  'services.*.build.additional_contexts',
  'services.*.build.extra_hosts',
  'networks.*.labels',
  'volumes.*.labels',
  'secrets.*.labels',
  'configs.*.labels',
]);
/** Values the later file replaces whole. */
const REPLACE = new Set(['services.*.command', 'services.*.entrypoint', 'services.*.healthcheck.test']);
/** A list of names or a map keyed by the same names. */
const BY_NAME = new Set(['services.*.depends_on', 'services.*.networks']);

/** The path with the user-chosen names replaced by `*`: `services.*.ports`. */
function pattern(path: readonly string[]): string {
  const p = [...path];
  if (p.length > 1 && ['services', 'networks', 'volumes', 'secrets', 'configs'].includes(p[0]!)) p[1] = '*';
  return p.join('.');
}

function strategyOf(path: readonly string[]): Strategy {
  const p = pattern(path);
  if (REPLACE.has(p)) return 'replace';
  if (KEYED.has(p)) return 'keyed';
  if (BY_NAME.has(p)) return 'by-name';
  if (p === 'services.*.build') return 'build';
  return 'merge';
}

function text(node: YNode | undefined): string | undefined {
  return node?.kind === 'scalar' && node.value !== null ? String(node.value) : undefined;
}

/** A plain JS value of a node, for comparing list items. */
function plain(node: YNode): unknown {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(plain);
  return Object.fromEntries(node.entries.map((e) => [e.key, plain(e.value)]));
}

/** What makes two list items "the same entry" for Compose, so the later file's one replaces it. */
function itemKey(p: string, node: YNode): string {
  const s = text(node);
  const m = node.kind === 'map' ? node : undefined;
  switch (p) {
    case 'services.*.ports': {
      if (s !== undefined) {
        const port = parsePortShort(s);
        return `${port.hostIp ?? ''}|${port.published ?? ''}|${port.target}|${port.protocol}`;
      }
      if (m) return `${text(m.get('host_ip')) ?? ''}|${text(m.get('published')) ?? ''}|${text(m.get('target')) ?? ''}|${text(m.get('protocol')) ?? 'tcp'}`;
      break;
    }
    case 'services.*.volumes':
      if (s !== undefined) return parseVolumeShort(s).target ?? s;
      if (m) return text(m.get('target')) ?? JSON.stringify(plain(node));
      break;
    case 'services.*.secrets':
    case 'services.*.configs':
      if (s !== undefined) return s;
      if (m) return text(m.get('target')) ?? text(m.get('source')) ?? '';
      break;
    case 'services.*.devices':
      if (s !== undefined) return s.split(':')[1] ?? s;
      if (m) return text(m.get('target')) ?? '';
      break;
    case 'services.*.env_file':
      if (s !== undefined) return s;
      if (m) return text(m.get('path')) ?? '';
      break;
  }
  return JSON.stringify(plain(node));
}

/** Later items replace earlier items with the same key (in place); new ones are appended. */
function mergeSeqItems(base: YNode[], over: YNode[], p: string): YNode[] {
  const out = [...base];
  const index = new Map<string, number>();
  base.forEach((item, i) => {
    const k = itemKey(p, item);
    if (!index.has(k)) index.set(k, i);
  });
  for (const item of over) {
    const i = index.get(itemKey(p, item));
    if (i === undefined) out.push(item);
    else out[i] = item;
  }
  return out;
}

function seqLike(node: YNode, items: YNode[]): YNode {
  return { kind: 'seq', range: node.range, path: node.path, items };
}

/** `KEY=VALUE` (or `host:ip` for extra_hosts) list item → map entry keeping the item's range. */
function entryOfItem(item: YNode, p: string): YMapEntry | undefined {
  const s = text(item);
  if (s === undefined) return undefined;
  let cut = s.indexOf('=');
  if (cut < 0 && p.endsWith('extra_hosts')) cut = s.indexOf(':');
  const key = cut < 0 ? s : s.slice(0, cut);
  const value: YScalar = {
    kind: 'scalar',
    range: item.range,
    path: item.path,
    value: cut < 0 ? null : s.slice(cut + 1),
    raw: cut < 0 ? null : s.slice(cut + 1),
    source: item.kind === 'scalar' ? item.source : '',
    style: item.kind === 'scalar' ? item.style : 'plain',
    vars: item.kind === 'scalar' ? item.vars : [],
    interpolationErrors: [],
  };
  return { key, keyRange: item.range, value, merged: false };
}

/** A name list item → map entry with no options. */
function entryOfName(item: YNode): YMapEntry | undefined {
  const s = text(item);
  if (s === undefined) return undefined;
  const value: YScalar = { kind: 'scalar', range: item.range, path: item.path, value: null, raw: null, source: '', style: 'plain', vars: [], interpolationErrors: [] };
  return { key: s, keyRange: item.range, value, merged: false };
}

function asMap(node: YNode, toEntry: (item: YNode) => YMapEntry | undefined): YMap | undefined {
  if (node.kind === 'map') return node;
  if (node.kind !== 'seq') return undefined;
  const entries = node.items.map(toEntry).filter((e): e is YMapEntry => e !== undefined);
  return new YMapImpl(node.range, node.path, entries);
}

function keyOfItem(item: YNode, toEntry: (item: YNode) => YMapEntry | undefined): string {
  return toEntry(item)?.key ?? JSON.stringify(plain(item));
}

/** Both lists: dedupe by key; otherwise both as maps. */
function mergeKeyedOrNamed(base: YNode, over: YNode, path: readonly string[], tagOf: TagOf, toEntry: (item: YNode) => YMapEntry | undefined): YNode {
  if (base.kind === 'seq' && over.kind === 'seq') {
    const out = [...base.items];
    const index = new Map(base.items.map((it, i) => [keyOfItem(it, toEntry), i] as const));
    for (const item of over.items) {
      const i = index.get(keyOfItem(item, toEntry));
      if (i === undefined) out.push(item);
      else out[i] = item;
    }
    return seqLike(base, out);
  }
  const a = asMap(base, toEntry);
  const b = asMap(over, toEntry);
  if (!a || !b) return over;
  return mergeMaps(a, b, path, tagOf);
}

function asBuildMap(node: YNode): YMap | undefined {
  if (node.kind === 'map') return node;
  if (node.kind !== 'scalar' || node.value === null) return undefined;
  return new YMapImpl(node.range, node.path, [{ key: 'context', keyRange: node.range, value: node, merged: false }]);
}

/** `over` written on top of `base` at `path` (keys from the document root). */
export function mergeValues(base: YNode, over: YNode, path: readonly string[], tagOf: TagOf): YNode {
  switch (strategyOf(path)) {
    case 'replace':
      return over;
    case 'keyed':
      return mergeKeyedOrNamed(base, over, path, tagOf, (it) => entryOfItem(it, pattern(path)));
    case 'by-name':
      return mergeKeyedOrNamed(base, over, path, tagOf, entryOfName);
    case 'build': {
      const a = asBuildMap(base);
      const b = asBuildMap(over);
      return a && b ? mergeMaps(a, b, path, tagOf) : over;
    }
    case 'merge':
      if (base.kind === 'map' && over.kind === 'map') return mergeMaps(base, over, path, tagOf);
      if (base.kind === 'seq' && over.kind === 'seq') return seqLike(base, mergeSeqItems(base.items, over.items, pattern(path)));
      return over;
  }
}

/** Recursive map merge; `!reset` drops a key, `!override` replaces its value whole. */
export function mergeMaps(base: YMap, over: YMap, path: readonly string[], tagOf: TagOf): YMap {
  const entries = [...base.entries];
  for (const oe of over.entries) {
    const tag = tagOf(oe.value);
    const i = entries.findIndex((e) => e.key === oe.key);
    if (tag === '!reset') {
      if (i >= 0) entries.splice(i, 1);
      continue;
    }
    if (i < 0) {
      entries.push(oe);
      continue;
    }
    const be = entries[i]!;
    const value = tag === '!override' ? oe.value : mergeValues(be.value, oe.value, [...path, oe.key], tagOf);
    // A value taken whole from the later file is reported at its own key; a merged one at the first.
    entries[i] = value === oe.value ? oe : { ...be, value };
  }
  return new YMapImpl(base.range, base.path, entries);
}
