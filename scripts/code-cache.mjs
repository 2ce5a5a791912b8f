// Makes dist/cli.bundle.cache (see scripts/bundle.mjs): loads the bundle exactly as
// bin/compose-lint.cjs does, lints a small Dockerfile with the output discarded, then saves the
// code V8 compiled for it. Run in its own process so that nothing else is in the cache.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import loader from '../bin/load-bundle.cjs';

const { CODE_CACHE, loadBundle } = loader;

const root = join(import.meta.dirname, '..');
const { exports, script } = loadBundle({ useCache: false });
const quiet = { write: () => true };
await exports.main([join(root, 'test', 'fixtures', 'cli', 'latest', 'Dockerfile')], {
  stdout: quiet,
  stderr: quiet,
  readStdin: () => '',
  env: {},
  cwd: root,
});
writeFileSync(CODE_CACHE, script.createCachedData());
