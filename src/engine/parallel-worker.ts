/**
 * A lint worker (src/engine/worker-pool.ts): rebuilds the config provider from plain options
 * once, says it is ready, then lints each unit it is sent with lint(), posting the outcome and
 * every file the unit read on its result port and waking the main thread through the shared
 * counter.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ConfigSet } from '../config/config-set.js';
import { providerFromConfigSet } from '../cli/config-provider.js';
import { nodeFileSystem } from '../project/fs.js';
import { recordingFileSystem } from './recording-fs.js';
import { lintSync } from './lint.js';
import { rules } from './registry.js';
import type { PoolJob, PoolResult, WorkerStart } from './worker-pool.js';

const { request, results, signal } = workerData as WorkerStart;

try {
  const { config } = request;
  const set = await ConfigSet.create(
    rules.map((r) => r.meta),
    {
      cli: {
        rules: config.ruleFlags,
        ...(config.preset ? { preset: config.preset } : {}),
        ...(config.failOn ? { failOn: config.failOn } : {}),
        ...(config.shellcheck ? { shellcheck: true } : {}),
      },
      ...(config.configPath ? { configPath: config.configPath } : {}),
      cwd: config.cwd,
    },
  );
  const provider = providerFromConfigSet(set, rules, config.cwd);

  parentPort!.on('message', (job: PoolJob) => {
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
  parentPort!.postMessage({ ready: true });
} catch (e) {
  parentPort!.postMessage({ ready: false, error: (e as Error).stack ?? String(e) });
}
