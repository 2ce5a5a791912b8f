/**
 * Keeps the garbage of finished lint units from piling up in a unit-by-unit run.
 *
 * Each unit's models live through many young-generation collections, so they are promoted and die
 * in the old generation. V8 collects the old generation only once it has grown by a factor of up
 * to 4 over what the last collection left (on the corpus: 186 MB of heap for 16 MB live), so the
 * garbage of finished units made up most of the peak. Two ways to bound it were measured:
 * - a full collection (`gc()`) between units whenever the heap grew past a fixed slack: bounds it
 *   well, but at 4× the corpus it cost 60% more CPU. Between units nothing of the last unit is
 *   alive, so each such collection also drops the hidden classes (maps) its objects had, and the
 *   optimized code that embedded them is thrown away (`--trace-deopt`: 2.4× more "weak objects"
 *   deopts) and compiled again for the next unit.
 * - a smaller growth factor (`--heap-growing-percent`), read by V8 each time it sets the next
 *   limit: V8 still collects when it chooses, mostly in the middle of a unit, incrementally and
 *   with the unit's objects (and maps) alive. At 50%: 265–269 -> 210–213 MB at 4× the corpus
 *   for 0–8% more CPU; 30% gave 195 MB but 20% more CPU. The cost grows with the live results
 *   (each collection marks them): at 16×, 706 -> 475 MB for ~19% more CPU.
 * So the run sets the factor while it lasts, then puts V8's default (0: choose dynamically) back,
 * and ends with releaseGarbage() for the reporter.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

/** Old-generation growth allowed over the live data left by the last full collection. */
export const HEAP_GROWING_PERCENT = 50;

const FLAG = '--heap-growing-percent';

/**
 * Sets V8's heap growing factor for a unit-by-unit run and returns what puts it back. Does
 * nothing when the user chose the factor (`node --heap-growing-percent=…` or NODE_OPTIONS).
 */
export function tightenHeapGrowth(
  percent: number = HEAP_GROWING_PERCENT,
  setFlags: (flags: string) => void = v8.setFlagsFromString,
  userFlags: readonly string[] = [...process.execArgv, ...(process.env['NODE_OPTIONS'] ?? '').split(/\s+/)],
): () => void {
  const chosen = userFlags.some((f) => f === FLAG || f.startsWith(`${FLAG}=`) || f.startsWith('--heap_growing_percent'));
  if (chosen) return () => {};
  setFlags(`${FLAG}=${percent}`);
  return () => setFlags(`${FLAG}=0`);
}

let gcFunction: (() => void) | undefined;

/**
 * A full, precise collection. The CLI runs without `--expose-gc`, so V8's `gc` is fetched from a
 * fresh context made while the flag is on, then the flag is put back (later contexts, e.g. those
 * of plugins or workers, see no `gc` global). Costs ~1 ms, once.
 */
export function fullCollection(): void {
  if (!gcFunction) {
    const own = (globalThis as { gc?: () => void }).gc;
    if (typeof own === 'function') gcFunction = own;
    else {
      v8.setFlagsFromString('--expose-gc');
      try {
        gcFunction = vm.runInNewContext('gc') as () => void;
      } finally {
        v8.setFlagsFromString('--no-expose-gc');
      }
    }
  }
  gcFunction!();
}

/**
 * Leaves the heap holding live data only, before a phase that allocates a lot (the reporter).
 * One collection frees the garbage, but its pages are swept concurrently and are returned to the
 * system only once swept; a second one (cheap: the live set is small) waits for that sweep. On
 * the corpus the heap the reporter starts from went from 76–82 MB to 63–65 MB committed.
 */
export function releaseGarbage(): void {
  fullCollection();
  fullCollection();
}
