/** Near-miss suggestions for misspelt names: keys, rule ids, services, volumes, instructions. */

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0]![j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      }
      d[i]![j] = best;
    }
  }
  return d[rows - 1]![cols - 1]!;
}

/**
 * The closest candidate, if close enough to be a likely typo: about one edit per three characters,
 * at least one. Case and `-`/`_` differences count as nothing, since they are the commonest slips.
 * Ties go to the earlier candidate.
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/-/g, '_');
  const w = norm(word);
  const list = [...candidates];
  // A truncated word (`warn` for `warning`) is a likelier slip than its edit distance says.
  if (w.length >= 3) {
    const prefixed = list.filter((c) => c !== word && norm(c).startsWith(w));
    if (prefixed.length === 1) return prefixed[0];
  }
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of list) {
    if (candidate === word) continue;
    const c = norm(candidate);
    const limit = Math.max(1, Math.floor(Math.max(w.length, c.length) / 3));
    if (Math.abs(w.length - c.length) > limit) continue;
    const distance = editDistance(w, c);
    // Two or more edits that also change the first letter are more often another word than a typo
    // (`pre_start` is not `restart`).
    if (distance > 1 && w[0] !== c[0]) continue;
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
