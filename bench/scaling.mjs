// Cost per file and peak memory at 1×, 4×, 16× the corpus.
// Usage: node bench/scaling.mjs [factors=1,4,16] [--fraction=1] [--preset=recommended|all]
// The corpus is read into memory once and served under K virtual roots (/v0, /v1, …) through the
// in-memory FileSystem port, so K× the files are linted without copying anything to disk. The
// roots are linted by lintRun (src/cli/main.ts), the CLI's own choice of path: on this FileSystem
// that is the unit-by-unit run of src/engine/parallel.ts, as for a folder on disk. Each factor
// runs in a child process of its own, with the CLI's V8 flags (none), so its peak RSS is its own.
// The input held in memory (the corpus texts, once, and the tree's listings) is measured apart:
// peak RSS minus input is what the linter costs.
// --fraction=0.25 lints a quarter of the corpus (whole owner+repo folders) at each factor, for a
// quicker run. Without CORPUS set, the corpus is ../shared/corpus.
import { readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.env.CORPUS ?? join(root, '..', 'shared', 'corpus');
const args = process.argv.slice(2);
const fraction = Number(args.find((a) => a.startsWith('--fraction='))?.split('=')[1] ?? 1);
const child = args.find((a) => a.startsWith('--child='))?.split('=')[1];
const preset = args.find((a) => a.startsWith('--preset='))?.split('=')[1] ?? 'recommended';

function corpusFiles() {
  const repos = readdirSync(corpus, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const step = Math.max(1, Math.round(1 / fraction));
  const files = {};
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) files[relative(corpus, p)] = readFileSync(p, 'utf8');
    }
  };
  repos.filter((_, i) => i % step === 0).forEach((r) => walk(join(corpus, r)));
  return files;
}

if (child) {
  const factor = Number(child);
  const v8 = await import('node:v8');
  const { lintRun } = await import(join(root, 'dist/src/cli/main.js'));
  const { parseCli } = await import(join(root, 'dist/src/cli/args.js'));
  const { rules } = await import(join(root, 'dist/src/engine/registry.js'));
  const { createConfigProvider } = await import(join(root, 'dist/src/cli/config-provider.js'));
  const { memoryFileSystem } = await import(join(root, 'dist/src/project/fs.js'));
  const { fullCollection } = await import(join(root, 'dist/src/engine/heap-growth.js'));
  const liveHeap = () => (fullCollection(), v8.getHeapStatistics().used_heap_size / 2 ** 20);
  const heap0 = liveHeap();
  const base = corpusFiles();
  const tree = {};
  for (let k = 0; k < factor; k++) {
    // The same string under every root: the texts cost the corpus once, whatever the factor.
    for (const [rel, text] of Object.entries(base)) tree[`/v${k}/${rel}`] = text;
  }
  const fs = memoryFileSystem(tree);
  const input = liveHeap() - heap0;
  const roots = Array.from({ length: factor }, (_, k) => `/v${k}`);
  const opts = parseCli([...roots, ...(preset === 'all' ? ['--preset', 'all'] : [])]);
  const config = await createConfigProvider({ cwd: '/', rules, preset, ruleFlags: [] });
  const heapBefore = liveHeap();
  const rssBefore = process.memoryUsage().rss;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = await lintRun({ cwd: '/', paths: roots, config, fs, env: {}, files: [], profiles: [] }, opts, '/', { fsIsDisk: false });
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const peakRss = process.resourceUsage().maxRSS / 1024;
  const findings = out.results.reduce((n, r) => n + r.findings.length, 0);
  console.log(JSON.stringify({
    factor,
    files: out.results.length,
    findings,
    wall,
    cpu: (cpu.user + cpu.system) / 1000,
    input,
    results: liveHeap() - heapBefore,
    rssBefore: rssBefore / 2 ** 20,
    peakRss,
    internalErrors: out.internalErrors.length,
    // Set only by lintParallel: proves the run went unit by unit.
    rounds: out.rounds,
  }));
  process.exit(0);
}

const factors = (args.find((a) => /^[\d,]+$/.test(a)) ?? '1,4,16').split(',').map(Number);
const rows = [['factor', 'files', 'findings', 'wall ms', 'CPU ms', 'CPU µs/file', 'vs 1×', 'input (heap)', 'results (heap)', 'RSS before lint', 'peak RSS', 'units']];
let first;
for (const f of factors) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), `--child=${f}`, `--fraction=${fraction}`, `--preset=${preset}`], { encoding: 'utf8', env: process.env, maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`factor ${f} failed: ${r.stderr}`);
  const m = JSON.parse(r.stdout.trim().split('\n').at(-1));
  const perFile = (m.cpu * 1000) / m.files;
  first ??= perFile;
  if (m.internalErrors) throw new Error(`factor ${f}: ${m.internalErrors} internal errors`);
  const mb = (x) => `${x.toFixed(0)} MB`;
  const units = m.rounds ? `${m.rounds} rounds` : 'one lint()';
  rows.push([`${f}×`, m.files, m.findings, m.wall.toFixed(0), m.cpu.toFixed(0), perFile.toFixed(0), `${(perFile / first).toFixed(2)}`, mb(m.input), mb(m.results), mb(m.rssBefore), mb(m.peakRss), units]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
console.log(`corpus ${corpus}${fraction < 1 ? ` (fraction ${fraction})` : ''}, ${preset} preset, in-memory FileSystem, through lintRun (src/cli/main.ts)`);
for (const r of rows) console.log(r.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd());
