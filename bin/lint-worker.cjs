// A lint worker started by the CLI bundle (src/engine/worker-pool.ts): it loads the same bundle
// through the same code cache as the main thread, then runs src/engine/parallel-worker.ts.
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { loadBundle } = require('./load-bundle.cjs');

loadBundle().exports.runLintWorker(workerData, parentPort);
