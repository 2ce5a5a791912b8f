/** Closest-spelling suggestions for misspelled rule ids, aliases and config keys. */

function distance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The candidate nearest to `input` (case-insensitive), or undefined when even the nearest one
 * differs in more than about a third of its characters: a wild guess helps nobody.
 */
export function didYouMean(input: string, candidateList: Iterable<string>): string | undefined {
  const candidates = [...candidateList];
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = distance(needle, c.toLowerCase());
    if (d < bestScore || (d === bestScore && best !== undefined && c < best)) {
      best = c;
      bestScore = d;
    }
  }
  if (best === undefined) return undefined;
  // A truncated word ("warn" for "warning") is a likelier slip than its edit distance suggests.
  if (needle.length >= 3 && bestScore > 0) {
    const prefixed = candidates.filter((c) => c.toLowerCase().startsWith(needle));
    if (prefixed.length === 1) return prefixed[0];
  }
  const limit = Math.max(1, Math.floor(Math.max(needle.length, best.length) / 3));
  return bestScore <= limit ? best : undefined;
}
