// Whole-corpus lint throughput and CLI start-up, from the compiled dist/.
// Usage: node bench/lint-corpus.mjs [runs=2]  (keep runs small: the machine is shared)
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, '..', 'shared', 'corpus');
const bin = join(root, 'bin', 'compose-lint.cjs');
const smallDockerfile = join(root, 'test', 'fixtures', 'cli', 'latest', 'Dockerfile');
const runs = Math.max(1, Number(process.argv[2] ?? 2));

const { lint } = await import(join(root, 'dist/src/engine/lint.js'));
const { rules } = await import(join(root, 'dist/src/engine/registry.js'));
const { createConfigProvider } = await import(join(root, 'dist/src/cli/config-provider.js'));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function lintCorpus() {
  const t0 = performance.now();
  // A fresh provider each run, as a CLI run would build it.
  const config = await createConfigProvider({ cwd: corpus, rules, preset: 'all', ruleFlags: [] });
  const out = await lint({ cwd: corpus, paths: ['.'], config, env: {} });
  const ms = performance.now() - t0;
  const findings = out.results.reduce((n, r) => n + r.findings.length, 0);
  return { ms, files: out.results.length, findings, crashes: out.internalErrors.length };
}

function spawnMs(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - t0;
  if (r.status === 2 || r.status === null) throw new Error(`compose-lint ${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

const corpusRuns = [];
for (let i = 0; i < runs; i++) corpusRuns.push(await lintCorpus());
const last = corpusRuns.at(-1);
const corpusMs = median(corpusRuns.map((r) => r.ms));
const version = median(Array.from({ length: 5 }, () => spawnMs(['--version'])));
const oneFile = median(Array.from({ length: 5 }, () => spawnMs([smallDockerfile])));

const rows = [
  ['whole corpus (--preset all)', `${corpusMs.toFixed(0)} ms`, `${((last.files / corpusMs) * 1000).toFixed(0)} files/s`, `${last.files} files, ${last.findings} findings, ${last.crashes} internal errors; median of ${runs}`],
  ['first corpus run', `${corpusRuns[0].ms.toFixed(0)} ms`, '', 'includes module warm-up'],
  ['spawn --version', `${version.toFixed(0)} ms`, '', 'median of 5'],
  ['spawn one small Dockerfile', `${oneFile.toFixed(0)} ms`, '', 'median of 5'],
];
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd());
