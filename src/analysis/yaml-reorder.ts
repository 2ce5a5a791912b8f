/**
 * Reordering the items of a block mapping or block sequence by moving whole lines, so comments
 * written above an item (and deeper-indented comments trailing it) travel with it and nothing else
 * in the file changes. Used by the ordering rules' fixes.
 */
import { isAlias, isCollection, isMap, isPair, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';
import type { Edit } from '../engine/types.js';
import type { ComposeFile } from '../parse/compose/model.js';

type Range3 = [number, number, number];

/** One movable item: `[start, end)` covers its leading comments up to the end of its last line. */
export interface ItemBlock {
  start: number;
  end: number;
}

function rangeOf(node: unknown): Range3 | undefined {
  return (node as { range?: Range3 } | null | undefined)?.range ?? undefined;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function isCommentLine(line: string): boolean {
  return line.trimStart().startsWith('#');
}

/** Where an item begins (the key, or the `-` of a sequence entry) and where its content ends. */
function itemSpan(text: string, item: unknown, inSeq: boolean): [number, number] | undefined {
  if (isPair(item)) {
    const pair = item as Pair;
    const k = rangeOf(pair.key);
    if (!k) return undefined;
    const v = rangeOf(pair.value);
    return [k[0], Math.max(k[1], v ? v[1] : k[1])];
  }
  const r = rangeOf(item);
  if (!r || !inSeq) return undefined;
  // The `-` indicator sits before the node on the same line.
  const ls = lineStart(text, r[0]);
  const dash = text.lastIndexOf('-', r[0] - 1);
  if (dash < ls) return undefined;
  return [dash, r[1]];
}

/**
 * The line blocks of a block collection's items, or undefined when its layout does not allow
 * moving lines (flow style, several items on one line, uneven indentation, items sharing a line
 * with their parent).
 */
export function itemBlocks(text: string, collection: unknown): ItemBlock[] | undefined {
  if (!isCollection(collection) || (collection as { flow?: boolean }).flow) return undefined;
  const inSeq = isSeq(collection);
  if (!inSeq && !isMap(collection)) return undefined;
  const items = (collection as { items: unknown[] }).items;
  if (items.length === 0) return undefined;
  const spans: [number, number][] = [];
  for (const item of items) {
    const s = itemSpan(text, item, inSeq);
    if (!s) return undefined;
    spans.push(s);
  }
  const column = spans[0]![0] - lineStart(text, spans[0]![0]);
  const blocks: ItemBlock[] = [];
  let previousEnd = -1;
  for (const [s, e] of spans) {
    const ls = lineStart(text, s);
    if (s - ls !== column || text.slice(ls, s).trim() !== '' || ls <= previousEnd) return undefined;
    // Comment lines right above, at the item's indentation, belong to the item.
    let start = ls;
    while (start > 0 && start > previousEnd + 1) {
      const prevStart = lineStart(text, start - 1);
      const line = text.slice(prevStart, start - 1);
      if (!isCommentLine(line) || indentOf(line) !== column) break;
      start = prevStart;
    }
    let last = e;
    while (last > s && /\s/.test(text[last - 1]!)) last--;
    let end = lineEnd(text, Math.max(s, last - 1));
    // Deeper comments that follow the item's last line are part of its body.
    while (end < text.length) {
      const next = lineEnd(text, end + 1);
      const line = text.slice(end + 1, next);
      if (!isCommentLine(line) || indentOf(line) <= column) break;
      end = next;
    }
    if (start <= previousEnd) return undefined;
    blocks.push({ start, end });
    previousEnd = end;
  }
  return blocks;
}

/**
 * The edit that rewrites the collection with its items in `order` (indices into its items), the
 * text between items staying in place. Undefined when the layout cannot be moved line by line or
 * the result would not parse as before (an alias moved above its anchor). `parsedCleanly`: the
 * text as it is parses without errors or dangling aliases (see documentParsedCleanly).
 */
export function reorderEdit(path: string, text: string, collection: unknown, order: readonly number[], parsedCleanly = false): Edit | undefined {
  const blocks = itemBlocks(text, collection);
  if (!blocks || order.length !== blocks.length) return undefined;
  if ([...order].sort((a, b) => a - b).some((v, i) => v !== i)) return undefined;
  const first = blocks[0]!.start;
  const last = blocks[blocks.length - 1]!.end;
  let out = '';
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[order[i]!]!;
    out += text.slice(b.start, b.end);
    if (i + 1 < blocks.length) out += text.slice(blocks[i]!.end, blocks[i + 1]!.start);
  }
  // Parsing the whole file again for every finding made the ordering rules the costliest part of
  // `--preset all` (0.6 s of a 2.3 s run of the corpus). When the file parsed cleanly and the
  // moved lines hold no anchor or alias, the moved lines parsing cleanly on their own says the
  // same: items move whole, at their own indentation, and nothing outside them refers into them.
  const moved = parsedCleanly && !/[&*]/.test(out) && reparsesCleanly(out);
  if (!moved && !reparsesCleanly(text.slice(0, first) + out + text.slice(last))) return undefined;
  return { path, start: first, end: last, text: out };
}

function reparsesCleanly(text: string): boolean {
  const doc = parseDocument(text, { uniqueKeys: false });
  return doc.errors.length === 0 && !hasDanglingAlias(doc);
}

/**
 * Whether a compose file's own document (parsed with `merge: true`, which only adds errors)
 * has no errors and no dangling alias: then its text parses cleanly as reparsesCleanly asks.
 */
const cleanDocuments = new WeakMap<Document.Parsed, boolean>();
function documentParsedCleanly(doc: Document.Parsed): boolean {
  let clean = cleanDocuments.get(doc);
  if (clean === undefined) cleanDocuments.set(doc, (clean = doc.errors.length === 0 && !hasDanglingAlias(doc)));
  return clean;
}

/** yaml reports an alias to an unknown anchor only on toJS; check the tree instead. */
function hasDanglingAlias(doc: Document.Parsed): boolean {
  const anchors = new Set<string>();
  let dangling = false;
  const walk = (node: unknown): void => {
    if (dangling || node === null || node === undefined) return;
    if (isAlias(node)) {
      if (!anchors.has(node.source)) dangling = true;
      return;
    }
    const anchor = (node as Node).anchor;
    if (anchor) anchors.add(anchor);
    if (isPair(node)) {
      walk(node.key);
      walk(node.value);
    } else if (isCollection(node)) {
      for (const item of (node as { items: unknown[] }).items) walk(item);
    }
  };
  walk(doc.contents);
  return dangling;
}

/** The yaml node at a path of keys/indices (what the typed model's YPath holds). */
export function yamlNodeAt(doc: Document.Parsed, path: readonly (string | number)[]): unknown {
  let node: unknown = doc.contents;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => {
        const k = p.key as { value?: unknown } | null;
        return k !== null && typeof k === 'object' && String(k.value) === String(step);
      });
      node = pair?.value;
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
    } else {
      return undefined;
    }
    if (isAlias(node)) return undefined;
  }
  return node;
}

/**
 * The stable permutation that sorts items by `compare`, and the first item found out of place
 * (one that sorts before the item written above it), or undefined when already sorted.
 */
export function sortPlan<T>(items: readonly T[], compare: (a: T, b: T) => number): { order: number[]; misplaced: number } | undefined {
  let misplaced = -1;
  for (let i = 1; i < items.length; i++) {
    if (compare(items[i - 1]!, items[i]!) > 0) {
      misplaced = i;
      break;
    }
  }
  if (misplaced < 0) return undefined;
  const order = items.map((_, i) => i).sort((a, b) => compare(items[a]!, items[b]!) || a - b);
  return { order, misplaced };
}

/** Key text of a map pair (undefined for complex keys). */
export function pairKey(item: unknown): string | undefined {
  if (!isPair(item)) return undefined;
  const k = item.key as { value?: unknown } | null;
  if (k === null || typeof k !== 'object' || !('value' in k)) return undefined;
  // With `merge: true`, yaml gives the `<<` key a symbol value.
  if (typeof k.value === 'symbol') return (k as { source?: string }).source ?? '<<';
  return String(k.value);
}

/** What an ordering rule reports for one collection: where, the names involved, and the fix. */
export interface OrderFinding {
  at: { path: string; start: number; end: number };
  /** Sort key of the misplaced item and of the item it should come before. */
  item: string;
  before: string;
  edit?: Edit;
}

/**
 * Checks that the items of `collection` (a yaml node of `file`) are sorted by `compare` over the
 * keys `keyOf` gives; items without a key (undefined) stay where they sort as equal to nothing and
 * make the check give up. Reports on the first misplaced item.
 */
export function checkOrder(
  file: ComposeFile,
  collection: unknown,
  keyOf: (item: unknown) => string | undefined,
  compare: (a: string, b: string) => number,
): OrderFinding | undefined {
  const { path } = file;
  const text = file.source.text;
  if (!isCollection(collection)) return undefined;
  const items = (collection as { items: unknown[] }).items;
  const keys: string[] = [];
  for (const item of items) {
    const k = keyOf(item);
    if (k === undefined) return undefined;
    keys.push(k);
  }
  const plan = sortPlan(keys, compare);
  if (!plan) return undefined;
  const item = items[plan.misplaced];
  const r = isPair(item) ? rangeOf(item.key) : rangeOf(item);
  if (!r) return undefined;
  // The item it should precede: the first one written above it that sorts after it.
  const key = keys[plan.misplaced]!;
  const before = keys.find((k, i) => i < plan.misplaced && compare(k, key) > 0) ?? keys[plan.misplaced - 1]!;
  const finding: OrderFinding = { at: { path, start: r[0], end: r[1] }, item: key, before };
  const edit = reorderEdit(path, text, collection, plan.order, documentParsedCleanly(file.document));
  if (edit) finding.edit = edit;
  return finding;
}
