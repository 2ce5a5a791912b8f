// Build: compile TypeScript to dist/, then generate code that must exist before start-up
// (the compose schema validator, compiled ahead of time so the CLI never compiles a schema), and
// bundle the CLI into one file.
import { execFileSync } from 'node:child_process';
import { rmSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'dist'), { recursive: true, force: true });
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
execFileSync(process.execPath, [tsc, '-p', root], { stdio: 'inherit', cwd: root });
// Declarations of the public API only (src/index.ts and the types it reaches), for plugin authors.
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.types.json')], { stdio: 'inherit', cwd: root });
for (const step of ['gen-compose-validator.js', 'gen-config-schema.js']) {
  const file = join(root, 'dist', 'scripts', step);
  if (existsSync(file)) execFileSync(process.execPath, [file], { stdio: 'inherit', cwd: root });
}
// Last, so the bundle holds the finished tree: one file to read and compile at start-up.
// esbuild is a devDependency: an install without it keeps the module tree (bin/ falls back).
try {
  const { bundleCli } = await import('./bundle.mjs');
  await bundleCli();
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND') throw e;
  console.warn('build: esbuild is not installed; the CLI runs from the module tree');
}
