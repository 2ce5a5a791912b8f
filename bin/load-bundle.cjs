// Loads the CommonJS bundle of the CLI (dist/cli.bundle.cjs) through V8's code cache
// (dist/cli.bundle.cache, made at build time by scripts/bundle.mjs): start-up then deserializes
// compiled code instead of parsing and compiling about 900 kB of JavaScript on every run.
// Shared by bin/compose-lint.cjs and the build step that makes the cache, which must load the
// bundle exactly the same way for V8 to accept the cache. CommonJS, like the executable: an ES
// module entry makes Node.js start its ES module loader first, ~20 ms of every run (issue 7).
'use strict';
const { readFileSync, statSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');
const { raiseJitBudget } = require('./jit-budget.cjs');

const BUNDLE = join(__dirname, '..', 'dist', 'cli.bundle.cjs');
const CODE_CACHE = join(__dirname, '..', 'dist', 'cli.bundle.cache');
const TREE = join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');

const mtime = (path) => statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? -1;

/**
 * Whether the bundle can be used: it exists, is not older than the module tree (a bare `tsc`
 * rebuilt the tree after it), and this Node.js lets code run through `vm` use `import()`.
 */
function bundleUsable() {
  return vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER !== undefined && mtime(BUNDLE) >= mtime(TREE);
}

/** The bundle's exports, and the script (for `createCachedData`). */
function loadBundle({ useCache = true } = {}) {
  // Before the cache is read: it is made (scripts/code-cache.mjs) and used under the same flags.
  raiseJitBudget();
  const source = readFileSync(BUNDLE, 'utf8');
  let cachedData;
  if (useCache && mtime(CODE_CACHE) >= mtime(BUNDLE)) cachedData = readFileSync(CODE_CACHE);
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: BUNDLE,
    ...(cachedData ? { cachedData } : {}),
    // Plugins and the pretty reporter are loaded with import() from inside the bundle.
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  // See importUrl in src/report/load.ts: code restored from the cache cannot call import() itself.
  globalThis[Symbol.for('compose-lint.import')] = (url) => import(url);
  // Lint workers started by this bundle load it too (src/engine/worker-pool.ts).
  globalThis[Symbol.for('compose-lint.worker')] = join(__dirname, 'lint-worker.cjs');
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  return { exports: module.exports, script };
}

module.exports = { BUNDLE, CODE_CACHE, TREE, bundleUsable, loadBundle };
