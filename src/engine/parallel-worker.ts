/**
 * A lint worker (src/engine/worker-pool.ts): rebuilds the config provider from plain options
 * once, says it is ready, then lints each unit it is sent with lint(), posting the outcome and
 * every file the unit read on its result port and waking the main thread through the shared
 * counter. Started by parallel-worker-entry.ts from the module tree, or by bin/lint-worker.cjs
 * from the CLI bundle (the same compiled code as the main thread's, from its code cache).
 */
import type { MessagePort } from 'node:worker_threads';
import { createConfigProvider } from '../cli/config-provider.js';
import { nodeFileSystem } from '../project/fs.js';
import { recordingFileSystem } from './recording-fs.js';
import { lintSync } from './lint.js';
import { rules } from './registry.js';
import type { PoolJob, PoolResult, WorkerStart } from './worker-pool.js';

export async function runLintWorker(start: WorkerStart, parent: MessagePort): Promise<void> {
  const { request, results, signal } = start;
  try {
    const { config } = request;
    const provider = await createConfigProvider({ ...config, rules });

    parent.on('message', (job: PoolJob) => {
      let result: PoolResult;
      try {
        const reads = new Set<string>();
        const outcome = lintSync({
          cwd: request.cwd,
          paths: job.paths,
          config: provider,
          fs: recordingFileSystem(nodeFileSystem, reads),
          // A copy per unit, as the main thread gives each unit: rules must not see another's changes.
          env: { ...request.env },
          profiles: request.profiles,
          ...(request.kind ? { kind: request.kind } : {}),
        });
        result = { id: job.id, outcome, reads: [...reads] };
      } catch (e) {
        result = { id: job.id, error: (e as Error).stack ?? String(e) };
      }
      results.postMessage(result);
      Atomics.add(signal, 0, 1);
      Atomics.notify(signal, 0);
    });
    parent.postMessage({ ready: true });
  } catch (e) {
    parent.postMessage({ ready: false, error: (e as Error).stack ?? String(e) });
  }
}
