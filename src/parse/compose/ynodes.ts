/** Concrete Y* node helpers shared by the tree builder and the typed layer. */
import type { Ranged } from '../source.js';
import type { YMap, YMapEntry, YNode, YPath, YScalar } from './model.js';
import { scalarSpans } from './scalar-source.js';

/** Maps up to this size are searched; larger ones get an index on their first lookup. */
const SCAN_LIMIT = 16;

export class YMapImpl implements YMap {
  readonly kind = 'map';
  /**
   * Position of the last entry of each key, for large maps (`services`, big `environment`s):
   * rules look names up per service, and scanning made that quadratic in the size of the map.
   * Entries are complete when a map is built and never change afterwards. A `#` field, so the
   * node's own properties (what deep comparisons and spreads see) stay as they were.
   */
  #index: Map<string, number> | undefined;
  constructor(
    readonly range: Ranged,
    readonly path: YPath,
    readonly entries: YMapEntry[],
  ) {}
  /** The last entry with that key: YAML loaders let a repeated key override earlier ones. */
  entry(key: string): YMapEntry | undefined {
    const entries = this.entries;
    if (entries.length > SCAN_LIMIT) {
      if (!this.#index) {
        this.#index = new Map();
        for (let i = 0; i < entries.length; i++) this.#index.set(entries[i]!.key, i);
      }
      const i = this.#index.get(key);
      return i === undefined ? undefined : entries[i];
    }
    for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.key === key) return entries[i];
    return undefined;
  }
  get(key: string): YNode | undefined {
    return this.entry(key)?.value;
  }
}

export function emptyMap(range: Ranged, path: YPath): YMap {
  return new YMapImpl(range, path, []);
}

/**
 * For interpolated scalars: which raw-value index each character of the interpolated value was
 * copied from (-1 when a variable supplied it). Kept beside the model so the contract stays small.
 */
export const interpolationOrigin = new WeakMap<YScalar, number[]>();

/**
 * Source range of value[i, j) of a string scalar (after interpolation), or undefined when part
 * of it came from a variable. `text` is the whole file text.
 */
export function rangeInScalar(node: YScalar, text: string, i: number, j: number): Ranged | undefined {
  return scalarRanges(node, text)(i, j);
}

/**
 * rangeInScalar for several sub-ranges of one scalar (an image's name, tag and digest): the
 * scalar's layout in the source is worked out once, on the first call.
 */
export function scalarRanges(node: YScalar, text: string): (i: number, j: number) => Ranged | undefined {
  const raw = node.raw;
  if (typeof raw !== 'string') return () => undefined;
  const origin = interpolationOrigin.get(node);
  let spans: ((a: number, b: number) => [number, number]) | undefined;
  return (i, j) => {
    let a = i;
    let b = j;
    if (origin) {
      const slice = origin.slice(i, j);
      if (slice.length === 0 || slice.some((o) => o < 0)) return undefined;
      a = slice[0]!;
      b = slice[slice.length - 1]! + 1;
    }
    if (b > raw.length || a > b) return undefined;
    spans ??= scalarSpans(text, node.range.start, node.range.end, node.style, raw);
    const [s, e] = spans(a, b);
    return { path: node.range.path, start: s, end: e };
  };
}
