/** The lint worker's script when the CLI runs from the module tree (see parallel-worker.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { runLintWorker } from './parallel-worker.js';
import type { WorkerStart } from './worker-pool.js';

await runLintWorker(workerData as WorkerStart, parentPort!);
