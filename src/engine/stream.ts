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
 * Should a unit read what the foresight missed and a file of a project already handed out, the run
 * says so as an internal error instead of printing results that differ from lint()'s.
 */
import { dirname, join, sep } from 'node:path';
import { lintSync, type LintOutcome, type LintRequest } from './lint.js';
import type { FileResult } from './types.js';
import type { FileSystem } from '../project/fs.js';
import { recordingFileSystem } from './recording-fs.js';
import { tightenHeapGrowth } from './heap-growth.js';
import { composeMayReachOut, envMayReachOut } from './reach.js';
import { OVERRIDE_FILES } from '../project/compose-project.js';
import type { UnitPlan } from './units.js';
import type { SyncWorkerPool } from './worker-pool.js';

interface Unit {
  /** Target paths, in the order of the run. */
  paths: string[];
  /** Where it comes in the run: its results all sort at or after this key. */
  key: string;
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
  /** Where its first target comes in the run (to order errors as lint() does). */
  first: number;
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
function waitingUnit(paths: string[], key: string, wild: boolean, first: number): Unit {
  return {
    paths,
    key,
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

/** What a unit may read, from its compose files (all in one folder, by the cut of units.ts). */
function reachOf(compose: readonly string[], fs: FileSystem, env: Record<string, string | undefined>): { wild: boolean; dir?: string } {
  if (compose.length === 0) return { wild: false };
  const dir = dirname(compose[0]!);
  // COMPOSE_FILE may list files anywhere; the process environment sets it for every folder.
  if (env['COMPOSE_FILE'] !== undefined) return { wild: true };
  const dotEnv = join(dir, '.env');
  if (fs.kind(dotEnv) !== undefined) {
    const text = fs.readFile(dotEnv);
    if (text === undefined || envMayReachOut(text)) return { wild: true };
  }
  // An override file next to a compose file is read with it, linted or not (an `ignore` glob).
  const overrides = OVERRIDE_FILES.map((n) => join(dir, n)).filter((p) => !compose.includes(p) && fs.kind(p) !== undefined);
  for (const p of [...compose, ...overrides]) {
    const text = fs.readFile(p);
    if (text !== undefined && composeMayReachOut(text)) return { wild: true };
  }
  return { wild: false, dir: dir.endsWith(sep) ? dir : dir + sep };
}

/**
 * The plan's units as the stream keeps them, with who owns each target and each compose folder.
 * Neighbouring compose folders that stay home are packed into one unit (PACK_FILES). A pack owns
 * every folder of its parts, so that what may still read a file is known as precisely as with
 * one unit per folder. Apart from lintStream so that what only this needs (the target list, the
 * plan's own unit lists) is not kept for the whole run.
 */
function unitsOf(plan: UnitPlan, env: Record<string, string | undefined>, packFiles: number) {
  const order = new Map(plan.targets.map((t, i) => [t.path, i]));
  const isCompose = new Set(plan.targets.filter((t) => t.kind === 'compose').map((t) => t.path));
  const owner = new Map<string, Unit>();
  const composeDirs = new Map<string, Unit>();
  const units: Unit[] = [];
  let pack: Unit | undefined;
  for (const paths of plan.units) {
    const reach = reachOf(paths.filter((p) => isCompose.has(p)), plan.fs, env);
    const first = order.get(paths[0]!)!;
    let unit: Unit;
    if (reach.dir !== undefined && pack && pack.paths.length + paths.length <= packFiles) {
      unit = pack;
      unit.paths = unit.paths.concat(paths);
      if (reach.dir < unit.key) unit.key = reach.dir;
      unit.first = Math.min(unit.first, first);
    } else {
      unit = waitingUnit(paths, reach.wild ? '' : reach.dir ?? paths[0]!, reach.wild, first);
      units.push(unit);
      pack = reach.dir !== undefined ? unit : undefined;
    }
    for (const p of paths) owner.set(p, unit);
    if (reach.dir) composeDirs.set(reach.dir, unit);
  }
  return { units, owner, composeDirs, order };
}

/** Lints the plan's units lazily, as `results` is read. */
export function lintStream(req: LintRequest, plan: UnitPlan, options: StreamOptions = {}): ResultStream {
  // From here until the results have been read, V8 collects sooner (heap-growth.ts): the
  // foresight scan reads every compose file, and without it the garbage of finished units is
  // what the run's memory grows with.
  const restoreHeapGrowth = tightenHeapGrowth();
  const env = req.env ?? {};
  const { units, owner, composeDirs, order } = unitsOf(plan, env, options.packFiles ?? PACK_FILES);
  // What the run needs of the plan later; the plan itself (every target) is not kept.
  const { fs: runFs, walkErrors } = plan;
  const onlyRunRules = plan.targets.every((t) => !req.config.forFile(t.path).shellcheck?.enabled);
  // Wild units first (they may reach anything, so nothing is final before they are done), then by key.
  const queue = [...units].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.first - b.first));
  const stats: StreamStats = { units: units.length, wild: units.filter((u) => u.wild).length, rounds: 1, relinted: 0, heldPeak: 0, held: 0, probed: 0, inWorkers: 0 };
  // Units linted, for their errors; the stream's own internal errors apart.
  const finished: Unit[] = [];
  const ownErrors: string[] = [];
  const held = new Held();
  let next = 0;
  let wildWaiting = stats.wild;
  let lastUnit: Unit | undefined;
  let lastPath: string | undefined;

  const pool = options.pool;
  // Units sent to the workers ahead of the one the report needs: enough to keep every worker busy.
  const ahead = pool ? 4 * pool.threads : 0;
  let jobs = 0;
  const sendAhead = () => {
    if (!pool || pool.broken) return;
    let inFlight = 0;
    for (let i = next; i < queue.length && inFlight < ahead; i++) {
      const u = queue[i]!;
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
    while (next < queue.length && queue[next]!.state !== 'waiting') next++;
    return queue[next];
  };

  /** Whether a unit may still read files nobody knows of yet: waiting, or stale with unread parts. */
  const toRead = (u: Unit): boolean => u.state === 'waiting' || (u.state === 'stale' && u.unread.length > 0);

  /**
   * A unit other than `self` that may still read `path`: the one that owns it, or one whose
   * compose folder holds it, while it waits to be linted (on its own or within a stale unit).
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
      if (up === dir) return undefined;
      dir = up;
    }
  };

  /**
   * Whether no waiting unit could read what `u` judged or read. A unit found not final is asked
   * again after every unit linted: the waiting unit that blocked it is kept, and while it still
   * waits the answer is known without looking through the paths again.
   */
  const isFinal = (u: Unit): boolean => {
    if (u.final) return true;
    if (wildWaiting > 0) return false;
    if (u.blocker && live(u.blocker) !== u && toRead(live(u.blocker))) return false;
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

  const newUnit = (paths: string[], parts: readonly Unit[]): Unit =>
    waitingUnit(
      paths,
      parts.reduce((k, u) => (u.key < k ? u.key : k), parts[0]!.key),
      parts.some((u) => u.wild),
      Math.min(...parts.map((u) => u.first)),
    );

  const done = (u: Unit, outcome: LintOutcome, reads: readonly string[]) => {
    u.state = 'done';
    u.reads = reads;
    u.errors = outcome.errors;
    u.internalErrors = outcome.internalErrors;
    finished.push(u);
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
  };

  /**
   * Lints `unit` (a waiting one, or a stale one again) and records what it read. Units it shares
   * files with are not linted again at once: with the unit they become one stale unit, linted
   * when nothing waiting can join it any more, so that a file shared by n projects costs one
   * more lint of them all rather than n growing ones.
   */
  const lintAndJoin = (unit: Unit) => {
    const { outcome, reads } = lintUnit(unit);
    // Its parts never linted before have been now: what they read is known.
    for (const u of unit.unread) if (u.wild) wildWaiting--;
    unit.unread = [];
    const others = new Set<Unit>();
    for (const p of reads) {
      const o = owner.get(p);
      if (o && live(o) !== unit) others.add(live(o));
    }
    if (others.size === 0) {
      // A unit that may reach anywhere is linted before everything, but its results would then
      // wait for their turn in the report: as many as such units in the whole run. What it read
      // is all the rest of the run needs; it is linted again when its turn comes (~3 % of the
      // corpus's units, for a bound on memory).
      if (unit.wild && unit.state === 'waiting') return restLater(unit, reads);
      return done(unit, outcome, reads);
    }
    const spoiled = [...others].filter((u) => u.emitted > 0);
    if (spoiled.length) {
      const read = reads.find((p) => {
        const o = owner.get(p);
        return o !== undefined && spoiled.includes(live(o));
      });
      ownErrors.push(`unit-by-unit run: linting ${unit.paths[0]} read ${read}, of a project already reported, which it could not be foreseen to read (did a file change during the run?); the report may differ from a whole-tree run: run again, and if this comes back, please report it`);
      return done(unit, outcome, reads);
    }
    const parts = [unit, ...others];
    const paths = parts.flatMap((u) => u.paths).sort((a, b) => order.get(a)! - order.get(b)!);
    const stale = newUnit(paths, parts);
    stale.state = 'stale';
    // The round it will be linted in: after the last lint of a part, with any part not yet linted again.
    stale.round = Math.max(...parts.map((u) => (u.state === 'done' || u === unit ? u.round + 1 : u.round)));
    stale.reads = [...new Set([...reads, ...parts.flatMap((u) => u.reads)])];
    for (const u of parts) {
      // A waiting unit whose files were read is linted with the stale one, not on its own; until
      // then, what it may read is what its foresight says (a wild one still holds everything back).
      if (u.state === 'waiting' && u !== unit) {
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
    // Its results can be no earlier than its first target, its first read, or the folder of a
    // part not linted yet (whose `.env` may hold a finding).
    let start = stale.paths[0]!;
    for (const p of stale.reads) if (p < start) start = p;
    for (const u of stale.unread) if (u.key < start) start = u.key;
    held.push({ path: start, unit: stale });
  };

  /** Keeps what a unit read and drops its results: it is linted again when the report reaches it. */
  const restLater = (unit: Unit, reads: readonly string[]) => {
    unit.state = 'stale';
    unit.reads = reads;
    unit.probed = true;
    stats.probed++;
    for (const p of reads) owner.set(p, unit);
    let start = unit.paths[0]!;
    for (const p of reads) if (p < start) start = p;
    held.push({ path: start, unit });
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
      const units = finished.filter((u) => u.state === 'done').sort((a, b) => a.first - b.first);
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

/** The whole stream read at once, with errors in lint()'s order: for callers that need every result together. */
export function collectStream(stream: ResultStream): LintOutcome {
  const results = [...stream.results];
  return { results, ...stream.problems() };
}
