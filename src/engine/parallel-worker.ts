/**
 * A lint worker: rebuilds the config provider from plain options once, then lints each unit it is
 * sent with lint() and reports which files the unit read, so the main thread can prove the units
 * were independent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ConfigSet } from '../config/config-set.js';
import { providerFromConfigSet } from '../cli/config-provider.js';
import { nodeFileSystem } from '../project/fs.js';
import { recordingFileSystem } from './recording-fs.js';
import { lint } from './lint.js';
import { rules } from './registry.js';
import type { UnitJob, UnitResult, WorkerMessage, WorkerRequest } from './parallel.js';

const request = workerData as WorkerRequest;
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

async function lintUnit(job: UnitJob): Promise<UnitResult> {
  const reads = new Set<string>();
  const outcome = await lint({
    cwd: request.cwd,
    paths: job.paths,
    config: provider,
    fs: recordingFileSystem(nodeFileSystem, reads),
    env: request.env,
    profiles: request.profiles,
    ...(request.kind ? { kind: request.kind } : {}),
  });
  return { id: job.id, outcome, reads: [...reads] };
}

parentPort!.on('message', async (batch: UnitJob[]) => {
  let message: WorkerMessage;
  try {
    const results: UnitResult[] = [];
    for (const job of batch) results.push(await lintUnit(job));
    message = { type: 'done', results };
  } catch (e) {
    message = { type: 'failed', error: (e as Error).stack ?? String(e) };
  }
  parentPort!.postMessage(message);
});
