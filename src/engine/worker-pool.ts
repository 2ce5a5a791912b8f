/**
 * Lint workers that a synchronous caller can wait on.
 *
 * A streamed run (src/engine/stream.ts) lints while the report pulls its results, and a report is
 * written by synchronous generators: waiting for a worker must block rather than await. Each
 * worker posts its results on a port of its own and then bumps a counter shared by all; the
 * caller takes the messages with receiveMessageOnPort, lints jobs no worker has begun yet itself,
 * and only when none is left sleeps on that counter (Atomics.wait, which Node.js allows on the
 * main thread). The main thread's event loop is not needed meanwhile, so the workers are unref'd.
 *
 * While the caller sleeps, it cannot hear a worker die: a pool that has been silent for
 * SILENCE_MS with work outstanding is given up, and the caller lints the rest itself.
 */
import { existsSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { LintOutcome } from './lint.js';
import type { WorkerConfigOptions } from './parallel.js';
import type { FileKind } from '../cli/discover.js';

/** What a worker needs to lint like the main thread: plain data only. */
export interface WorkerRequest {
  cwd: string;
  kind?: FileKind;
  env: Record<string, string | undefined>;
  profiles: string[];
  config: WorkerConfigOptions;
}

/** The data a worker starts with: the request, its result port and the shared counter. */
export interface WorkerStart {
  request: WorkerRequest;
  results: MessagePort;
  signal: Int32Array;
}

export interface PoolJob {
  id: number;
  paths: string[];
}

export type PoolResult = { id: number; outcome: LintOutcome; reads: string[] } | { id: number; error: string };

/**
 * A worker's young generation, in MB. V8's default lets each isolate grow it to tens of MB;
 * smaller, the corpus with two workers peaked 30–40 MB lower (257 -> 223 MB) for no more CPU.
 */
const YOUNG_MB = 8;

/** Jobs a worker is given ahead, so that it never waits for the main thread between two. */
const AHEAD = 2;
const SILENCE_MS = 120_000;

/**
 * The worker's script. Run from the CLI bundle, bin/load-bundle.cjs names a script that loads the
 * same bundle through its code cache (~50 ms of CPU a worker, against ~250 ms for the module
 * tree); otherwise the entry of the module tree beside this file.
 */
function workerUrl(): URL | string {
  const bundled = (globalThis as Record<symbol, unknown>)[Symbol.for('compose-lint.worker')];
  if (typeof bundled === 'string' && existsSync(bundled)) return bundled;
  const candidates = [new URL('./parallel-worker-entry.js', import.meta.url), new URL('./src/engine/parallel-worker-entry.js', import.meta.url)];
  return candidates.find((u) => existsSync(u)) ?? candidates[0]!;
}

interface Slot {
  worker: Worker;
  port: MessagePort;
  inFlight: number;
}

export class SyncWorkerPool {
  private readonly signal: Int32Array;
  private readonly slots: Slot[];
  private readonly queue: PoolJob[] = [];
  private readonly results = new Map<number, PoolResult>();
  private readonly forgotten = new Set<number>();
  /** Set once the pool stopped answering; every later take() gives undefined at once. */
  broken = false;

  private constructor(slots: Slot[], signal: Int32Array) {
    this.slots = slots;
    this.signal = signal;
  }

  /** Starts `threads` workers and waits until each has built its config (or one fails). */
  static async start(threads: number, request: WorkerRequest): Promise<SyncWorkerPool> {
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const url = workerUrl();
    const slots: Slot[] = [];
    const ready: Promise<void>[] = [];
    for (let i = 0; i < threads; i++) {
      const { port1, port2 } = new MessageChannel();
      const start: WorkerStart = { request, results: port2, signal };
      const worker = new Worker(url, { workerData: start, transferList: [port2], resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB } });
      slots.push({ worker, port: port1, inFlight: 0 });
      ready.push(
        new Promise<void>((done, fail) => {
          worker.once('message', (m: { ready?: boolean; error?: string }) => (m.ready ? done() : fail(new Error(m.error ?? 'the worker did not start'))));
          worker.once('error', fail);
          worker.once('exit', (code) => fail(new Error(`lint worker exited with code ${code}`)));
        }),
      );
    }
    try {
      await Promise.all(ready);
    } catch (e) {
      await Promise.all(slots.map((s) => s.worker.terminate()));
      throw e;
    }
    for (const s of slots) {
      s.worker.removeAllListeners();
      // A worker that fails later is found by its silence (see above), not by these events.
      s.worker.on('error', () => {});
      // Waiting for results blocks rather than awaits, so the workers need not keep the process
      // alive: a run that ends before its stream was read (an invalid config) can still exit.
      s.worker.unref();
    }
    return new SyncWorkerPool(slots, signal);
  }

  get threads(): number {
    return this.slots.length;
  }

  /** Queues a job; it goes to the least busy worker as soon as one has room. */
  submit(job: PoolJob): void {
    this.queue.push(job);
    this.pump();
  }

  private pump(): void {
    while (this.queue.length) {
      let slot = this.slots[0]!;
      for (const s of this.slots) if (s.inFlight < slot.inFlight) slot = s;
      if (slot.inFlight >= AHEAD) return;
      slot.inFlight++;
      slot.worker.postMessage(this.queue.shift());
    }
  }

  private drain(): void {
    for (const s of this.slots) {
      for (let m = receiveMessageOnPort(s.port); m; m = receiveMessageOnPort(s.port)) {
        const r = m.message as PoolResult;
        s.inFlight--;
        if (!this.forgotten.delete(r.id)) this.results.set(r.id, r);
      }
    }
    this.pump();
  }

  /** Blocks until the job's result has come, or gives undefined when the pool has gone silent. */
  take(id: number, lintHere?: (job: PoolJob) => PoolResult): PoolResult | undefined {
    let waited = 0;
    for (;;) {
      if (this.broken) return undefined;
      const seen = Atomics.load(this.signal, 0);
      this.drain();
      const r = this.results.get(id);
      if (r) {
        this.results.delete(id);
        return r;
      }
      // Rather than sleep, the caller lints a job no worker has begun: the one furthest ahead,
      // so that the one it waits for (the earliest) stays with the worker that has it.
      const job = lintHere && this.queue.length ? this.queue.pop()! : undefined;
      if (job) {
        if (job.id === id) return lintHere!(job);
        const result = lintHere!(job);
        if (!this.forgotten.delete(job.id)) this.results.set(job.id, result);
        continue;
      }
      const t0 = Date.now();
      if (Atomics.wait(this.signal, 0, seen, 1000) === 'timed-out') {
        waited += Date.now() - t0;
        if (waited >= SILENCE_MS) {
          this.broken = true;
          return undefined;
        }
      } else waited = 0;
    }
  }

  /** Drops the result of a job nobody will take (a unit merged while it was being linted). */
  forget(id: number): void {
    const queued = this.queue.findIndex((j) => j.id === id);
    if (queued >= 0) this.queue.splice(queued, 1);
    else if (!this.results.delete(id)) this.forgotten.add(id);
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
