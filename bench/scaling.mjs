// Cost per file and peak memory at 1×, 4×, 16× the corpus.
// Usage: node bench/scaling.mjs [factors=1,4,16] [--fraction=1]
// The corpus is read into memory once and served under K virtual roots (/v0, /v1, …) through the
// in-memory FileSystem port, so K× the files are linted without copying anything to disk. Each
// factor runs in a child process of its own, so its peak RSS is its own.
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
  const { lint } = await import(join(root, 'dist/src/engine/lint.js'));
  const { rules } = await import(join(root, 'dist/src/engine/registry.js'));
  const { createConfigProvider } = await import(join(root, 'dist/src/cli/config-provider.js'));
  const { memoryFileSystem } = await import(join(root, 'dist/src/project/fs.js'));
  const { kindFromName } = await import(join(root, 'dist/src/cli/discover.js'));
  const base = corpusFiles();
  const tree = {};
  const targets = [];
  for (let k = 0; k < factor; k++) {
    for (const [rel, text] of Object.entries(base)) {
      const p = `/v${k}/${rel}`;
      // The same string under every root: the tree costs the corpus once, whatever the factor.
      tree[p] = text;
      if (kindFromName(p) && !/(^|\/)(\.git|node_modules)\//.test(rel)) targets.push(p);
    }
  }
  const fs = memoryFileSystem(tree);
  const rssBefore = process.memoryUsage().rss;
  const config = await createConfigProvider({ cwd: '/', rules, preset: 'recommended', ruleFlags: [] });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = await lint({ cwd: '/', paths: targets, config, fs, env: {} });
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const findings = out.results.reduce((n, r) => n + r.findings.length, 0);
  console.log(JSON.stringify({
    factor,
    files: targets.length,
    findings,
    wall,
    cpu: (cpu.user + cpu.system) / 1000,
    rssBefore: rssBefore / 2 ** 20,
    peakRss: process.resourceUsage().maxRSS / 1024,
    internalErrors: out.internalErrors.length,
  }));
  process.exit(0);
}

const factors = (args.find((a) => /^[\d,]+$/.test(a)) ?? '1,4,16').split(',').map(Number);
const rows = [['factor', 'files', 'findings', 'wall ms', 'CPU ms', 'CPU µs/file', 'vs 1×', 'RSS before lint', 'peak RSS']];
let first;
for (const f of factors) {
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', fileURLToPath(import.meta.url), `--child=${f}`, `--fraction=${fraction}`], { encoding: 'utf8', env: process.env, maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`factor ${f} failed: ${r.stderr}`);
  const m = JSON.parse(r.stdout.trim().split('\n').at(-1));
  const perFile = (m.cpu * 1000) / m.files;
  first ??= perFile;
  rows.push([`${f}×`, m.files, m.findings, m.wall.toFixed(0), m.cpu.toFixed(0), perFile.toFixed(0), `${(perFile / first).toFixed(2)}`, `${m.rssBefore.toFixed(0)} MB`, `${m.peakRss.toFixed(0)} MB`]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
console.log(`corpus ${corpus}${fraction < 1 ? ` (fraction ${fraction})` : ''}, recommended preset, in-memory FileSystem`);
for (const r of rows) console.log(r.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd());
