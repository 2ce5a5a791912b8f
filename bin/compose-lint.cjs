#!/usr/bin/env node
// The bundle (scripts/bundle.mjs) loaded through V8's code cache starts several times faster than
// the module tree, which is used when there is no bundle, when `tsc` rebuilt the tree after the
// bundle was made, or on a Node.js too old to run the bundle that way.
'use strict';
const { pathToFileURL } = require('node:url');
const { bundleUsable, loadBundle, TREE } = require('./load-bundle.cjs');
const { raiseJitBudget } = require('./jit-budget.cjs');

// Before any of our code runs (loadBundle sets it too: the code cache needs it set first).
raiseJitBudget();
const started = bundleUsable() ? Promise.resolve(loadBundle().exports) : import(pathToFileURL(TREE).href);

started
  .then(({ main }) => main(process.argv.slice(2)))
  .then(
    (code) => { process.exitCode = code; },
    (err) => { console.error(`compose-lint: internal error: ${err?.stack ?? err}`); process.exitCode = 2; },
  );
