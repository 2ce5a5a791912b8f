// Worker threads against one thread on the whole corpus (one lint(), and unit by unit as the CLI
// lints a big folder with --threads 1): wall and CPU time, and whether the outcome is
// byte-identical, with the CLI's JIT setting (bin/jit-budget.cjs). Each run starts its workers
// afresh (their code is cold) while this thread is warm: the CLI's own figures are the fairer.
// Usage: node bench/parallel.mjs [runs=2] [threads=max(3, availableParallelism)]
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.env.CORPUS ?? join(root, '..', 'shared', 'corpus');
const runs = Math.max(1, Number(process.argv[2] ?? 2));
const threads = Math.max(3, Number(process.argv[3] ?? availableParallelism()));

(await import(join(root, 'bin/jit-budget.cjs'))).default.raiseJitBudget();
const { lint } = await import(join(root, 'dist/src/engine/lint.js'));
const { lintParallel } = await import(join(root, 'dist/src/engine/parallel.js'));
const { rules } = await import(join(root, 'dist/src/engine/registry.js'));
const { createConfigProvider } = await import(join(root, 'dist/src/cli/config-provider.js'));

const provider = () => createConfigProvider({ cwd: corpus, rules, preset: 'recommended', ruleFlags: [] });
const workerConfig = { cwd: corpus, preset: 'recommended', ruleFlags: [] };
const variants = {
  'one thread (lint)': async () => lint({ cwd: corpus, paths: ['.'], config: await provider(), env: {} }),
  // What the CLI does with --threads 1 on a big folder: the workers' own baseline.
  'one thread, unit by unit': async () => lintParallel({ cwd: corpus, paths: ['.'], config: await provider(), env: {} }, { sequential: true, minFiles: 0, config: workerConfig }),
  // n threads: this one (which lints while it waits) and n - 1 workers.
  '2 threads (1 worker)': async () => lintParallel({ cwd: corpus, paths: ['.'], config: await provider(), env: {} }, { threads: 2, minFiles: 0, config: workerConfig }),
  [`${threads} threads (${threads - 1} workers)`]: async () => lintParallel({ cwd: corpus, paths: ['.'], config: await provider(), env: {} }, { threads, minFiles: 0, config: workerConfig }),
};
const plain = (o) => JSON.stringify({ results: o.results, errors: o.errors, internalErrors: o.internalErrors });
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

await variants['one thread (lint)'](); // warm-up of this thread
const samples = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
const outputs = {};
for (let i = 0; i < runs; i++) {
  for (const [k, fn] of Object.entries(variants)) {
    // process.cpuUsage counts every thread of the process, workers included.
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const out = await fn();
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    samples[k].push({ wall, cpu: (c.user + c.system) / 1000 });
    outputs[k] = out;
  }
}
const reference = plain(outputs['one thread (lint)']);
const baseWall = median(samples['one thread (lint)'].map((s) => s.wall));
const unitWall = median(samples['one thread, unit by unit'].map((s) => s.wall));
const rows = [['variant', 'wall ms', 'CPU ms', 'vs lint()', 'vs unit by unit', 'rounds', 're-linted', 'same output']];
for (const [k, xs] of Object.entries(samples)) {
  const wall = median(xs.map((s) => s.wall));
  const o = outputs[k];
  rows.push([k, wall.toFixed(0), median(xs.map((s) => s.cpu)).toFixed(0), `${(baseWall / wall).toFixed(2)}×`, `${(unitWall / wall).toFixed(2)}×`, o.rounds ?? '', o.relinted ?? '', plain(o) === reference ? 'yes' : 'NO']);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
console.log(`${outputs['one thread (lint)'].results.length} results, median of ${runs}, availableParallelism ${availableParallelism()}`);
for (const r of rows) console.log(r.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd());
