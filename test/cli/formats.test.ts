import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, cliFixtures, type JsonResult } from './fake-io.js';

const ESC = '\u001b[';

test('--format json is ESLint-shaped with exact positions', async () => {
  const r = await run(['latest', '--format', 'json']);
  assert.equal(r.code, 0);
  const results = JSON.parse(r.stdout) as JsonResult[];
  assert.equal(results.length, 1);
  const [res] = results;
  assert.equal(res!.filePath, join(cliFixtures, 'latest', 'Dockerfile'));
  assert.equal(res!.errorCount, 0);
  assert.equal(res!.warningCount, 1);
  assert.deepEqual(res!.suppressedMessages, []);
  const [m] = res!.messages;
  assert.deepEqual(
    { ruleId: m!.ruleId, severity: m!.severity, level: m!.level, line: m!.line, column: m!.column, endLine: m!.endLine, endColumn: m!.endColumn },
    { ruleId: 'latest-image-tag', severity: 1, level: 'warning', line: 1, column: 13, endLine: 1, endColumn: 19 },
  );
  assert.match(m!.message, /`alpine:latest`/);
});

test('a clean project gives an empty-message JSON result per file', async () => {
  const r = await run(['clean', '-f', 'json']);
  const results = JSON.parse(r.stdout) as JsonResult[];
  assert.deepEqual(results.map((x) => [x.filePath, x.messages.length]), [[join(cliFixtures, 'clean', 'Dockerfile'), 0]]);
});

test('--format sarif is SARIF 2.1.0 with rule metadata and regions', async () => {
  const r = await run(['latest', '--format', 'sarif']);
  assert.equal(r.code, 0);
  const log = JSON.parse(r.stdout);
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const run0 = log.runs[0];
  assert.equal(run0.tool.driver.name, 'compose-lint');
  const ruleIds: string[] = run0.tool.driver.rules.map((x: { id: string }) => x.id);
  assert.ok(ruleIds.includes('latest-image-tag'));
  assert.equal(run0.results.length, 1);
  const res = run0.results[0];
  assert.equal(res.ruleId, 'latest-image-tag');
  assert.equal(res.level, 'warning');
  assert.deepEqual(
    { startLine: res.locations[0].physicalLocation.region.startLine, startColumn: res.locations[0].physicalLocation.region.startColumn },
    { startLine: 1, startColumn: 13 },
  );
  if (res.ruleIndex !== undefined) assert.equal(ruleIds[res.ruleIndex], 'latest-image-tag');
});

test('--output-file writes the report there and nothing to stdout', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-out-'));
  try {
    const out = join(dir, 'report.json');
    const r = await run(['latest', '-f', 'json', '-o', out]);
    assert.deepEqual([r.code, r.stdout, r.stderr], [0, '', '']);
    const results = JSON.parse(readFileSync(out, 'utf8')) as JsonResult[];
    assert.equal(results[0]!.messages[0]!.ruleId, 'latest-image-tag');
    // A report file never gets colour codes, even from a terminal.
    const text = join(dir, 'report.txt');
    await run(['latest', '-o', text], { isTTY: true });
    assert.ok(!readFileSync(text, 'utf8').includes(ESC));
    const bad = await run(['latest', '-o', join(dir, 'missing', 'r.txt')]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^compose-lint: cannot write .*r\.txt: ENOENT/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('text output is plain off a terminal or with NO_COLOR, coloured on a terminal', async () => {
  const plain = await run(['latest']);
  assert.ok(!plain.stdout.includes(ESC));
  assert.match(plain.stdout.split('\n').at(-2)!, /^\d+ problems? \(0 errors, 1 warning, \d+ info\)$/);
  assert.match(plain.stdout, /^ 1 \| FROM alpine:latest\n   \|             \^{6}$/m);
  assert.ok((await run(['latest'], { isTTY: true })).stdout.includes(ESC));
  assert.ok((await run(['latest'], { env: { FORCE_COLOR: '1' } })).stdout.includes(ESC));
  assert.ok((await run(['latest'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout.includes(ESC), 'FORCE_COLOR wins over NO_COLOR');
  assert.ok(!(await run(['latest'], { isTTY: true, env: { FORCE_COLOR: '0' } })).stdout.includes(ESC));
  assert.ok(!(await run(['latest'], { isTTY: true, env: { NO_COLOR: '1' } })).stdout.includes(ESC));
  assert.ok(!(await run(['latest', '--no-color'], { isTTY: true })).stdout.includes(ESC));
  assert.ok((await run(['latest', '--color'])).stdout.includes(ESC));
});

test('--help and --version', async () => {
  const help = await run(['--help']);
  assert.equal(help.code, 0);
  assert.ok(help.stdout.startsWith('Usage: compose-lint [options] [paths…]\n'));
  assert.equal((await run(['-h'])).stdout, help.stdout);
  const pkg = JSON.parse(readFileSync(join(cliFixtures, '..', '..', '..', 'package.json'), 'utf8'));
  assert.deepEqual(await run(['--version']), { code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  assert.equal((await run(['-v'])).stdout, `${pkg.version}\n`);
});
