// Cost per file and peak memory at 1×, 4×, 16× the corpus.
// Usage: node bench/scaling.mjs [factors=1,4,16] [--fraction=1] [--preset=recommended|all] [--collect] [--default-jit]
// The corpus is read into memory once and served under K virtual roots (/v0, /v1, …) through the
// in-memory FileSystem port, so K× the files are linted without copying anything to disk. The
// roots are linted by runOrStream (src/cli/main.ts), the CLI's own choice of path: on this
// FileSystem that is the unit-by-unit run, as for a folder on disk, streamed into the JSON
// reporter whose pieces are counted and dropped (as `--format json -o file` writes them).
// --collect gathers every result first instead (lintRun, what the API and the non-streaming
// reporters get). Each factor runs in a child process of its own, with the CLI's V8 flags (its
// JIT budget, bin/jit-budget.cjs; V8's default with --default-jit), so its peak RSS is its
// own. The input held in memory (the corpus texts, once, and the tree's listings) is measured
// apart: peak RSS minus input is what the linter costs.
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
const collect = args.includes('--collect');
const defaultJit = args.includes('--default-jit');

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
  if (!defaultJit) (await import(join(root, 'bin/jit-budget.cjs'))).default.raiseJitBudget();
  const v8 = await import('node:v8');
  const { lintRun, runOrStream } = await import(join(root, 'dist/src/cli/main.js'));
  const { json } = await import(join(root, 'dist/src/report/json.js'));
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
  const request = { cwd: '/', paths: roots, config, fs, env: {}, files: [], profiles: [] };
  let out;
  let files = 0;
  let findings = 0;
  let reportBytes = 0;
  if (collect) {
    out = await lintRun(request, opts, '/', { fsIsDisk: false });
    files = out.results.length;
    findings = out.results.reduce((n, r) => n + r.findings.length, 0);
  } else {
    const run = await runOrStream(request, opts, '/', { fsIsDisk: false, stream: true });
    if (!run.stream) throw new Error('the run was not streamed');
    const ctx = { cwd: '/', rules: new Map(rules.map((r) => [r.meta.id, r.meta])), color: false, version: '0', textOf: run.stream.textOf };
    const counted = function* (results) {
      for (const r of results) {
        files++;
        findings += r.findings.length;
        yield r;
      }
    };
    for (const piece of json.stream(counted(run.stream.results), ctx)) reportBytes += piece.length;
    out = { ...run.stream.problems(), rounds: run.stream.stats.rounds, held: run.stream.stats.heldPeak, wild: run.stream.stats.wild };
  }
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const peakRss = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({
    factor,
    files,
    findings,
    reportMB: reportBytes / 2 ** 20,
    heldPeak: out.held,
    wall,
    cpu: (cpu.user + cpu.system) / 1000,
    input,
    // What the run leaves in the heap: every result when collected; nothing much when streamed.
    results: liveHeap() - heapBefore,
    rssBefore: rssBefore / 2 ** 20,
    peakRss,
    internalErrors: out.internalErrors.length,
    // Set only by the unit-by-unit run: proves the run went that way.
    rounds: out.rounds,
  }));
  process.exit(0);
}

const factors = (args.find((a) => /^[\d,]+$/.test(a)) ?? '1,4,16').split(',').map(Number);
const rows = [['factor', 'files', 'findings', 'wall ms', 'CPU ms', 'CPU µs/file', 'vs 1×', 'input (heap)', collect ? 'results (heap)' : 'held at most', 'RSS before lint', 'peak RSS', 'units']];
let first;
for (const f of factors) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), `--child=${f}`, `--fraction=${fraction}`, `--preset=${preset}`, ...(collect ? ['--collect'] : []), ...(defaultJit ? ['--default-jit'] : [])], { encoding: 'utf8', env: process.env, maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`factor ${f} failed: ${r.stderr}`);
  const m = JSON.parse(r.stdout.trim().split('\n').at(-1));
  const perFile = (m.cpu * 1000) / m.files;
  first ??= perFile;
  if (m.internalErrors) throw new Error(`factor ${f}: ${m.internalErrors} internal errors`);
  const mb = (x) => `${x.toFixed(0)} MB`;
  const units = m.rounds ? `${m.rounds} rounds` : 'one lint()';
  rows.push([`${f}×`, m.files, m.findings, m.wall.toFixed(0), m.cpu.toFixed(0), perFile.toFixed(0), `${(perFile / first).toFixed(2)}`, mb(m.input), collect ? mb(m.results) : `${m.heldPeak} results`, mb(m.rssBefore), mb(m.peakRss), units]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
console.log(`corpus ${corpus}${fraction < 1 ? ` (fraction ${fraction})` : ''}, ${preset} preset, in-memory FileSystem, ${collect ? 'every result collected (lintRun)' : 'streamed into the JSON reporter (runOrStream)'}, src/cli/main.ts`);
for (const r of rows) console.log(r.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd());
