/**
 * The config lookups' caches (per file, per folder) are asked about one part of a tree at a
 * time: a big run gains little from keeping every folder it has seen, and kept, they were a
 * large share of what such a run holds per file (issue 7: at 16× the corpus, four tables of
 * 1.75 MB). So each forgets everything once it holds `limit` entries.
 */
export const CACHE_LIMIT = 4096;

export function remember<K, V>(cache: Map<K, V>, key: K, value: V, limit: number = CACHE_LIMIT): void {
  if (cache.size >= limit) cache.clear();
  cache.set(key, value);
}
