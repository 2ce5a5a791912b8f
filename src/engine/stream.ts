/**
 * A big run linted unit by unit in this thread, its results handed out as soon as they are final,
 * so that what the run holds is bounded by its largest project rather than by its number of files
 * (issue 7). The results come in lint()'s order (by path) and are exactly lint()'s.
 *
 * Units (src/engine/units.ts) are linted one after another. Units that turn out to share files
 * (a build context in a sibling folder, an included file two projects share) form one project
 * that is linted again as a whole, once, when nothing still waiting can join it. What is new is
 * knowing when a result can no longer change: a result is final once no unit still waiting could
 * read the files its project judged or read. What a unit may read is foreseen from the text of its
 * compose files (src/engine/reach.ts): most compose files name only paths inside their own folder,
 * so a waiting unit of folder D can only reach files below D. Units whose compose files may reach
 * anywhere (`..`, variables, include, extends) are linted first, the others in path order of what
 * they cover, so that results are final, and handed out, nearly as soon as they are made.
 *
 * The other units come from the plan as the stream needs them (a folder's walk makes them as it
 * goes, src/engine/walk-units.ts), and what the stream knows of a unit (who owns or read each
 * path) is dropped once its results are out: what it keeps grows with what is in flight. Units
 * still to come are foreseen by the plan (UnitPlan.pending) as a waiting unit would be.
 *
 * Should a unit read what the foresight missed and a file of a project already handed out, the run
 * says so as an internal error instead of printing results that differ from lint()'s.
 */
import { dirname, sep } from 'node:path';
import { lintSync, type LintOutcome, type LintRequest } from './lint.js';
import type { FileResult } from './types.js';
import { recordingFileSystem } from './recording-fs.js';
import { tightenHeapGrowth } from './heap-growth.js';
import type { UnitPlan } from './units.js';
import { covers, type PlannedUnit } from './walk-units.js';
import { PathHashes } from './path-hashes.js';
import type { SyncWorkerPool } from './worker-pool.js';

interface Unit {
  /** Target paths, in the order of the run. */
  paths: string[];
  /** Where it comes in the run: its results all sort at or after this key. */
  key: string;
  /** The compose folders it owns (ending in a separator): it may read anything below them. */
  dirs: readonly string[];
  /** Its compose files may name paths anywhere. */
  wild: boolean;
  /**
   * waiting: not linted yet; done: linted, its results held or handed out; stale: units found to
   * share files, to be linted again together before any of their results can go; merged: part of
   * a bigger unit now (`into`).
   */
  state: 'waiting' | 'done' | 'stale' | 'merged';
  into: Unit | undefined;
  /** 1, or one more than the deepest of the units merged into it. */
  round: number;
  /** Its first target in the order of the run (to order errors as lint() does). */
  first: string;
  /** Every file its lint() read (of a stale unit: what its parts read). */
  reads: readonly string[];
  /** Results handed out: once any, the unit must never be merged again. */
  emitted: number;
  /** Results not handed out yet. */
  pending: number;
  texts: Map<string, string> | undefined;
  final: boolean;
  /** Linted once only to learn what it reads (a wild unit), to be linted for its results later. */
  probed: boolean;
  /** Its job in the worker pool, once sent there. */
  job: number | undefined;
  /** A waiting unit that could still read its files, when last asked (isFinal). */
  blocker: Unit | undefined;
  /**
   * Of a stale unit: the units merged into it before they were ever linted. What they will read
   * is known only from their foresight until the stale unit is linted.
   */
  unread: Unit[];
  errors: readonly string[];
  internalErrors: readonly string[];
}

/**
 * Files of neighbouring compose folders linted in one lint() call (see unitsOf). On the corpus
 * 1,166 calls became 232 (62 files linted twice instead of 53): each call sets up every rule and a
 * project, which costs as much as a small file. Bigger packs saved few calls more and relinted more.
 */
const PACK_FILES = 16;

/** Shared by the units that have not read anything or met no error (most of them). */
const NONE: readonly never[] = Object.freeze([]);

/**
 * A unit waiting to be linted. Every field is set here, and none is ever deleted: a run holds a
 * Unit per folder or pack of folders, and objects whose shape changes as they go are stored as
 * dictionaries (on 8× the corpus, 3.5 MB of the 53 MB live mid-run were their property tables).
 */
function waitingUnit(paths: string[], key: string, wild: boolean, first: string, dirs: readonly string[]): Unit {
  return {
    paths,
    key,
    dirs,
    wild,
    state: 'waiting',
    into: undefined,
    round: 1,
    first,
    reads: NONE,
    emitted: 0,
    pending: 0,
    texts: undefined,
    final: false,
    probed: false,
    job: undefined,
    blocker: undefined,
    unread: [],
    errors: NONE,
    internalErrors: NONE,
  };
}

/** A held result, or for a stale unit, the place where its results will start. */
interface Entry {
  path: string;
  result?: FileResult;
  unit: Unit;
}

export interface ResultStream {
  /** The results in lint()'s order, each unit linted when the reader gets that far. Read once. */
  readonly results: Iterable<FileResult>;
  /**
   * The errors so far, in lint()'s order: the walk's at once, each unit's once it is linted.
   * Read them after the results for all of them.
   */
  problems(): { errors: string[]; internalErrors: string[] };
  /**
   * The text of a file of the unit whose result was handed out last: fixes of a finding may edit
   * another file of its project, whose result may come earlier or later in the report.
   */
  textOf(path: string): string | undefined;
  /** Counts for benchmarks and tests, complete once the results have been read. */
  readonly stats: StreamStats;
  /** Every finding's rule id is one of the run's rules: false when ShellCheck runs (its SCnnnn codes are not). */
  readonly onlyRunRules: boolean;
  /** Stops the workers, for a stream given up before its results were all read. */
  close(): void;
  /** Whether the workers stopped answering, so that the rest was linted in this thread. */
  poolBroken(): boolean;
}

export interface StreamStats {
  units: number;
  /** Units whose compose files may reach outside their folder (linted first). */
  wild: number;
  /** 1, plus one for each level of merging. */
  rounds: number;
  /** Files linted again after merging. */
  relinted: number;
  /** The most results held back at once (waiting to be final), and how many are now. */
  heldPeak: number;
  held: number;
  /** Wild units linted first only to learn what they read, and again when their turn came. */
  probed: number;
  /** Units sent to the worker pool. */
  inWorkers: number;
  /**
   * The most paths and folders the stream kept track of at once (who owns or read each, units
   * queued): it grows with the projects in flight, not with the run (issue 7).
   */
  trackedPeak: number;
}

export interface StreamOptions {
  /** Called with the target paths of each unit as it is linted (for progress). */
  onFilesDone?: (paths: readonly string[]) => void;
  /**
   * Workers that lint the units ahead of the report, in the order it will need them; merged
   * units are linted again here. Without, every unit is linted in this thread. The stream closes
   * the pool once its results have been read.
   */
  pool?: SyncWorkerPool;
  /**
   * Neighbouring compose folders that stay inside themselves are linted in one lint() call, up to
   * this many files (default 16; 1 lints each folder alone).
   */
  packFiles?: number;
}

/** A binary min-heap of held results by path. */
class Held {
  private items: Entry[] = [];
  get size(): number {
    return this.items.length;
  }
  peek() {
    return this.items[0];
  }
  push(item: Entry): void {
    const a = this.items;
    a.push(item);
    for (let i = a.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (a[parent]!.path <= a[i]!.path) break;
      [a[parent], a[i]] = [a[i]!, a[parent]!];
      i = parent;
    }
  }
  pop() {
    const a = this.items;
    const top = a[0];
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]!.path < a[m]!.path) m = l;
        if (r < a.length && a[r]!.path < a[m]!.path) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}

const live = (u: Unit): Unit => {
  while (u.into) u = u.into;
  return u;
};

/**
 * Stands for the units the walk has not given yet (UnitPlan.pending): one of them may read the path
 * asked about. Never linted; it waits until the walk has gone past the path.
 */
const WALK: Unit = waitingUnit([], '', false, '', NONE);

/** A neighbour is linted in the same lint() call as the units before it: both stay in their folders. */
const packs = (u: PlannedUnit) => u.dir !== undefined && !u.wild;

/** Lints the plan's units lazily, as `results` is read. */
export function lintStream(req: LintRequest, plan: UnitPlan, options: StreamOptions = {}): ResultStream {
  // From here until the results have been read, V8 collects sooner (heap-growth.ts): without it
  // the garbage of finished units is what the run's memory grows with.
  const restoreHeapGrowth = tightenHeapGrowth();
  const env = req.env ?? {};
  const packFiles = options.packFiles ?? PACK_FILES;
  const { fs: runFs, walkErrors, onlyRunRules, compare } = plan;
  const stats: StreamStats = { units: 0, wild: 0, rounds: 1, relinted: 0, heldPeak: 0, held: 0, probed: 0, inWorkers: 0, trackedPeak: 0 };
  // Who may still judge or read a path: the unit that holds it as a target or read it, and the
  // unit of each compose folder. Entries of units whose results are all out are dropped
  // (retire): what is left grows with what is in flight, not with the run.
  const owner = new Map<string, Unit>();
  const composeDirs = new Map<string, Unit>();
  // The files of units whose results are all out, as hashes: a unit that reads one after all
  // (its foresight failed) is caught without keeping the paths.
  const reported = new PathHashes();
  // Units to lint in the order of the run: wild ones first (they may reach anything, so nothing is
  // final before they are done), then the plan's others as they come, by key.
  const queue: Unit[] = [];
  // Units linted that met errors (for problems()); the stream's own internal errors apart.
  const finished: Unit[] = [];
  const ownErrors: string[] = [];
  const held = new Held();
  let next = 0;
  let wildWaiting = 0;
  let lastUnit: Unit | undefined;
  let lastPath: string | undefined;
  // A unit taken from the plan to see whether it packs with the ones before it, not queued yet.
  let peeked: PlannedUnit | undefined;

  const pool = options.pool;
  // Units sent to the workers ahead of the one the report needs: enough to keep every worker busy.
  const ahead = pool ? 4 * pool.threads : 0;
  let jobs = 0;

  /** A unit known to the stream: it owns its targets and compose folders. */
  const register = (unit: Unit) => {
    stats.units++;
    if (unit.wild) {
      stats.wild++;
      wildWaiting++;
    }
    for (const p of unit.paths) owner.set(p, unit);
    for (const d of unit.dirs) composeDirs.set(d, unit);
  };

  for (const w of [...plan.wild].sort((a, b) => compare(a.paths[0]!, b.paths[0]!))) {
    const unit = waitingUnit(w.paths, w.key, true, w.paths[0]!, NONE);
    register(unit);
    queue.push(unit);
  }

  /**
   * The plan's next units, neighbours that stay in their folders packed together up to
   * `packFiles` files, queued; false when the plan has none left. A unit whose targets a unit
   * already linted has read joins it (linted again together, see join) instead of being queued.
   */
  const pull = (): boolean => {
    const first = peeked ?? plan.next();
    peeked = undefined;
    if (!first) return false;
    const parts = [first];
    if (packs(first)) {
      let size = first.paths.length;
      for (let n = plan.next(); n; n = plan.next()) {
        if (!packs(n) || size + n.paths.length > packFiles) {
          peeked = n;
          break;
        }
        parts.push(n);
        size += n.paths.length;
      }
    }
    const unit =
      parts.length === 1
        ? waitingUnit(first.paths, first.key, first.wild, first.paths[0]!, first.dir === undefined ? NONE : [first.dir])
        : waitingUnit(
            parts.flatMap((u) => u.paths),
            first.key,
            false,
            parts.reduce((f, u) => (compare(u.paths[0]!, f) < 0 ? u.paths[0]! : f), first.paths[0]!),
            parts.map((u) => u.dir!),
          );
    const readers = new Set<Unit>();
    let spoiled: string | undefined;
    for (const p of unit.paths) {
      const o = owner.get(p);
      if (o) readers.add(live(o));
      if (o ? live(o).emitted > 0 : reported.has(p)) spoiled ??= p;
    }
    register(unit);
    // A project already reported read one of its files: the plan foresaw it wrong (see pending).
    if (spoiled !== undefined) ownErrors.push(spoiledMessage(unit.paths[0]!, spoiled, true));
    if (readers.size && spoiled === undefined) join([unit, ...readers], undefined, NONE);
    else queue.push(unit);
    return true;
  };

  /** Whether a unit the plan has not given yet may hold or read `path`. */
  const unwalked = (path: string) => (peeked !== undefined && covers(peeked, path)) || plan.pending(path);

  const sendAhead = () => {
    if (!pool || pool.broken) return;
    let inFlight = 0;
    for (let i = next; inFlight < ahead; ) {
      // A pulled unit that joined others is not queued: pull again.
      if (i >= queue.length) {
        if (pull()) continue;
        return;
      }
      const u = queue[i++]!;
      if (u.state !== 'waiting') continue;
      if (u.job === undefined) {
        u.job = jobs++;
        pool.submit({ id: u.job, paths: u.paths });
        stats.inWorkers++;
      }
      inFlight++;
    }
  };

  const lintHere = (paths: string[]) => {
    const reads = new Set<string>();
    const outcome: LintOutcome = lintSync({
      cwd: req.cwd,
      paths,
      config: req.config,
      fs: recordingFileSystem(runFs, reads),
      // A copy per unit, as each worker gets its own: rules must not see another unit's changes.
      env: { ...env },
      profiles: req.profiles ?? [],
      ...(req.kind ? { kind: req.kind } : {}),
    });
    return { outcome, reads: [...reads] };
  };

  /** A unit's lint: from the workers when it was sent there, else here. */
  const lintUnit = (unit: Unit): { outcome: LintOutcome; reads: readonly string[] } => {
    // Merged and set-aside units go through the pool too: a worker or this thread lints them,
    // whichever is free first.
    if (pool && !pool.broken && unit.job === undefined) pool.submit({ id: (unit.job = jobs++), paths: unit.paths });
    if (pool && unit.job !== undefined) {
      const r = pool.take(unit.job, (job) => ({ id: job.id, ...lintHere(job.paths) }));
      unit.job = undefined;
      // A worker that failed or fell silent: the unit is linted here (a bug of ours in lint()
      // then throws here as it would have in a run without workers).
      if (r && 'outcome' in r) return r;
    }
    return lintHere(unit.paths);
  };

  const nextWaiting = (): Unit | undefined => {
    for (;;) {
      while (next < queue.length && queue[next]!.state !== 'waiting') next++;
      // Units behind are done with: the queue keeps what is still to come.
      if (next > 1024) {
        queue.splice(0, next);
        next = 0;
      }
      if (next < queue.length) return queue[next];
      if (!pull()) return undefined;
    }
  };

  /** Whether a unit may still read files nobody knows of yet: waiting, or stale with unread parts. */
  const toRead = (u: Unit): boolean => u.state === 'waiting' || (u.state === 'stale' && u.unread.length > 0);

  /**
   * A unit other than `self` that may still read `path`: the one that owns it, or one whose
   * compose folder holds it, while it waits to be linted (on its own or within a stale unit), or
   * one the plan has not given yet (WALK).
   */
  const waitingOver = (path: string, self: Unit, staleToo = true): Unit | undefined => {
    const o = owner.get(path);
    if (o) {
      const l = live(o);
      if (l !== self && (staleToo ? toRead(l) : l.state === 'waiting')) return l;
    }
    for (let dir = dirname(path); ; ) {
      const u = composeDirs.get(dir.endsWith(sep) ? dir : dir + sep);
      if (u) {
        const l = live(u);
        if (l !== self && (u.state === 'waiting' || (staleToo && l.state === 'stale' && l.unread.includes(u)))) return l;
      }
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
    return unwalked(path) ? WALK : undefined;
  };

  /**
   * Whether no waiting unit could read what `u` judged or read. A unit found not final is asked
   * again after every unit linted: the waiting unit that blocked it is kept, and while it still
   * waits the answer is known without looking through the paths again.
   */
  const isFinal = (u: Unit): boolean => {
    if (u.final) return true;
    if (wildWaiting > 0) return false;
    if (u.blocker && u.blocker !== WALK && live(u.blocker) !== u && toRead(live(u.blocker))) return false;
    for (const p of u.paths) if ((u.blocker = waitingOver(p, u))) return false;
    for (const p of u.reads) if ((u.blocker = waitingOver(p, u))) return false;
    u.blocker = undefined;
    return (u.final = true);
  };

  /**
   * Whether a stale unit may be linted again now: no unit waiting its turn could still join it.
   * Unlike isFinal, units of unknown reach inside other stale units do not hold it back: linting
   * stale units is how their reach becomes known.
   */
  const readyToRelint = (u: Unit): boolean => {
    for (const p of u.paths) if (waitingOver(p, u, false)) return false;
    for (const p of u.reads) if (waitingOver(p, u, false)) return false;
    return true;
  };

  const done = (u: Unit, outcome: LintOutcome, reads: readonly string[]) => {
    u.state = 'done';
    u.reads = reads;
    u.errors = outcome.errors;
    u.internalErrors = outcome.internalErrors;
    if (u.errors.length || u.internalErrors.length) finished.push(u);
    for (const p of reads) {
      const o = owner.get(p);
      if (!o || live(o) !== u) owner.set(p, u);
    }
    for (const r of outcome.results) {
      if (r.text !== undefined) (u.texts ??= new Map()).set(r.path, r.text);
      held.push({ path: r.path, result: r, unit: u });
      u.pending++;
    }
    stats.held += outcome.results.length;
    stats.heldPeak = Math.max(stats.heldPeak, stats.held);
    stats.trackedPeak = Math.max(stats.trackedPeak, owner.size + composeDirs.size + queue.length - next);
  };

  /**
   * Units found to share files become one stale unit, linted again when nothing waiting can join
   * it any more (readyToRelint), so that a file shared by n projects costs one more lint of them
   * all rather than n growing ones. `linted` is the part just linted, which read `reads`; the
   * other waiting parts are linted with the stale unit, not on their own.
   */
  const join = (parts: Unit[], linted: Unit | undefined, reads: readonly string[]) => {
    const paths = parts.flatMap((u) => u.paths).sort(compare);
    const stale = waitingUnit(
      paths,
      parts.reduce((k, u) => (u.key < k ? u.key : k), parts[0]!.key),
      parts.some((u) => u.wild),
      paths[0]!,
      parts.flatMap((u) => u.dirs),
    );
    stale.state = 'stale';
    // The round it will be linted in: after the last lint of a part, with any part not yet linted again.
    stale.round = Math.max(...parts.map((u) => (u.state === 'done' || u === linted ? u.round + 1 : u.round)));
    stale.reads = [...new Set([...reads, ...parts.flatMap((u) => u.reads)])];
    for (const u of parts) {
      // What a waiting part may read is what its foresight says until the stale unit is linted
      // (a wild one still holds everything back).
      if (u.state === 'waiting' && u !== linted) {
        options.onFilesDone?.(u.paths);
        stale.unread.push(u);
        if (u.job !== undefined) pool?.forget(u.job);
      }
      stale.unread.push(...u.unread);
      if (u.state === 'done') stats.held -= u.pending;
      u.state = 'merged';
      u.into = stale;
    }
    for (const p of stale.paths) owner.set(p, stale);
    for (const p of stale.reads) owner.set(p, stale);
    // Its results can be no earlier than its first target, its first read, or the key of a part
    // not linted yet (whose `.env` may hold a finding; a wild part's key comes first: what it
    // reads must be known before anything is final).
    let start = stale.paths[0]!;
    for (const p of stale.paths) if (p < start) start = p;
    for (const p of stale.reads) if (p < start) start = p;
    for (const u of stale.unread) if (u.key < start) start = u.key;
    held.push({ path: start, unit: stale });
  };

  /**
   * Lints `unit` (a waiting one, or a stale one again) and records what it read. Units it shares
   * files with are not linted again at once: they join it (see join).
   */
  const lintAndJoin = (unit: Unit) => {
    const { outcome, reads } = lintUnit(unit);
    // Its parts never linted before have been now: what they read is known. A wild one had it
    // linted before its turn (see restLater).
    const early = unit.wild && (unit.state === 'waiting' || unit.unread.some((u) => u.wild));
    for (const u of unit.unread) if (u.wild) wildWaiting--;
    unit.unread = [];
    const others = new Set<Unit>();
    let spoiled: string | undefined;
    for (const p of reads) {
      const o = owner.get(p);
      if (o) {
        const l = live(o);
        if (l !== unit) others.add(l);
        if (l !== unit && l.emitted > 0) spoiled ??= p;
      } else if (reported.has(p)) spoiled ??= p;
    }
    if (spoiled !== undefined) {
      ownErrors.push(spoiledMessage(unit.paths[0]!, spoiled));
      return done(unit, outcome, reads);
    }
    if (others.size === 0) {
      // A unit that may reach anywhere is linted before everything, but its results would then
      // wait for their turn in the report: as many as such units in the whole run. What it read
      // is all the rest of the run needs; it is linted again when its turn comes (~3 % of the
      // corpus's units, for a bound on memory).
      if (early) return restLater(unit, reads, outcome);
      return done(unit, outcome, reads);
    }
    join([unit, ...others], unit, reads);
  };

  /**
   * Keeps what a unit read and drops its results: it is linted again when the report reaches the
   * first of them. Not the first file it read: a file outside the tree (`/etc/…`) would have it
   * linted again at once, its results then held through the whole run.
   */
  const restLater = (unit: Unit, reads: readonly string[], outcome: LintOutcome) => {
    unit.state = 'stale';
    unit.reads = reads;
    unit.probed = true;
    stats.probed++;
    for (const p of reads) owner.set(p, unit);
    let start = unit.paths[0]!;
    for (const p of unit.paths) if (p < start) start = p;
    for (const r of outcome.results) if (r.path < start) start = r.path;
    held.push({ path: start, unit });
  };

  /** A unit whose results are all out: nothing may join it any more, so only hashes of its files are kept. */
  const retire = (unit: Unit) => {
    for (const list of [unit.paths, unit.reads]) {
      for (const p of list) {
        const o = owner.get(p);
        if (o && live(o) === unit) owner.delete(p);
        reported.add(p);
      }
    }
    for (const d of unit.dirs) {
      const o = composeDirs.get(d);
      if (o && live(o) === unit) composeDirs.delete(d);
    }
  };

  function* emit(all: boolean): Generator<FileResult> {
    const bound = all ? undefined : nextWaiting()?.key;
    while (held.size) {
      const top = held.peek()!;
      const unit = top.unit;
      if (unit.state === 'merged' || (top.result === undefined && unit.state !== 'stale')) {
        held.pop();
        continue;
      }
      if (bound !== undefined && !(top.path < bound)) return;
      if (!(top.result === undefined ? readyToRelint(unit) : isFinal(unit))) return;
      held.pop();
      if (top.result === undefined) {
        // A unit set aside to save memory is linted as it was; only merged ones count as again.
        if (!unit.probed) {
          stats.relinted += unit.paths.length;
          stats.rounds = Math.max(stats.rounds, unit.round);
        }
        unit.final = false;
        lintAndJoin(unit);
        continue;
      }
      unit.pending--;
      unit.emitted++;
      stats.held--;
      if (unit.pending === 0) retire(unit);
      if (lastPath !== undefined && top.path <= lastPath) {
        ownErrors.push(`unit-by-unit run: ${top.path} was judged twice or out of order (please report this)`);
        continue;
      }
      lastPath = top.path;
      // The texts of a unit are kept until its last result has been reported (textOf).
      if (lastUnit && lastUnit !== unit && lastUnit.pending === 0) lastUnit.texts = undefined;
      lastUnit = unit;
      yield top.result;
    }
  }

  function* results(): Generator<FileResult> {
    try {
      for (let u = nextWaiting(); u; u = nextWaiting()) {
        sendAhead();
        if (u.wild) wildWaiting--;
        options.onFilesDone?.(u.paths);
        lintAndJoin(u);
        yield* emit(false);
      }
      yield* emit(true);
    } finally {
      restoreHeapGrowth();
      void pool?.close();
    }
  }

  return {
    results: { [Symbol.iterator]: results },
    problems: () => {
      const units = finished.filter((u) => u.state === 'done').sort((a, b) => compare(a.first, b.first));
      return {
        errors: [...walkErrors, ...units.flatMap((u) => u.errors)],
        internalErrors: [...units.flatMap((u) => u.internalErrors), ...ownErrors],
      };
    },
    textOf: (path) => lastUnit?.texts?.get(path),
    stats,
    onlyRunRules,
    close: () => {
      restoreHeapGrowth();
      void pool?.close();
    },
    poolBroken: () => pool?.broken ?? false,
  };
}

/**
 * The message of a unit that read a file of a project already reported (or, `held`, that holds a
 * file a reported project read): the two should have been judged together.
 */
function spoiledMessage(unit: string, path: string, held = false): string {
  const what = held ? `${unit} holds ${path}, which a project already reported read` : `linting ${unit} read ${path}, of a project already reported`;
  return `unit-by-unit run: ${what}, which could not be foreseen (did a file change during the run?); the report may differ from a whole-tree run: run again, and if this comes back, please report it`;
}

/** The whole stream read at once, with errors in lint()'s order: for callers that need every result together. */
export function collectStream(stream: ResultStream): LintOutcome {
  const results = [...stream.results];
  return { results, ...stream.problems() };
}
