/** Questions rules ask of compose values: does a variable without a value write it, where is a name. */
import type { Ranged, SourceFile } from '../parse/source.js';
import type { YNode } from '../parse/compose/model.js';

/**
 * Whether a variable that has no value (and no `-`/`:-` default) writes part of this value: then
 * the value is not what the user will run with, and rules judging it would guess.
 */
export function hasUnsetVariable(node: YNode | undefined): boolean {
  if (!node) return false;
  if (node.kind === 'scalar') return node.vars.some((v) => !v.defined && v.operator !== ':-' && v.operator !== '-');
  if (node.kind === 'map') return node.entries.some((e) => hasUnsetVariable(e.value));
  return node.items.some(hasUnsetVariable);
}

/** The span that holds exactly `name` (inside quotes when quoted), for a rename suggestion. */
export function nameSpan(source: SourceFile | undefined, range: Ranged, name: string): Ranged | undefined {
  if (!source) return undefined;
  const written = source.slice(range);
  if (written === name) return range;
  const q = written[0];
  if ((q === '"' || q === "'") && written.length === name.length + 2 && written.slice(1, -1) === name) {
    return { path: range.path, start: range.start + 1, end: range.end - 1 };
  }
  return undefined;
}
