/**
 * How deeply a YAML text nests, bounded in time and stack. The `yaml` composer recurses once per
 * level and overflows the stack near a thousand levels; when V8 must (re)compile a regular
 * expression at that moment it aborts the whole process instead of throwing, so a file nested
 * that deep must never reach the composer. Real compose files nest a few dozen levels at most.
 */
import { Parser } from 'yaml';

export const MAX_YAML_DEPTH = 256;

/**
 * A cheap upper bound: every flow opener anywhere, plus the deepest line's indentation (twice:
 * a sequence may sit at its parent key's column) and block
 * indicators. Nearly every file stays below the limit here and needs no closer look.
 */
function depthBound(text: string): number {
  let flow = 0;
  let worstLine = 0;
  let indent = 0;
  let indicators = 0;
  let atIndent = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      worstLine = Math.max(worstLine, 2 * indent + indicators);
      indent = 0;
      indicators = 0;
      atIndent = true;
      continue;
    }
    if (atIndent && (c === 32 || c === 9)) {
      indent++;
      continue;
    }
    atIndent = false;
    if (c === 91 || c === 123) flow++; // [ {
    else if (c === 45 || c === 63 || c === 58) indicators++; // - ? :
  }
  return flow + Math.max(worstLine, 2 * indent + indicators) + 1;
}

type Cst = { type?: string; offset?: number; items?: unknown[]; value?: unknown; key?: unknown };

/**
 * Offset of the first collection nested deeper than `limit` in the CST (which `yaml` builds
 * without recursion), walked with an explicit stack; undefined when none is.
 */
function tooDeepAt(text: string, limit: number): number | undefined {
  const stack: [unknown, number][] = [];
  for (const doc of new Parser().parse(text)) stack.push([doc, 0]);
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!node || typeof node !== 'object') continue;
    const n = node as Cst;
    const nested = n.type === 'block-map' || n.type === 'block-seq' || n.type === 'flow-collection';
    const d = nested ? depth + 1 : depth;
    if (d > limit) return n.offset ?? 0;
    if (Array.isArray(n.items)) {
      for (const item of n.items) {
        const it = item as Cst;
        // Flow collections list tokens directly; block collections list {start, key, sep, value}.
        if (it && typeof it === 'object' && 'type' in it) stack.push([it, d]);
        else if (it && typeof it === 'object') {
          stack.push([it.key, d]);
          stack.push([it.value, d]);
        }
      }
    }
    if (n.value && typeof n.value === 'object') stack.push([n.value, d]);
  }
  return undefined;
}

/** Where the text first nests more than `limit` levels, or undefined when it never does. */
export function yamlTooDeepAt(text: string, limit = MAX_YAML_DEPTH): number | undefined {
  if (depthBound(text) <= limit) return undefined;
  return tooDeepAt(text, limit);
}
