// The CLI as a user runs it, next to the parse-only floor run the same way: each a fresh process
// (start-up, module loading and JIT warm-up included), alternating, median of `runs`.
// The floor process reads every file the CLI lints and parses it with `yaml` / `dockerfile-ast`.
// Usage: node bench/cold.mjs [runs=5] [-- extra CLI arguments]
// CPU time of a child comes from /proc/self/stat (children's user + system time, Linux only;
// elsewhere the CPU column is left empty).
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const self = fileURLToPath(import.meta.url);
const root = join(dirname(self), '..');

if (process.argv[2] === '--floor') {
  // The floor child: what it needs is loaded here, as the CLI loads its own code.
  const require = createRequire(join(root, 'package.json'));
  const { parseDocument } = require('yaml');
  const { DockerfileParser } = require('dockerfile-ast');
  const keep = [];
  for (const f of JSON.parse(readFileSync(process.argv[3], 'utf8'))) {
    const text = readFileSync(f.path, 'utf8');
    keep.push(f.kind === 'compose' ? parseDocument(text) : DockerfileParser.parse(text));
  }
  process.exit(keep.length ? 0 : 1);
}

const corpus = process.env.CORPUS ?? join(root, '..', 'shared', 'corpus');
const dash = process.argv.indexOf('--');
const runs = Math.max(1, Number(process.argv[2] && process.argv[2] !== '--' ? process.argv[2] : 5));
const extra = dash >= 0 ? process.argv.slice(dash + 1) : [];
const { discover } = await import(join(root, 'dist/src/cli/discover.js'));
const { nodeFileSystem } = await import(join(root, 'dist/src/project/fs.js'));
const found = await discover(['.'], { cwd: corpus, fs: nodeFileSystem, isIgnored: () => false });
const dir = mkdtempSync(join(tmpdir(), 'cl-cold-'));
const list = join(dir, 'files.json');
writeFileSync(list, JSON.stringify(found.files));

// Children's CPU so far (clock ticks of waited-for children, fields 16 and 17 of /proc/self/stat).
const childTicks = () => {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return Number(fields[13]) + Number(fields[14]);
  } catch {
    return undefined;
  }
};
const TICK_MS = 10; // USER_HZ is 100 on Linux

function run(args) {
  const c0 = childTicks();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = performance.now() - t0;
  const c1 = childTicks();
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { wall, cpu: c0 === undefined ? undefined : (c1 - c0) * TICK_MS };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const measures = {
  [`compose-lint ${['<corpus>', '--format', 'json', ...extra].join(' ')}`]: [join(root, 'bin', 'compose-lint.cjs'), corpus, '--format', 'json', '-o', join(dir, 'out.json'), ...extra],
  'read + yaml + dockerfile-ast': [self, '--floor', list],
};
const samples = Object.fromEntries(Object.keys(measures).map((k) => [k, []]));
try {
  for (let i = 0; i < runs; i++) for (const [k, args] of Object.entries(measures)) samples[k].push(run(args));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const [lintKey, floorKey] = Object.keys(measures);
const m = (k, f) => (samples[k][0][f] === undefined ? undefined : median(samples[k].map((s) => s[f])));
console.log(`${found.files.length} files, each measure a fresh process, median of ${runs}`);
for (const k of [lintKey, floorKey]) console.log(`${k.padEnd(50)} ${m(k, 'wall').toFixed(0).padStart(6)} ms wall  ${m(k, 'cpu')?.toFixed(0).padStart(6) ?? '     -'} ms CPU`);
const cpuRatio = m(lintKey, 'cpu') === undefined ? '' : `, ${(m(lintKey, 'cpu') / m(floorKey, 'cpu')).toFixed(2)}× CPU`;
console.log(`compose-lint ÷ floor: ${(m(lintKey, 'wall') / m(floorKey, 'wall')).toFixed(2)}× wall${cpuRatio}`);
