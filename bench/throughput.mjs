// Lint throughput next to the parse-only floor, side by side in one process.
// Usage: node bench/throughput.mjs [all|dockerfile|compose] [runs=3] [--dclint-sample=N] [--default-jit]
//   all         every file of ../shared/corpus: `recommended` lint vs read + parse
//   dockerfile  the Dockerfiles only: lint vs dockerfile-ast (and vs our parseDockerfile)
//   compose     the compose files only: lint vs `yaml` parseDocument, and vs dclint on a sample
//               (dclint from /tmp/dclint: `npm i --prefix /tmp/dclint dclint`; skipped if absent)
// Each measure runs `runs` times, interleaved with the others so load from other processes hits
// all of them alike; the table shows the median wall time and the median CPU time of this process.
// The process runs with the JIT setting the CLI uses (bin/jit-budget.cjs), floors included;
// --default-jit leaves V8's default instead.
import { readFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.env.CORPUS ?? join(root, '..', 'shared', 'corpus');
const argv = process.argv.slice(2);
const mode = argv.find((a) => !a.startsWith('--') && isNaN(Number(a))) ?? 'all';
const runs = Math.max(1, Number(argv.find((a) => /^\d+$/.test(a)) ?? 3));
const dclintSample = Number(argv.find((a) => a.startsWith('--dclint-sample='))?.split('=')[1] ?? 150);
if (!['all', 'dockerfile', 'compose'].includes(mode)) throw new Error(`unknown mode ${mode}`);

const defaultJit = argv.includes('--default-jit');
if (!defaultJit) (await import(join(root, 'bin/jit-budget.cjs'))).default.raiseJitBudget();
const { lint } = await import(join(root, 'dist/src/engine/lint.js'));
const { rules } = await import(join(root, 'dist/src/engine/registry.js'));
const { createConfigProvider } = await import(join(root, 'dist/src/cli/config-provider.js'));
const { discover } = await import(join(root, 'dist/src/cli/discover.js'));
const { nodeFileSystem } = await import(join(root, 'dist/src/project/fs.js'));
const { parseDockerfile } = await import(join(root, 'dist/src/parse/dockerfile/parse.js'));
const { parseDocument } = await import('yaml');
const require = createRequire(join(root, 'package.json'));
let DockerfileParser;
try {
  ({ DockerfileParser } = require('dockerfile-ast'));
} catch {
  // Without the devDependency the dockerfile-ast floor is left out.
}

const found = await discover(['.'], { cwd: corpus, fs: nodeFileSystem, isIgnored: () => false });
const wanted = found.files.filter((f) => mode === 'all' || f.kind === mode);
const paths = wanted.map((f) => f.path);
const counts = { dockerfile: wanted.filter((f) => f.kind === 'dockerfile').length, compose: wanted.filter((f) => f.kind === 'compose').length };

// Each floor reads every file afresh (as lint does) and parses it; results are kept alive until
// the end of the pass so the floor pays for the memory of its models as lint does.
function floor(parseDocker) {
  const keep = [];
  for (const f of wanted) {
    const text = readFileSync(f.path, 'utf8');
    keep.push(f.kind === 'compose' ? parseDocument(text) : parseDocker(f.path, text));
  }
  return keep.length;
}
const floors = {};
if (DockerfileParser || counts.dockerfile === 0) floors['read + yaml + dockerfile-ast'] = () => floor((_, t) => DockerfileParser.parse(t));
if (counts.dockerfile) floors['read + yaml + our parseDockerfile'] = () => floor(parseDockerfile);
if (mode === 'compose') {
  for (const k of Object.keys(floors)) delete floors[k];
  floors['read + yaml parseDocument'] = () => floor(() => undefined);
}
if (mode === 'dockerfile') {
  for (const k of Object.keys(floors)) delete floors[k];
  if (DockerfileParser) floors['read + dockerfile-ast'] = () => floor((_, t) => DockerfileParser.parse(t));
  floors['read + our parseDockerfile'] = () => floor(parseDockerfile);
}

async function lintOnce() {
  // A fresh provider each time, as a CLI run builds one.
  const config = await createConfigProvider({ cwd: corpus, rules, preset: 'recommended', ruleFlags: [] });
  const out = await lint({ cwd: corpus, paths: mode === 'all' ? ['.'] : paths, config, env: {} });
  return out;
}

async function measure(fn) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  return { wall: performance.now() - t0, cpu: (process.cpuUsage(c0).user + process.cpuUsage(c0).system) / 1000, value };
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// Warm-up: one untimed pass of each, so JIT compilation is not charged to whoever runs first.
for (const fn of Object.values(floors)) fn();
let lastLint = await lintOnce();
const samples = { lint: [], ...Object.fromEntries(Object.keys(floors).map((k) => [k, []])) };
for (let i = 0; i < runs; i++) {
  for (const [k, fn] of Object.entries(floors)) samples[k].push(await measure(fn));
  const m = await measure(lintOnce);
  lastLint = m.value;
  samples.lint.push(m);
}

const rows = [['measure', 'wall ms', 'CPU ms', 'files/s (wall)', 'lint ÷ this (wall)', 'lint ÷ this (CPU)']];
const lintWall = median(samples.lint.map((s) => s.wall));
const lintCpu = median(samples.lint.map((s) => s.cpu));
for (const [k, xs] of Object.entries(samples)) {
  const wall = median(xs.map((s) => s.wall));
  const cpu = median(xs.map((s) => s.cpu));
  rows.push([
    k === 'lint' ? 'lint, recommended' : k,
    wall.toFixed(0),
    cpu.toFixed(0),
    ((paths.length / wall) * 1000).toFixed(0),
    k === 'lint' ? '' : `${(lintWall / wall).toFixed(2)}×`,
    k === 'lint' ? '' : `${(lintCpu / cpu).toFixed(2)}×`,
  ]);
}

// dclint runs on a spread-out sample of the same compose files (it is ~100× slower), in one process
// so its start-up is paid once; files/s are compared with ours on the whole set.
let note = '';
const dclintBin = '/tmp/dclint/node_modules/dclint/bin/dclint.cjs';
if (mode === 'compose') {
  if (!existsSync(dclintBin)) note = 'dclint: not installed (npm i --prefix /tmp/dclint dclint), column skipped';
  else {
    const step = Math.max(1, Math.floor(paths.length / dclintSample));
    const sample = paths.filter((_, i) => i % step === 0).slice(0, dclintSample);
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [dclintBin, ...sample, '-f', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const wall = performance.now() - t0;
    const start = performance.now();
    spawnSync(process.execPath, [dclintBin, '--version'], { encoding: 'utf8' });
    const startup = performance.now() - start;
    const perSec = (sample.length / (wall - startup)) * 1000;
    rows.push([`dclint ${JSON.parse(readFileSync(join(dirname(dclintBin), '..', 'package.json'), 'utf8')).version} (${sample.length} files, one process)`, wall.toFixed(0), '', perSec.toFixed(1), `${((paths.length / lintWall) * 1000 / perSec).toFixed(0)}× faster`, '']);
    note = `dclint: exit ${r.status}; files/s excludes its start-up (${startup.toFixed(0)} ms, \`dclint --version\`)`;
  }
}

const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
console.log(`mode ${mode}: ${paths.length} files (${counts.dockerfile} Dockerfiles, ${counts.compose} compose), median of ${runs}, ${defaultJit ? "V8's default JIT budget" : "the CLI's JIT budget"}`);
for (const r of rows) console.log(r.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd());
const findings = lastLint.results.reduce((n, r) => n + r.findings.length, 0);
console.log(`lint: ${lastLint.results.length} results, ${findings} findings, ${lastLint.internalErrors.length} internal errors`);
if (note) console.log(note);
