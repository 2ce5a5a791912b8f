// The executable on 1×, 4×, 16× the corpus on disk: what a monorepo of that size costs a user,
// start-up included: wall, CPU, CPU µs per file and the peak RSS of the process. Unlike
// bench/scaling.mjs (in-process, in-memory input, counts of held results), nothing of the input
// is in memory before the run.
// Usage: node bench/scaling-disk.mjs [factors=1,4,16] [--separate] [--live] [--clean] [-- extra CLI arguments]
// The f copies of a factor are hard links (no file data is copied) under
// <tmpdir>/compose-lint-scaling/x<f>/v<k>, made once and kept for later runs (--clean removes
// them afterwards), and linted as one folder, as `compose-lint .` lints a monorepo; --separate
// names each copy on the command line instead (a run of several paths is listed in full first).
// --live adds what the run holds, apart from how much heap V8 chooses to keep around it: the
// largest heap left by a full collection in any thread (from `--trace-gc`, which also costs CPU).
import { existsSync, linkSync, mkdirSync, readdirSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.env.CORPUS ?? join(root, '..', 'shared', 'corpus');
const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const own = dash >= 0 ? argv.slice(0, dash) : argv;
const extra = dash >= 0 ? argv.slice(dash + 1) : [];
const factors = (own.find((a) => /^[\d,]+$/.test(a)) ?? '1,4,16').split(',').map(Number);
const base = join(tmpdir(), 'compose-lint-scaling');

/** Hard-links the corpus under base/x<f>/v<k> unless that copy is complete (marked by a file). */
function copy(f, k) {
  const dest = join(base, `x${f}`, `v${k}`);
  const done = join(base, `.x${f}-v${k}-complete`);
  if (existsSync(done)) return dest;
  rmSync(dest, { recursive: true, force: true });
  const walk = (from, to) => {
    mkdirSync(to, { recursive: true });
    for (const e of readdirSync(from, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(from, e.name), join(to, e.name));
      else if (e.isFile()) linkSync(join(from, e.name), join(to, e.name));
    }
  };
  walk(corpus, dest);
  writeFileSync(done, '');
  return dest;
}

// Reports the process's own peak RSS and CPU as it exits (the executable knows nothing of this).
mkdirSync(base, { recursive: true });
const probe = join(base, 'exit-probe.cjs');
writeFileSync(probe, `process.on('exit', () => { const u = process.resourceUsage(); require('node:fs').writeSync(2, '\\nSCALING ' + JSON.stringify({ maxRSS: u.maxRSS, cpu: (u.userCPUTime + u.systemCPUTime) / 1000 }) + '\\n'); });\n`);

const { discover } = await import(join(root, 'dist/src/cli/discover.js'));
const { nodeFileSystem } = await import(join(root, 'dist/src/project/fs.js'));
const perCopy = (await discover(['.'], { cwd: corpus, fs: nodeFileSystem, isIgnored: () => false })).files.length;

const rows = [['factor', 'files', 'wall ms', 'CPU ms', 'CPU µs/file', 'vs 1×', 'peak RSS', 'report', ...(own.includes('--live') ? ['live heap'] : [])]];
let first;
try {
  for (const f of factors) {
    const dirs = Array.from({ length: f }, (_, k) => copy(f, k));
    const paths = own.includes('--separate') ? dirs : [join(base, `x${f}`)];
    const out = join(base, 'report.json');
    const t0 = performance.now();
    const live = own.includes('--live');
    const r = spawnSync(process.execPath, [...(live ? ['--trace-gc'] : []), '--require', probe, join(root, 'bin', 'compose-lint.cjs'), ...paths, '--format', 'json', '-o', out, ...extra], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const wall = performance.now() - t0;
    if (r.status !== 0 && r.status !== 1) throw new Error(`factor ${f} failed (${r.status}): ${r.stderr}`);
    const m = JSON.parse(/SCALING (.*)/.exec(r.stderr)[1]);
    const files = perCopy * f;
    const perFile = (m.cpu * 1000) / files;
    first ??= perFile;
    const row = [`${f}×`, files, wall.toFixed(0), m.cpu.toFixed(0), perFile.toFixed(0), (perFile / first).toFixed(2), `${(m.maxRSS / 1024).toFixed(0)} MB`, `${(statSync(out).size / 2 ** 20).toFixed(0)} MB`];
    if (live) {
      const after = [...r.stdout.matchAll(/Mark-Compact [\d.]+ \([\d.]+\) -> ([\d.]+) \(/g)].map((x) => Number(x[1]));
      row.push(`${Math.max(...after).toFixed(1)} MB`);
    }
    rows.push(row);
    // Only its size is wanted: at 16× the report is over 200 MB of the shared temp folder.
    rmSync(out, { force: true });
  }
} finally {
  if (own.includes('--clean')) rmSync(base, { recursive: true, force: true });
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
const how = own.includes('--separate') ? 'each copy named on the command line' : 'the copies in one folder';
console.log(`bin/compose-lint.cjs on hard-linked copies of ${corpus} (${perCopy} files each), ${how}, --format json -o${extra.length ? ' ' + extra.join(' ') : ''}`);
for (const r of rows) console.log(r.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd());
