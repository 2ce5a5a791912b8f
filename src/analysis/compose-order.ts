/** Sort orders shared by the compose ordering rules. */

/** `<<` merge keys first (their position does not change the result), then `compare`. */
export function mergeKeysFirst(compare: (a: string, b: string) => number): (a: string, b: string) => number {
  return (a, b) => {
    if (a === '<<' || b === '<<') return a === b ? 0 : a === '<<' ? -1 : 1;
    return compare(a, b);
  };
}

export const alphabetical = (a: string, b: string): number => a.localeCompare(b, 'en');
export const numericAware = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

/**
 * The host port of a short-syntax port (`[ip:]host:container[/proto]`), or the container port
 * when none is published: what a reader scans a ports list by.
 */
export function portSortKey(value: string): string {
  const noProto = value.replace(/\/[a-z]+$/i, '');
  const parts: string[] = [];
  let cur = '';
  let depth = 0;
  for (const ch of noProto) {
    if (ch === '[' || ch === '{') depth++;
    if (ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
    if (ch === ':' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  if (parts.length >= 3) return parts[parts.length - 2] || parts[parts.length - 1]!;
  return parts[0]!;
}
