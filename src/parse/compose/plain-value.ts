/**
 * The compose model's Y* tree as a plain JS value (what the schema validates: compose-go checks
 * the document after interpolation and merges), plus the way back from a JSON path to the YAML
 * range where that value or key is written.
 */
import type { Ranged } from '../source.js';
import type { YNode, YPath } from './model.js';

export function toPlainValue(node: YNode | undefined): unknown {
  if (!node) return null;
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlainValue);
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const e of node.entries) out[e.key] = toPlainValue(e.value);
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
