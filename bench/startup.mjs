// Start-up: a bare `node -e 0` against the CLI linting one small Dockerfile, through the bundle
// and its code cache (bin/compose-lint.cjs) and through the module tree. Uses hyperfine when installed.
// Usage: npm run build && node bench/startup.mjs [runs=20]
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import loader from '../bin/load-bundle.cjs';

const { bundleUsable } = loader;

const root = join(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 20);
const file = join(root, 'test', 'fixtures', 'cli', 'latest', 'Dockerfile');
const tree = `node --input-type=module -e "const {main}=await import('${join(root, 'dist/src/cli/main.js')}');process.exitCode=await main(process.argv.slice(1))" ${file}`;
if (!bundleUsable()) {
  console.warn('startup: dist/cli.bundle.cjs is missing or older than dist/src (a bare `tsc` ran since the build),');
  console.warn('so bin/compose-lint.cjs runs the module tree; run `node scripts/bundle.mjs` first');
}
const commands = ['node -e 0', `node ${join(root, 'bin/compose-lint.cjs')} ${file}`, tree];
if (spawnSync('hyperfine', ['--version']).status === 0) {
  spawnSync('hyperfine', ['-N', '-w', '3', '-r', String(runs), '-i', ...commands], { stdio: 'inherit' });
} else {
  for (const c of commands) {
    const [cmd, ...args] = c.match(/"[^"]*"|\S+/g).map((a) => a.replace(/^"|"$/g, ''));
    const times = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      spawnSync(cmd, args);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(`${c.slice(0, 70).padEnd(72)} median ${times[times.length >> 1].toFixed(0)} ms`);
  }
}
