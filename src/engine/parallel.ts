/**
 * A big run spread over worker threads, or linted unit by unit in this thread (`sequential`),
 * with exactly the outcome of one lint(): the targets are cut into units (src/engine/units.ts),
 * linted by the workers in the order the results are needed and merged in lint()'s own order
 * by the stream (src/engine/stream.ts), which also merges and lints again units that turn out
 * to share files, so a wrong cut costs time, never correctness.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { lint, type LintOutcome, type LintRequest } from './lint.js';
import { nodeFileSystem } from '../project/fs.js';
import { releaseGarbage, tightenHeapGrowth } from './heap-growth.js';
import { planUnits, type UnitPlan } from './units.js';
import { collectStream, lintStream, type ResultStream } from './stream.js';
import { SyncWorkerPool, type WorkerRequest } from './worker-pool.js';

export { partition } from './units.js';

/** What a worker needs to rebuild the config provider: plain data only. */
export interface WorkerConfigOptions {
  cwd: string;
  configPath?: string;
  preset?: 'recommended' | 'all';
  /** `--rule id=severity` flags. */
  ruleFlags: string[];
  failOn?: 'error' | 'warning' | 'info' | 'never';
  shellcheck?: boolean;
}

export interface ParallelOptions {
  /** Threads that lint, this one included (n - 1 workers); 1 (or fewer) lints in this thread. Default: defaultThreads(). */
  threads?: number;
  /** Below this many files the run stays in this thread (workers cost ~0.3 s to start). */
  minFiles?: number;
  config: WorkerConfigOptions;
  /** `req.fs` is a view of the disk (e.g. counting reads for progress): workers may read the disk. */
  fsIsDisk?: boolean;
  /** Use workers even for one thread (to measure what the workers themselves cost). */
  alwaysWorkers?: boolean;
  /**
   * Lint the units one after another in this thread instead of in workers: each unit's models
   * are garbage once its lint() returns, so the peak memory is that of the largest unit rather
   * than of the whole run. `threads` is then ignored, and any FileSystem will do.
   */
  sequential?: boolean;
  /** Called with the target paths of each finished unit (for progress). */
  onFilesDone?: (paths: readonly string[]) => void;
}

export interface ParallelOutcome extends LintOutcome {
  /** Threads that did the work (1 when the run stayed in this thread). */
  threads: number;
  /** Rounds of linting: 1, plus one for each time units that reached into each other were merged. */
  rounds?: number;
  /** Files linted again after merging. */
  relinted?: number;
  /** Why the run stayed in this thread, when workers were asked for but not used. */
  fallback?: string;
}

export const PARALLEL_MIN_FILES = 300;

/**
 * Threads that lint, this one included: one per CPU, at most three. Each worker is an isolate
 * with its own compiled code and heap (~30 MB on the corpus): three threads keep the whole corpus
 * under 200 MB (~198 MB measured), four took ~230 MB (issue 7). `--threads` asks for more.
 */
export function defaultThreads(): number {
  return Math.min(availableParallelism(), 3);
}
/** Below this many files one lint() holds little enough memory that splitting is not worth a second walk. */
export const SEQUENTIAL_MIN_FILES = 200;

/** The request fields a worker needs, all serialisable. */
export function workerRequest(req: LintRequest, config: WorkerConfigOptions): WorkerRequest {
  return {
    cwd: req.cwd,
    env: { ...(req.env ?? {}) },
    profiles: req.profiles ?? [],
    config,
    ...(req.kind ? { kind: req.kind } : {}),
  };
}

/**
 * Workers for a planned run of `threads` threads: this one lints too while it waits for a result
 * (SyncWorkerPool.take), so `threads - 1` workers (at least one, no more than there are units),
 * or the reason they could not start, in which case the run is linted in this thread.
 */
export async function startPool(req: LintRequest, plan: UnitPlan, threads: number, config: WorkerConfigOptions): Promise<SyncWorkerPool | { failed: string }> {
  try {
    return await SyncWorkerPool.start(Math.max(1, Math.min(threads - 1, plan.units)), workerRequest(req, config));
  } catch (e) {
    // A worker that cannot start (memory, a broken install) must not cost the user the run.
    return { failed: `the worker threads failed (${String((e as Error).message ?? e).split('\n')[0]})` };
  }
}

/** A planned big run: its stream of results, and how many threads lint it. */
export interface StartedRun {
  stream: ResultStream;
  /** Threads that lint: this one and the pool's workers. */
  threads: number;
  /** Why there are no workers, when some were asked for. */
  fallback?: string;
}

/**
 * Plans a big run and starts its stream, over worker threads unless `sequential`; or says why
 * it should be one lint() (`''`: too small to split). Stdin, `--file` stacks and small runs stay
 * in one lint(); workers read the disk, so a custom FileSystem (unless `fsIsDisk`) keeps them off.
 */
export async function startRun(req: LintRequest, options: ParallelOptions): Promise<StartedRun | { single: string }> {
  const sequential = options.sequential === true;
  const threads = sequential ? 1 : Math.max(1, Math.floor(options.threads ?? defaultThreads()));
  if (threads <= 1 && !options.alwaysWorkers && !sequential) return { single: '' };
  const customFs = req.fs && req.fs !== nodeFileSystem && !options.fsIsDisk;
  if (customFs && !sequential && !req.stdin && !req.files?.length) return { single: 'a custom FileSystem cannot be shared with workers' };
  // The walk reads every folder of the run: V8 collects sooner meanwhile, as while the stream
  // runs (heap-growth.ts); on 16× the corpus on disk the heap had grown to 209 MB for 64 MB alive
  // by the time the stream began. Put back before workers start: they load the bundle's code
  // cache, which V8 takes only under the flags it was made with (bin/load-bundle.cjs).
  const restoreHeapGrowth = tightenHeapGrowth();
  let plan: ReturnType<typeof planUnits>;
  try {
    plan = planUnits(req, options.minFiles ?? PARALLEL_MIN_FILES);
  } finally {
    restoreHeapGrowth();
  }
  if ('single' in plan) return plan;
  let fallback: string | undefined;
  let pool: SyncWorkerPool | undefined;
  if (!sequential) {
    const started = await startPool(req, plan, threads, options.config);
    if ('failed' in started) fallback = started.failed;
    else pool = started;
  }
  const stream = lintStream(req, plan, { ...(options.onFilesDone ? { onFilesDone: options.onFilesDone } : {}), ...(pool ? { pool } : {}) });
  return { stream, threads: pool ? pool.threads + 1 : 1, ...(fallback ? { fallback } : {}) };
}

/**
 * lint() over worker threads (or unit by unit in this thread, `sequential`), with the same
 * outcome as lint() on the same request: startRun's stream, collected.
 */
export async function lintParallel(req: LintRequest, options: ParallelOptions): Promise<ParallelOutcome> {
  const run = await startRun(req, options);
  if ('single' in run) return { ...(await lint(req)), threads: 1, ...(run.single ? { fallback: run.single } : {}) };
  const { stream } = run;
  const outcome = collectStream(stream);
  const fallback = stream.poolBroken() ? 'the worker threads stopped answering; the rest was linted in this thread' : run.fallback;
  // The reporter builds its output (tens of MB for a big run) on top of whatever the run left:
  // leave it the results only (~30 ms, the live data is small).
  releaseGarbage();
  return { ...outcome, threads: run.threads, rounds: stream.stats.rounds, relinted: stream.stats.relinted, ...(fallback ? { fallback } : {}) };
}

/** Builds the worker options from what the CLI parsed (kept here so the CLI stays small). */
export function workerConfigOptions(cwd: string, o: { config?: string; preset?: 'recommended' | 'all'; rules: string[]; failOn?: WorkerConfigOptions['failOn']; shellcheck?: boolean }): WorkerConfigOptions {
  return {
    cwd,
    ruleFlags: o.rules,
    ...(o.config ? { configPath: resolve(cwd, o.config) } : {}),
    ...(o.preset ? { preset: o.preset } : {}),
    ...(o.failOn ? { failOn: o.failOn } : {}),
    ...(o.shellcheck ? { shellcheck: true } : {}),
  };
}
