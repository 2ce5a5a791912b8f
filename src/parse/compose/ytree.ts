/**
 * Builds the Y* tree (model.ts) from a `yaml` Document: aliases are expanded in place, `<<` merge
 * keys are applied, duplicate keys are recorded, and string scalars are interpolated with the
 * `${…}` ranges mapped back to the source.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, Scalar, visit } from 'yaml';
import type { Alias, Document, Node as YamlNode, Pair, YAMLMap } from 'yaml';
import type { Ranged, SourceFile } from '../source.js';
import type { VarRef, YMap, YMapEntry, YNode, YPath, YScalar, YSeq } from './model.js';
import { interpolate } from './interpolate.js';
import { scalarSpans, type ScalarStyle } from './scalar-source.js';
import { interpolationOrigin, YMapImpl } from './ynodes.js';

/** Upper bound on Y nodes created, so alias bombs cannot exhaust memory or time. */
export const MAX_EXPANDED_NODES = 1_000_000;

interface ScalarInfo {
  value: YScalar['value'];
  origin?: number[];
  vars: VarRef[];
  interpolationErrors: YScalar['interpolationErrors'];
}

export interface TreeResult {
  root?: YNode;
  varRefs: VarRef[];
  duplicateKeys: { key: string; range: Ranged; first: Ranged }[];
  /** Problems found while building (alias cycles, expansion limit, bad merge sources). */
  errors: { code: string; message: string; range: Ranged }[];
}

export function buildTree(
  doc: Document.Parsed,
  source: SourceFile,
  variables: ReadonlyMap<string, string>,
  maxNodes = MAX_EXPANDED_NODES,
): TreeResult {
  return new TreeBuilder(doc, source, variables, maxNodes).run();
}

/**
 * The lists of a scalar without `$`, shared (frozen) by every such scalar: two empty arrays per
 * scalar were a good part of the tree's memory, kept for the whole run.
 */
const NO_VARS = Object.freeze([]) as unknown as VarRef[];
const NO_ERRORS = Object.freeze([]) as unknown as YScalar['interpolationErrors'];

const STYLE: Record<string, ScalarStyle> = {
  PLAIN: 'plain',
  QUOTE_SINGLE: 'single',
  QUOTE_DOUBLE: 'double',
  BLOCK_LITERAL: 'block',
  BLOCK_FOLDED: 'block',
};

class TreeBuilder {
  private budget: number;
  private budgetReported = false;
  /** Interpolation is done once per written scalar, however often aliases repeat it. */
  private scalars = new Map<Scalar, ScalarInfo>();
  /**
   * Only an alias (`*name`) makes the builder meet a node twice; a text without any `*` has none,
   * and then the two memos below are skipped (one map entry per node was a visible cost).
   */
  private readonly mayRevisit: boolean;
  /** Maps whose duplicate keys were already reported (aliases revisit them). */
  private checkedMaps = new Set<YAMLMap>();
  /** Nodes being expanded, to stop alias cycles. */
  private active = new Set<unknown>();
  private result: TreeResult = { varRefs: [], duplicateKeys: [], errors: [] };

  constructor(
    private doc: Document.Parsed,
    private source: SourceFile,
    private variables: ReadonlyMap<string, string>,
    private maxNodes: number,
  ) {
    this.budget = maxNodes;
    this.mayRevisit = source.text.includes('*');
  }

  run(): TreeResult {
    const contents = this.doc.contents as YamlNode | null;
    if (contents) this.result.root = this.build(contents, [], this.rangeOf(contents, 0));
    return this.result;
  }

  private ranged(start: number, end: number): Ranged {
    const len = this.source.text.length;
    const s = Math.max(0, Math.min(start, len));
    return this.source.ranged(s, Math.max(s, Math.min(end, len)));
  }

  private rangeOf(node: unknown, fallback: number): Ranged {
    const r = (node as { range?: [number, number, number] } | null)?.range;
    return r ? this.ranged(r[0], r[1]) : this.ranged(fallback, fallback);
  }

  private nullScalar(range: Ranged, path: YPath): YScalar {
    return { kind: 'scalar', range, path, value: null, raw: null, source: this.source.slice(range), style: 'plain', vars: NO_VARS, interpolationErrors: NO_ERRORS };
  }

  /** `at` is the range used when the node has none (an empty value). */
  private build(node: unknown, path: YPath, at: Ranged): YNode {
    if (this.budget <= 0) {
      if (!this.budgetReported) {
        this.budgetReported = true;
        this.result.errors.push({ code: 'ALIAS_EXPANSION_LIMIT', message: `aliases expand to more than ${this.maxNodes} nodes; the rest is ignored`, range: at });
      }
      return this.nullScalar(at, path);
    }
    this.budget--;
    if (node === null || node === undefined) return this.nullScalar(at, path);
    if (isAlias(node)) {
      const target = this.resolveAlias(node);
      const range = this.rangeOf(node, at.start);
      if (!target) return this.nullScalar(range, path);
      if (this.active.has(target)) {
        this.result.errors.push({ code: 'ALIAS_CYCLE', message: `alias *${node.source} refers to a node that contains it`, range });
        return this.nullScalar(range, path);
      }
      this.active.add(target);
      try {
        return this.build(target, path, range);
      } finally {
        this.active.delete(target);
      }
    }
    if (isScalar(node)) return this.scalar(node, path, at);
    if (isMap(node)) return this.map(node, path, at);
    if (isSeq(node)) {
      const range = this.rangeOf(node, at.start);
      const items: YNode[] = [];
      const seq: YSeq = { kind: 'seq', range, path, items };
      node.items.forEach((item, i) => {
        const p = [...path, i];
        items.push(isPair(item) ? this.pairAsMap(item, p, range) : this.build(item, p, range));
      });
      return seq;
    }
    if (isPair(node)) return this.pairAsMap(node, path, at);
    return this.nullScalar(at, path);
  }

  /**
   * yaml's Alias.resolve walks the whole document for each alias (a file with many aliases was
   * quadratic): one walk, in the same order, gives every alias its target, the last node before
   * it that carries its anchor.
   */
  private aliasTargets: Map<Alias, YamlNode | undefined> | undefined;
  private resolveAlias(alias: Alias): YamlNode | undefined {
    if (!this.aliasTargets) {
      const targets = new Map<Alias, YamlNode | undefined>();
      const anchored = new Map<string, YamlNode>();
      visit(this.doc, {
        Node: (_key, node) => {
          if (isAlias(node)) targets.set(node, anchored.get(node.source));
          else if ((isScalar(node) || isMap(node) || isSeq(node)) && node.anchor) anchored.set(node.anchor, node);
        },
      });
      this.aliasTargets = targets;
    }
    if (!this.aliasTargets.has(alias)) this.aliasTargets.set(alias, alias.resolve(this.doc) as YamlNode | undefined);
    return this.aliasTargets.get(alias);
  }

  /** A flow sequence item `[a: b]` is a single-pair mapping. */
  private pairAsMap(pair: Pair, path: YPath, at: Ranged): YMap {
    const keyRange = this.rangeOf(pair.key, at.start);
    const valueRange = this.rangeOf(pair.value, keyRange.end);
    const key = this.keyString(pair.key);
    const entry: YMapEntry = { key, keyRange, value: this.build(pair.value, [...path, key], valueRange), merged: false };
    return new YMapImpl(this.ranged(keyRange.start, Math.max(keyRange.end, valueRange.end)), path, [entry]);
  }

  private scalar(node: Scalar, path: YPath, at: Ranged): YScalar {
    const range = this.rangeOf(node, at.start);
    const style = STYLE[node.type ?? 'PLAIN'] ?? 'plain';
    const rawValue = node.value;
    let raw: YScalar['raw'];
    if (rawValue === null || rawValue === undefined) raw = null;
    else if (typeof rawValue === 'string' || typeof rawValue === 'number' || typeof rawValue === 'boolean') raw = rawValue;
    else if (typeof rawValue === 'bigint') raw = Number(rawValue);
    else if (typeof rawValue === 'symbol') raw = rawValue.description ?? '';
    else raw = String(rawValue);
    let info = this.mayRevisit ? this.scalars.get(node) : undefined;
    if (!info) {
      info = this.interpolateScalar(raw, range, style);
      if (this.mayRevisit) this.scalars.set(node, info);
      this.result.varRefs.push(...info.vars);
    }
    const out: YScalar = {
      kind: 'scalar',
      range,
      path,
      value: info.value,
      raw,
      source: this.source.slice(range),
      style,
      vars: info.vars,
      interpolationErrors: info.interpolationErrors,
    };
    if (info.origin) interpolationOrigin.set(out, info.origin);
    return out;
  }

  private interpolateScalar(raw: YScalar['raw'], range: Ranged, style: ScalarStyle): ScalarInfo {
    if (typeof raw !== 'string' || !raw.includes('$')) return { value: raw, vars: NO_VARS, interpolationErrors: NO_ERRORS };
    const result = interpolate(raw, this.variables);
    const span = scalarSpans(this.source.text, range.start, range.end, style, raw);
    const toRange = (i: number, j: number): Ranged => {
      const [s, e] = span(i, j);
      return this.ranged(s, e);
    };
    return {
      value: result.value,
      origin: result.origin,
      vars: result.refs.map((r) => ({ name: r.name, operator: r.operator, range: toRange(r.start, r.end), defined: r.defined })),
      interpolationErrors: result.errors.map((e) => ({ message: e.message, range: toRange(e.start, e.end) })),
    };
  }

  private keyString(key: unknown): string {
    if (key === null || key === undefined) return '';
    if (isAlias(key)) {
      const target = this.resolveAlias(key);
      return target && !this.active.has(target) ? this.keyString(target) : '';
    }
    if (isScalar(key)) {
      const v = key.value;
      if (typeof v === 'symbol') return v.description ?? '';
      return v === null || v === undefined ? '' : String(v);
    }
    const r = (key as { range?: [number, number, number] }).range;
    return r ? this.source.text.slice(r[0], r[1]) : '';
  }

  private isMergeKey(key: unknown): boolean {
    if (!isScalar(key)) return false;
    if (key.type && key.type !== Scalar.PLAIN) return false;
    const v = key.value;
    return v === '<<' || (typeof v === 'symbol' && v.description === '<<');
  }

  private map(node: YAMLMap, path: YPath, at: Ranged): YMap {
    const range = this.rangeOf(node, at.start);
    const pairs = node.items;
    // Explicit keys win over merged ones wherever they are written; for duplicates the last wins.
    // Keys and their ranges are worked out once here and reused by the second pass.
    const keys: (string | undefined)[] = new Array(pairs.length);
    const keyRanges: Ranged[] = new Array(pairs.length);
    const lastIndex = new Map<string, number>();
    const firstRange = new Map<string, Ranged>();
    const report = !this.mayRevisit || !this.checkedMaps.has(node);
    if (this.mayRevisit) this.checkedMaps.add(node);
    for (let i = 0; i < pairs.length; i++) {
      const pair = pairs[i]!;
      const keyRange = this.rangeOf(pair.key, range.start);
      keyRanges[i] = keyRange;
      if (this.isMergeKey(pair.key)) continue;
      const key = this.keyString(pair.key);
      keys[i] = key;
      const first = firstRange.get(key);
      if (first && report) this.result.duplicateKeys.push({ key, range: keyRange, first });
      if (!first) firstRange.set(key, keyRange);
      lastIndex.set(key, i);
    }
    const entries: YMapEntry[] = [];
    const merged = new Set<string>();
    for (let i = 0; i < pairs.length; i++) {
      const pair = pairs[i]!;
      const keyRange = keyRanges[i]!;
      const key = keys[i];
      if (key === undefined) {
        for (const src of this.mergeSources(pair.value, path, keyRange)) {
          for (const e of src.entries) {
            if (lastIndex.has(e.key) || merged.has(e.key)) continue;
            merged.add(e.key);
            entries.push({ ...e, merged: true });
          }
        }
        continue;
      }
      const valueRange = this.rangeOf(pair.value, keyRange.end);
      if (lastIndex.get(key) !== i) {
        // Overridden by a later duplicate, but still walked for its own problems.
        this.build(pair.value, [...path, key], valueRange);
        continue;
      }
      entries.push({ key, keyRange, value: this.build(pair.value, [...path, key], valueRange), merged: false });
    }
    return new YMapImpl(range, path, entries);
  }

  /** The maps a `<<` value brings in, earlier ones first (they take precedence). */
  private mergeSources(value: unknown, path: YPath, keyRange: Ranged): YMap[] {
    const built = this.build(value, path, keyRange);
    if (built.kind === 'map') return [built];
    const out: YMap[] = [];
    if (built.kind === 'seq') {
      for (const item of built.items) {
        if (item.kind === 'map') out.push(new YMapImpl(item.range, path, item.entries.map((e) => ({ ...e, value: repath(e.value, [...path, e.key]) }))));
        else this.badMerge(item.range);
      }
      return out;
    }
    if (built.value !== null) this.badMerge(built.range);
    return out;
  }

  private badMerge(range: Ranged): void {
    this.result.errors.push({ code: 'BAD_MERGE', message: 'a merge key (<<) needs a mapping or a list of mappings', range });
  }
}

/** Items of a merged list were built under the list's index path; move them under the map. */
function repath(node: YNode, path: YPath): YNode {
  if (node.kind === 'scalar') return { ...node, path };
  if (node.kind === 'seq') return { ...node, path, items: node.items.map((it, i) => repath(it, [...path, i])) };
  return new YMapImpl(node.range, path, node.entries.map((e) => ({ ...e, value: repath(e.value, [...path, e.key]) })));
}
