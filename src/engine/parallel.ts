/**
 * Spreads a big run over worker threads without changing a byte of its output.
 *
 * The targets are cut into units that should not see each other (src/engine/units.ts), each unit
 * is linted by lint() in a worker, and the results are merged in lint()'s own order. The cut is
 * checked afterwards against the files every unit really read, and units that touched each
 * other's files are merged and linted again, so a wrong guess costs time, never correctness.
 * `sequential` runs the units in this thread instead (src/engine/stream.ts).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileKind } from '../cli/discover.js';
import { lint, type LintOutcome, type LintRequest } from './lint.js';
import type { FileResult } from './types.js';
import { nodeFileSystem } from '../project/fs.js';
import { releaseGarbage } from './heap-growth.js';
import { planUnits } from './units.js';
import { collectStream, lintStream } from './stream.js';

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
  /** Worker threads; 1 (or fewer) lints in this thread. Default: os.availableParallelism(). */
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
/** Below this many files one lint() holds little enough memory that splitting is not worth a second walk. */
export const SEQUENTIAL_MIN_FILES = 200;

/** One lint() call in a worker: these targets, in the order of the whole run. */
export interface UnitJob {
  id: number;
  paths: string[];
}

/** The request fields a worker needs, all serialisable. */
export interface WorkerRequest {
  cwd: string;
  kind?: FileKind;
  env: Record<string, string | undefined>;
  profiles: string[];
  config: WorkerConfigOptions;
}

export interface UnitResult {
  id: number;
  outcome: LintOutcome;
  /** Every file the unit's lint() read through the FileSystem port. */
  reads: string[];
}

export type WorkerMessage = { type: 'done'; results: UnitResult[] } | { type: 'failed'; error: string };

const byPath = (a: FileResult, b: FileResult) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Union-find over unit indexes. */
class Components {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]!]!;
    return i;
  }
  /** Returns true when the two were apart. */
  union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    // The smaller index stays the root, so a merged unit keeps the place of its first target.
    if (ra < rb) this.parent[rb] = ra;
    else this.parent[ra] = rb;
    return true;
  }
}

function workerUrl(): URL {
  // From the module tree the worker sits beside this file; from the CLI bundle (dist/) it is
  // still in the tree the bundle was made from.
  const candidates = [new URL('./parallel-worker.js', import.meta.url), new URL('./src/engine/parallel-worker.js', import.meta.url)];
  return candidates.find((u) => existsSync(u)) ?? candidates[0]!;
}

/** A fixed pool of workers fed with batches of units. */
async function runUnits(jobs: UnitJob[], threads: number, request: WorkerRequest, onDone?: (r: UnitResult) => void): Promise<Map<number, UnitResult>> {
  const out = new Map<number, UnitResult>();
  // Big units first, so a large monorepo project does not start last and finish alone.
  const queue = [...jobs].sort((a, b) => b.paths.length - a.paths.length || a.id - b.id);
  // Units go out in batches of about this many files: fewer messages, still an even spread.
  const BATCH_FILES = 24;
  const nextBatch = () => {
    const batch: UnitJob[] = [];
    let files = 0;
    while (queue.length && (batch.length === 0 || files + queue[0]!.paths.length <= BATCH_FILES)) {
      const job = queue.shift()!;
      files += job.paths.length;
      batch.push(job);
    }
    return batch;
  };
  const url = workerUrl();
  const workers = Array.from({ length: Math.min(threads, jobs.length) }, () => new Worker(url, { workerData: request }));
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((done, fail) => {
            const feed = () => {
              const batch = nextBatch();
              if (batch.length === 0) return done();
              w.postMessage(batch);
            };
            w.on('message', (m: WorkerMessage) => {
              if (m.type === 'failed') return fail(new Error(m.error));
              for (const r of m.results) {
                out.set(r.id, r);
                onDone?.(r);
              }
              feed();
            });
            w.on('error', fail);
            w.on('exit', (code) => {
              if (code !== 0) fail(new Error(`lint worker exited with code ${code}`));
            });
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return out;
}

/**
 * lint() over worker threads (or unit by unit in this thread, `sequential`), with the same outcome as lint() on the same request. Stays in this
 * thread for stdin, `--file` stacks, a custom FileSystem, small runs, or one thread.
 */
export async function lintParallel(req: LintRequest, options: ParallelOptions): Promise<ParallelOutcome> {
  const sequential = options.sequential === true;
  const threads = sequential ? 1 : Math.max(1, Math.floor(options.threads ?? availableParallelism()));
  const single = async (fallback?: string): Promise<ParallelOutcome> => ({ ...(await lint(req)), threads: 1, ...(fallback ? { fallback } : {}) });
  if (threads <= 1 && !options.alwaysWorkers && !sequential) return single();
  const customFs = req.fs && req.fs !== nodeFileSystem && !options.fsIsDisk;
  if (customFs && !sequential && !req.stdin && !req.files?.length) return single('a custom FileSystem cannot be shared with workers');
  const plan = planUnits(req, options.minFiles ?? PARALLEL_MIN_FILES);
  if ('single' in plan) return single(plan.single || undefined);
  if (sequential) {
    const stream = lintStream(req, plan, options.onFilesDone ? { onFilesDone: options.onFilesDone } : {});
    const outcome = collectStream(stream);
    // The reporter builds its output (tens of MB for a big run) on top of whatever the run left:
    // leave it the results only (~30 ms, the live data is small).
    releaseGarbage();
    return { ...outcome, threads: 1, rounds: stream.stats.rounds, relinted: stream.stats.relinted };
  }
  const { targets } = plan;
  let units = plan.units;
  const order = new Map(targets.map((t, i) => [t.path, i]));
  const request: WorkerRequest = {
    cwd: req.cwd,
    env: { ...(req.env ?? {}) },
    profiles: req.profiles ?? [],
    config: options.config,
    ...(req.kind ? { kind: req.kind } : {}),
  };
  const results = new Map<number, UnitResult>();
  let pending = units.map((paths, id) => ({ id, paths }));
  let rounds = 0;
  let relinted = 0;
  for (let round = 0; pending.length; round++) {
    rounds++;
    if (round > 0) relinted += pending.reduce((n, u) => n + u.paths.length, 0);
    if (round === 4) return single('the projects kept reaching into each other');
    const onDone = options.onFilesDone && round === 0 ? (r: UnitResult) => options.onFilesDone!(units[r.id]!) : undefined;
    let done: Map<number, UnitResult>;
    try {
      done = await runUnits(pending, threads, request, onDone);
    } catch (e) {
      // A worker that cannot start or dies (memory) must not cost the user the run.
      return single(`the worker threads failed (${(e as Error).message.split('\n')[0]})`);
    }
    for (const [id, r] of done) results.set(id, r);

    // Two units that read the same file, or one that read another's target, were not independent.
    const comps = new Components(units.length);
    const owner = new Map<string, number>();
    units.forEach((paths, id) => paths.forEach((p) => owner.set(p, id)));
    for (const [id, r] of results) {
      for (const p of r.reads) {
        const other = owner.get(p);
        if (other === undefined) owner.set(p, id);
        else comps.union(other, id);
      }
    }
    const merged = new Map<number, number[]>();
    units.forEach((_, id) => {
      const root = comps.find(id);
      merged.set(root, [...(merged.get(root) ?? []), id]);
    });
    if (merged.size === units.length) break;
    const next: string[][] = [];
    const nextResults = new Map<number, UnitResult>();
    pending = [];
    for (const ids of merged.values()) {
      const id = next.length;
      if (ids.length === 1) {
        next.push(units[ids[0]!]!);
        nextResults.set(id, { ...results.get(ids[0]!)!, id });
      } else {
        const paths = ids.flatMap((i) => units[i]!).sort((a, b) => order.get(a)! - order.get(b)!);
        next.push(paths);
        pending.push({ id, paths });
      }
    }
    units = next;
    results.clear();
    for (const [id, r] of nextResults) results.set(id, r);
  }

  const all: FileResult[] = [];
  const errors = [...plan.walkErrors];
  const internalErrors: string[] = [];
  for (let id = 0; id < units.length; id++) {
    const r = results.get(id)!;
    all.push(...r.outcome.results);
    errors.push(...r.outcome.errors);
    internalErrors.push(...r.outcome.internalErrors);
  }
  all.sort(byPath);
  for (let i = 1; i < all.length; i++) {
    if (all[i]!.path === all[i - 1]!.path) return single(`${all[i]!.path} was judged by two independent units`);
  }
  return { results: all, errors, internalErrors, threads, rounds, relinted };
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
