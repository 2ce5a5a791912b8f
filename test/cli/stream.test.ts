import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './fake-io.js';
import { runOrStream } from '../../src/cli/main.js';
import { parseCli } from '../../src/cli/args.js';
import { lint } from '../../src/engine/lint.js';
import { rules } from '../../src/engine/registry.js';
import { createConfigProvider } from '../../src/cli/config-provider.js';
import { reporters, type ReporterName } from '../../src/report/index.js';
import { formatStatistics } from '../../src/report/statistics.js';
import { VERSION } from '../../src/meta.js';
import type { FileResult, ReportContext, RuleMeta } from '../../src/engine/types.js';

// Over SEQUENTIAL_MIN_FILES (200), so the CLI lints the folder unit by unit and streams the report.
function bigTree(): string {
  const root = mkdtempSync(join(tmpdir(), 'cl-stream-'));
  for (let i = 0; i < 110; i++) {
    const dir = join(root, `p${String(i).padStart(3, '0')}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'Dockerfile'), `FROM alpine:${i % 3 ? '3.20' : 'latest'}\nADD app.tar.gz /app\nRUN apk add curl\n`);
    const build = i % 10 === 9 ? `../p${String(i - 9).padStart(3, '0')}` : '.';
    writeFileSync(join(dir, 'compose.yaml'), `services:\n  app:\n    build: ${build}\n    restart: ${i % 4 ? 'always' : 'sometimes'}\n    volumes:\n      - data/var/lib/x\n`);
  }
  return root;
}

async function expected(root: string, format: ReporterName, filter: (r: FileResult) => FileResult = (r) => r) {
  const config = await createConfigProvider({ cwd: root, rules, ruleFlags: [] });
  const outcome = await lint({ cwd: root, paths: ['.'], config, env: {} });
  const ctx: ReportContext = { cwd: root, rules: new Map(rules.map((r) => [r.meta.id, r.meta as RuleMeta<any>])), color: false, version: VERSION };
  const results = outcome.results.map(filter);
  return { report: reporters[format](results, ctx), results, ctx };
}

test('a big folder is streamed, and every streaming format prints what the whole results would give', async (t) => {
  const root = bigTree();
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const config = await createConfigProvider({ cwd: root, rules, ruleFlags: [] });
  const opts = parseCli(['.', '--threads', '1']);
  const streamed = await runOrStream({ cwd: root, paths: ['.'], config, env: {}, files: [], profiles: [] }, opts, root, { stream: true });
  assert.ok('stream' in streamed, 'the run was not streamed');
  for (const format of ['json', 'sarif', 'text', 'compact', 'github', 'checkstyle', 'gitlab', 'junit'] as const) {
    const r = await run(['.', '--threads', '1', '--format', format], { cwd: root });
    assert.equal(r.code, 1, format);
    assert.equal(r.stderr, '', format);
    assert.equal(r.stdout, (await expected(root, format)).report, format);
  }
  // The same bytes through --output-file.
  await run(['.', '--threads', '1', '--format', 'sarif', '-o', 'out.sarif'], { cwd: root });
  assert.equal(readFileSync(join(root, 'out.sarif'), 'utf8'), (await expected(root, 'sarif')).report);
});

test('a streamed run counts --statistics, --quiet and --max-warnings as a whole one', async (t) => {
  const root = bigTree();
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const stats = await run(['.', '--threads', '1', '--statistics'], { cwd: root });
  const whole = await expected(root, 'text');
  assert.equal(stats.stdout, `${whole.report}\n${formatStatistics(whole.results, whole.ctx)}`);

  const quiet = await run(['.', '--threads', '1', '--quiet', '--format', 'json'], { cwd: root });
  assert.equal(quiet.stdout, (await expected(root, 'json', (r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') }))).report);
  assert.equal(quiet.code, 1);

  const warnings = whole.results.reduce((n, r) => n + r.findings.filter((f) => !f.suppressed && f.severity === 'warning').length, 0);
  assert.ok(warnings > 100);
  const capped = await run(['.', '--threads', '1', '--format', 'compact', '--fail-on', 'never', '--max-warnings', String(warnings - 1)], { cwd: root });
  assert.equal(capped.code, 1);
  assert.equal(capped.stderr, `compose-lint: ${warnings} warnings, more than --max-warnings ${warnings - 1}\n`);
  const enough = await run(['.', '--threads', '1', '--format', 'compact', '--fail-on', 'never', '--max-warnings', String(warnings)], { cwd: root });
  assert.deepEqual([enough.code, enough.stderr], [0, '']);
});

test('errors of a streamed run are printed after its report, and exit with 2', async (t) => {
  const root = bigTree();
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const r = await run(['.', 'nothere', '--threads', '1', '--format', 'compact'], { cwd: root });
  assert.equal(r.code, 2);
  assert.equal(r.stderr, 'compose-lint: nothere: no such file or directory\n');
  assert.equal(r.stdout, (await expected(root, 'compact')).report);
});

test('a streamed run with --progress and -o draws its progress while the report is written, then clears it', async (t) => {
  const root = bigTree();
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const r = await run(['.', '--threads', '1', '--progress', '--format', 'json', '-o', 'out.json'], { cwd: root });
  assert.equal(r.code, 1);
  assert.equal(readFileSync(join(root, 'out.json'), 'utf8'), (await expected(root, 'json')).report);
  assert.match(r.stderr, /linting 220\/220 files/);
  // The last thing on stderr clears the progress line.
  assert.ok(r.stderr.endsWith('\r\u001b[2K'), JSON.stringify(r.stderr.slice(-40)));
});
