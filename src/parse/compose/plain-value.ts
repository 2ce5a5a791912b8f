/**
 * The compose model's Y* tree as a plain JS value (what the schema validates: compose-go checks
 * the document after interpolation and merges), plus the way back from a JSON path to the YAML
 * range where that value or key is written.
 */
import type { Ranged } from '../source.js';
import type { YNode, YPath } from './model.js';

/**
 * Mappings become prototype-less objects. The generated validator probes every known key of a
 * service (`data.image !== undefined`, ~80 of them) on objects of ever-different shapes, which
 * thrashes V8's lookup caches; prototype-less objects are all held as hash tables of one map, and
 * a miss ends without walking `Object.prototype`: validation takes about a third less time. No
 * compose-schema key names an `Object.prototype` member, so every probe answers as before.
 */
export function toPlainValue(node: YNode | undefined): unknown {
  if (!node) return null;
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlainValue);
    case 'map': {
      const entries = node.entries;
      // `__proto__` as a key of an ordinary object sets its prototype (or is dropped): keep that
      // behaviour, quirks and all, for the rare file that writes it.
      let out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (let i = 0; i < entries.length; i++) {
        if (entries[i]!.key === '__proto__') {
          out = {};
          break;
        }
      }
      for (let i = 0; i < entries.length; i++) out[entries[i]!.key] = toPlainValue(entries[i]!.value);
      return out;
    }
  }
}

/** Range of the value (or of the key, for `part: 'key'`) at `path`; falls back to the nearest ancestor. */
export function locateInTree(root: YNode | undefined, path: YPath, part: 'key' | 'value'): Ranged | undefined {
  let node = root;
  let keyRange: Ranged | undefined;
  for (const step of path) {
    if (!node) return undefined;
    if (node.kind === 'map') {
      const entry = node.entry(String(step));
      if (!entry) return part === 'key' && keyRange ? keyRange : node.range;
      keyRange = entry.keyRange;
      node = entry.value;
    } else if (node.kind === 'seq' && typeof step === 'number' && node.items[step]) {
      keyRange = undefined;
      node = node.items[step];
    } else {
      return node.range;
    }
  }
  if (part === 'key' && keyRange) return keyRange;
  return node?.range;
}
