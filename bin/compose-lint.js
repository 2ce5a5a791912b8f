#!/usr/bin/env node
// The single-file bundle (scripts/bundle.mjs) starts about twice as fast as the module tree.
// The tree is used when there is no bundle, or when `tsc` rebuilt it after the bundle was made.
import { statSync } from 'node:fs';

const bundle = new URL('../dist/cli.bundle.mjs', import.meta.url);
const tree = new URL('../dist/src/cli/main.js', import.meta.url);
const mtime = (url) => statSync(url, { throwIfNoEntry: false })?.mtimeMs ?? -1;
const { main } = await import((mtime(bundle) >= mtime(tree) ? bundle : tree).href);

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(`compose-lint: internal error: ${err?.stack ?? err}`); process.exitCode = 2; },
);
