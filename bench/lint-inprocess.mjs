// The whole corpus linted in this process, several times in a row: the warm figure the
// throughput bench compares with the floor, or (--units) the CLI's unit-by-unit path for bounded
// memory. Meant to run under `node --cpu-prof` (then bench/profile-summary.mjs) or to compare the
// two paths, with the CLI's JIT setting (bin/jit-budget.cjs) unless --default-jit.
// Usage: node bench/lint-inprocess.mjs [runs=3] [--units] [--preset=all] [--default-jit]
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.env.CORPUS ?? join(root, '..', 'shared', 'corpus');
const argv = process.argv.slice(2);
const runs = Number(argv.find((a) => /^\d+$/.test(a)) ?? 3);
const units = argv.includes('--units');
const preset = argv.find((a) => a.startsWith('--preset='))?.split('=')[1] ?? 'recommended';

if (!argv.includes('--default-jit')) (await import(join(root, 'bin/jit-budget.cjs'))).default.raiseJitBudget();
const { lint } = await import(join(root, 'dist/src/engine/lint.js'));
const { rules } = await import(join(root, 'dist/src/engine/registry.js'));
const { lintParallel, workerConfigOptions, SEQUENTIAL_MIN_FILES } = await import(join(root, 'dist/src/engine/parallel.js'));
const { createConfigProvider } = await import(join(root, 'dist/src/cli/config-provider.js'));

for (let i = 0; i < runs; i++) {
  // A fresh provider each time, as a CLI run builds one.
  const config = await createConfigProvider({ cwd: corpus, rules, preset, ruleFlags: [] });
  const req = { cwd: corpus, paths: ['.'], config, env: {} };
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = units
    ? await lintParallel(req, { sequential: true, minFiles: SEQUENTIAL_MIN_FILES, config: workerConfigOptions(corpus, { files: [], rules: [], ...(preset === 'all' ? { preset } : {}) }) })
    : await lint(req);
  const cpu = process.cpuUsage(c0);
  const findings = out.results.reduce((n, r) => n + r.findings.length, 0);
  console.log(`${units ? 'units' : 'lint()'} run ${i + 1}: ${(performance.now() - t0).toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU, ${out.results.length} files, ${findings} findings${out.rounds ? `, ${out.rounds} rounds, ${out.relinted} re-linted` : ''}`);
}
