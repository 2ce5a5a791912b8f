#!/usr/bin/env node
// The bundle (scripts/bundle.mjs) loaded through V8's code cache starts several times faster than
// the module tree, which is used when there is no bundle, when `tsc` rebuilt the tree after the
// bundle was made, or on a Node.js too old to run the bundle that way.
import { bundleUsable, loadBundle } from './load-bundle.js';

const { main } = bundleUsable() ? loadBundle().exports : await import('../dist/src/cli/main.js');

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(`compose-lint: internal error: ${err?.stack ?? err}`); process.exitCode = 2; },
);
