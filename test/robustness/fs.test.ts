/**
 * The file system: whatever state the disk is in, each bad file gives one clear message naming
 * its path and the other files are still linted. Failures that root cannot reproduce on a real
 * disk (tests run as root in CI) are simulated through the FileSystem port; the real node fs path
 * is exercised wherever the kernel allows it. Also the safety promises: YAML tags are data,
 * `__proto__` / `constructor` keys change nothing, and a plain run writes nothing anywhere.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConfigProvider } from '../../src/cli/config-provider.js';
import { main, type CliIO } from '../../src/cli/main.js';
import { lint, type LintOutcome } from '../../src/engine/lint.js';
import { rules } from '../../src/engine/registry.js';
import { memoryFileSystem, nodeFileSystem, type FileSystem } from '../../src/project/fs.js';
import { fixturesDir } from '../helpers.js';

const GOOD = 'FROM alpine:latest\nUSER 10001\n';

function tmp(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'compose-lint-fs-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function lintDisk(cwd: string, paths: string[], fs?: FileSystem): Promise<LintOutcome> {
  const config = await createConfigProvider({ cwd, rules, ruleFlags: [] });
  return lint({ cwd, paths, config, env: {}, ...(fs ? { fs } : {}) });
}

/** Rule ids by file name (relative to `dir`), to show which files were linted. */
function linted(outcome: LintOutcome, dir: string): Record<string, string[]> {
  return Object.fromEntries(outcome.results.map((r) => [r.path.slice(dir.length + 1), r.findings.map((f) => f.ruleId)]));
}

test('an unreadable file (through the port): named with the reason, the others linted', async () => {
  const base = memoryFileSystem({ '/p/a/Dockerfile': GOOD, '/p/b/Dockerfile': GOOD });
  const fs: FileSystem = {
    ...base,
    readFile: (p) => (p === '/p/a/Dockerfile' ? undefined : base.readFile(p)),
    readError: (p) => (p === '/p/a/Dockerfile' ? 'permission denied' : undefined),
  };
  const config = await createConfigProvider({ cwd: '/p', rules, ruleFlags: [] });
  const out = await lint({ cwd: '/p', paths: ['/p/a/Dockerfile', '/p/b/Dockerfile'], config, env: {}, fs });
  assert.deepEqual(out.errors, ['/p/a/Dockerfile: cannot be read (permission denied)']);
  assert.deepEqual(out.internalErrors, []);
  assert.deepEqual(linted(out, '/p'), { 'a/Dockerfile': [], 'b/Dockerfile': ['latest-image-tag'] });
});

test('an unreadable file on the real disk (chmod 000)', async (t) => {
  const dir = tmp(t);
  mkdirSync(join(dir, 'a'));
  mkdirSync(join(dir, 'b'));
  writeFileSync(join(dir, 'a', 'Dockerfile'), GOOD);
  writeFileSync(join(dir, 'b', 'Dockerfile'), GOOD);
  chmodSync(join(dir, 'a', 'Dockerfile'), 0o000);
  let readable = true;
  try {
    readFileSync(join(dir, 'a', 'Dockerfile'));
  } catch {
    readable = false;
  }
  if (readable) return t.skip('running as root: every file is readable (the port test covers this case)');
  const out = await lintDisk(dir, ['.']);
  assert.deepEqual(out.errors, [`${join(dir, 'a', 'Dockerfile')}: cannot be read (permission denied)`]);
  assert.deepEqual(linted(out, dir), { 'a/Dockerfile': [], 'b/Dockerfile': ['latest-image-tag'] });
});

test('the node port says why a read failed', (t) => {
  const dir = tmp(t);
  mkdirSync(join(dir, 'Dockerfile'));
  assert.equal(nodeFileSystem.readFile(join(dir, 'Dockerfile')), undefined);
  assert.equal(nodeFileSystem.readError!(join(dir, 'Dockerfile')), 'it is a directory');
  assert.equal(nodeFileSystem.readFile(join(dir, 'gone')), undefined);
  assert.equal(nodeFileSystem.readError!(join(dir, 'gone')), 'it no longer exists (removed during the run?)');
  assert.equal(nodeFileSystem.size!(join(dir, 'Dockerfile')), undefined);
});

test('a directory named Dockerfile: walked past, or walked into when named', async (t) => {
  const dir = tmp(t);
  mkdirSync(join(dir, 'Dockerfile'));
  writeFileSync(join(dir, 'Dockerfile', 'Dockerfile'), GOOD);
  mkdirSync(join(dir, 'app'));
  writeFileSync(join(dir, 'app', 'Dockerfile'), GOOD);
  writeFileSync(join(dir, 'compose.yaml'), 'services:\n  web:\n    build: ./app\n');
  const walked = await lintDisk(dir, ['.']);
  assert.deepEqual(walked.errors, []);
  assert.deepEqual(Object.keys(linted(walked, dir)), ['Dockerfile/Dockerfile', 'app/Dockerfile', 'compose.yaml']);
  const named = await lintDisk(dir, ['Dockerfile', 'app/Dockerfile']);
  assert.deepEqual(named.errors, []);
  assert.deepEqual(linted(named, dir), { 'Dockerfile/Dockerfile': ['latest-image-tag'], 'app/Dockerfile': ['latest-image-tag'] });
});

test('a compose build whose Dockerfile is a directory: no crash, the compose file still linted', async (t) => {
  const dir = tmp(t);
  mkdirSync(join(dir, 'app', 'Dockerfile'), { recursive: true });
  writeFileSync(join(dir, 'compose.yaml'), 'services:\n  web:\n    build: ./app\n    image: nginx:latest\n');
  const out = await lintDisk(dir, ['compose.yaml']);
  assert.deepEqual(out.internalErrors, []);
  assert.deepEqual(out.errors, []);
  assert.deepEqual(Object.keys(linted(out, dir)), ['compose.yaml']);
});

test('symbolic link loops: walking does not follow them, naming one says so', async (t) => {
  const dir = tmp(t);
  mkdirSync(join(dir, 'app'));
  writeFileSync(join(dir, 'app', 'Dockerfile'), GOOD);
  symlinkSync(join(dir, 'Dockerfile'), join(dir, 'Dockerfile')); // a link to itself
  symlinkSync(join(dir, 'b.Dockerfile'), join(dir, 'a.Dockerfile'));
  symlinkSync(join(dir, 'a.Dockerfile'), join(dir, 'b.Dockerfile'));
  symlinkSync(dir, join(dir, 'app', 'up')); // a folder loop
  const walked = await lintDisk(dir, ['.']);
  assert.deepEqual(walked.errors, []);
  assert.deepEqual(linted(walked, dir), { 'app/Dockerfile': ['latest-image-tag'] });
  const named = await lintDisk(dir, ['Dockerfile', 'a.Dockerfile', 'app/Dockerfile']);
  assert.deepEqual(named.errors, [
    'Dockerfile: cannot be read (a loop of symbolic links)',
    'a.Dockerfile: cannot be read (a loop of symbolic links)',
  ]);
  assert.deepEqual(linted(named, dir), { 'app/Dockerfile': ['latest-image-tag'] });
});

test('a file that vanishes between listing and reading (port and real disk)', async (t) => {
  const dir = tmp(t);
  for (const d of ['a', 'b']) {
    mkdirSync(join(dir, d));
    writeFileSync(join(dir, d, 'compose.yaml'), 'services:\n  web:\n    image: nginx:latest\n');
  }
  const victim = join(dir, 'a', 'compose.yaml');
  // Listed by the walk, deleted on the disk just before its first read.
  const fs: FileSystem = {
    ...nodeFileSystem,
    readFile(p) {
      if (p === victim) rmSync(victim, { force: true });
      return nodeFileSystem.readFile(p);
    },
    // The engine reads through this one when the port has it (size check and read in one open).
    readFileWithin(p, max) {
      if (p === victim) rmSync(victim, { force: true });
      return nodeFileSystem.readFileWithin!(p, max);
    },
  };
  const out = await lintDisk(dir, ['.'], fs);
  assert.deepEqual(out.errors, [`${victim}: cannot be read (it no longer exists (removed during the run?))`]);
  assert.deepEqual(linted(out, dir), { 'a/compose.yaml': [], 'b/compose.yaml': ['latest-image-tag'] });

  // The same through a port alone: listed as a file, gone when read, no reason known.
  const mem = memoryFileSystem({ '/p/Dockerfile': GOOD, '/p/x/Dockerfile': GOOD });
  const vanishing: FileSystem = { ...mem, readFile: (p) => (p === '/p/x/Dockerfile' ? undefined : mem.readFile(p)) };
  const config = await createConfigProvider({ cwd: '/p', rules, ruleFlags: [] });
  const port = await lint({ cwd: '/p', paths: ['/p/Dockerfile', '/p/x/Dockerfile'], config, env: {}, fs: vanishing });
  assert.deepEqual(port.errors, ['/p/x/Dockerfile: cannot be read']);
  assert.deepEqual(linted(port, '/p'), { Dockerfile: ['latest-image-tag'], 'x/Dockerfile': [] });
});

test('a 50 MB file is skipped unread with a file-too-large finding; the limit is settings.maxFileSize', async (t) => {
  const dir = tmp(t);
  mkdirSync(join(dir, 'big'));
  mkdirSync(join(dir, 'small'));
  // Sparse: 50 MB long, nothing written, and never read by the linter.
  writeFileSync(join(dir, 'big', 'Dockerfile'), '');
  truncateSync(join(dir, 'big', 'Dockerfile'), 50 * 1024 * 1024);
  writeFileSync(join(dir, 'small', 'Dockerfile'), GOOD);
  const rss = process.memoryUsage().rss;
  const out = await lintDisk(dir, ['.']);
  assert.ok(process.memoryUsage().rss - rss < 40 * 1024 * 1024, 'the big file was not read');
  assert.deepEqual(out.errors, []);
  assert.deepEqual(linted(out, dir), { 'big/Dockerfile': ['file-too-large'], 'small/Dockerfile': ['latest-image-tag'] });
  const big = out.results[0]!.findings[0]!;
  assert.equal(big.message, 'Not linted: the file is 50.0 MB, more than settings.maxFileSize (10.0 MB); raise the limit or leave the file out with `ignore`');
  assert.deepEqual([big.location.start, big.location.end], [{ line: 1, column: 1, offset: 0 }, { line: 1, column: 1, offset: 0 }]);
  assert.equal(out.results[0]!.text, undefined);

  // A config lowers the limit; a compose file is skipped the same way.
  writeFileSync(join(dir, 'small', '.compose-lint.yaml'), 'settings:\n  maxFileSize: 10\n');
  writeFileSync(join(dir, 'small', 'compose.yaml'), 'services:\n  web:\n    image: nginx:latest\n');
  const limited = await lintDisk(dir, ['small']);
  assert.deepEqual(limited.errors, []);
  assert.deepEqual(linted(limited, dir), { 'small/Dockerfile': ['file-too-large'], 'small/compose.yaml': ['file-too-large'] });
  // With the rule off, the file is skipped quietly.
  writeFileSync(join(dir, 'small', '.compose-lint.yaml'), 'settings:\n  maxFileSize: 10\nrules:\n  file-too-large: off\n');
  const quiet = await lintDisk(dir, ['small']);
  assert.deepEqual(quiet.errors, []);
  assert.deepEqual(linted(quiet, dir), { 'small/Dockerfile': [], 'small/compose.yaml': [] });
});

test('a name that is not valid UTF-8: named in the message, the others linted', async (t) => {
  const dir = tmp(t);
  const bad = Buffer.concat([Buffer.from(join(dir, 'caf')), Buffer.from([0xe9])]);
  mkdirSync(bad);
  writeFileSync(Buffer.concat([bad, Buffer.from('/Dockerfile')]), GOOD);
  mkdirSync(join(dir, 'ok'));
  writeFileSync(join(dir, 'ok', 'Dockerfile'), GOOD);
  // A Dockerfile whose own name is not UTF-8 is found by the walk but cannot be opened.
  writeFileSync(Buffer.concat([Buffer.from(join(dir, 'ok', 'Dockerfile.')), Buffer.from([0xff])]), GOOD);
  const out = await lintDisk(dir, ['.']);
  assert.deepEqual(out.internalErrors, []);
  assert.deepEqual(out.errors, [
    `${join(dir, 'caf\uFFFD')}: cannot be walked (its name is not valid UTF-8, which Node.js cannot open)`,
    `${join(dir, 'ok', 'Dockerfile.\uFFFD')}: cannot be read (its name is not valid UTF-8, which Node.js cannot open)`,
  ]);
  assert.deepEqual(linted(out, dir), { 'ok/Dockerfile': ['latest-image-tag'], 'ok/Dockerfile.\uFFFD': [] });
});

test('every hazard above in a big folder walked as the run goes, in one thread and with workers: the outcome of one lint()', async (t) => {
  const dir = tmp(t);
  // 120 projects (240 files, over SEQUENTIAL_MIN_FILES), with a compose folder above some of them.
  for (let i = 0; i < 120; i++) {
    const p = join(dir, i % 3 ? 'apps' : 'libs', `p${String(i).padStart(3, '0')}`);
    mkdirSync(p, { recursive: true });
    writeFileSync(join(p, 'Dockerfile'), GOOD);
    writeFileSync(join(p, 'compose.yaml'), `services:\n  s${i}:\n    build: .\n    image: nginx:latest\n`);
  }
  writeFileSync(join(dir, 'libs', 'compose.yaml'), 'services:\n  all:\n    build: ./p000\n');
  // A folder named Dockerfile, links in loops, a 50 MB file, names that are not UTF-8.
  mkdirSync(join(dir, 'apps', 'Dockerfile'));
  writeFileSync(join(dir, 'apps', 'Dockerfile', 'Dockerfile'), GOOD);
  symlinkSync(join(dir, 'apps', 'x.Dockerfile'), join(dir, 'apps', 'x.Dockerfile'));
  symlinkSync(dir, join(dir, 'apps', 'p001', 'up'));
  writeFileSync(join(dir, 'apps', 'p002', 'Dockerfile.big'), '');
  truncateSync(join(dir, 'apps', 'p002', 'Dockerfile.big'), 50 * 1024 * 1024);
  const bad = Buffer.concat([Buffer.from(join(dir, 'libs', 'caf')), Buffer.from([0xe9])]);
  mkdirSync(bad);
  writeFileSync(Buffer.concat([bad, Buffer.from('/Dockerfile')]), GOOD);
  writeFileSync(Buffer.concat([Buffer.from(join(dir, 'apps', 'p004', 'Dockerfile.')), Buffer.from([0xff])]), GOOD);
  const plain = (o: LintOutcome) => JSON.stringify({ results: o.results, errors: o.errors, internalErrors: o.internalErrors });
  const single = await lintDisk(dir, ['.']);
  assert.equal(single.errors.length, 2);
  assert.ok(single.results.length > 240);
  const { lintParallel, SEQUENTIAL_MIN_FILES } = await import('../../src/engine/parallel.js');
  const config = { cwd: dir, ruleFlags: [] };
  for (const options of [{ sequential: true, minFiles: SEQUENTIAL_MIN_FILES, config }, { threads: 2, minFiles: 0, config }]) {
    const out = await lintParallel({ cwd: dir, paths: ['.'], config: await createConfigProvider({ cwd: dir, rules, ruleFlags: [] }), env: {} }, options);
    // Split into units (a run kept whole has no rounds).
    assert.equal(out.fallback, undefined);
    assert.ok(out.rounds! >= 1);
    assert.equal(plain(out), plain(single));
  }
});

test('YAML tags are data: a !!js/function tag is never run', async (t) => {
  const dir = tmp(t);
  const g = globalThis as { pwned?: unknown };
  const payload = '!!js/function "function () { globalThis.pwned = 1; return 1 }"';
  writeFileSync(join(dir, 'compose.yaml'), `services:\n  web:\n    image: nginx:1.27\n    command: ${payload}\n    labels:\n      a: !!js/undefined ''\n      b: !<tag:yaml.org,2002:js/regexp> /x/\n`);
  writeFileSync(join(dir, '.compose-lint.yaml'), `settings:\n  maxFileSize: ${payload}\n`);
  const out = await lintDisk(dir, ['compose.yaml']);
  assert.equal(g.pwned, undefined);
  assert.deepEqual(out.internalErrors, []);
  assert.ok(out.results.length === 1 && out.results[0]!.path === join(dir, 'compose.yaml'));
});

test('__proto__ and constructor keys in compose and config files change nothing', async (t) => {
  const dir = tmp(t);
  const compose = 'services:\n  web:\n    image: nginx:latest\n';
  const keys = '__proto__:\n  polluted: 1\nconstructor:\n  prototype:\n    polluted: 1\n';
  writeFileSync(join(dir, 'compose.yaml'), compose);
  const before = await lintDisk(dir, ['compose.yaml']);
  // The same keys at the top level, in a service and in the config (rules and settings).
  writeFileSync(join(dir, 'compose.yaml'), `${compose}    labels:\n      __proto__: x\n      constructor: y\nx-${keys.replace(/^/gm, '  ').trimEnd().slice(2)}\n`);
  writeFileSync(
    join(dir, '.compose-lint.yaml'),
    'rules:\n  __proto__:\n    latest-image-tag: off\n  constructor: off\nsettings:\n  __proto__:\n    maxFileSize: 1\n',
  );
  const after = await lintDisk(dir, ['compose.yaml']);
  assert.equal(({} as { polluted?: unknown }).polluted, undefined);
  assert.equal((Object.prototype as { maxFileSize?: unknown }).maxFileSize, undefined);
  assert.deepEqual(after.internalErrors, []);
  // latest-image-tag still fires and the file is not "too large": the keys did not act.
  const ids = (o: LintOutcome) => o.results.flatMap((r) => r.findings.map((f) => f.ruleId));
  assert.deepEqual(ids(before), ['latest-image-tag']);
  assert.ok(ids(after).includes('latest-image-tag'), ids(after).join(' '));
  assert.ok(!ids(after).includes('file-too-large'));
});

/** path → size and content of every file under `dir`, to compare a tree before and after. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const p = join(e.parentPath, e.name);
    out[p.slice(dir.length)] = e.isFile() ? `${statSync(p).mtimeMs} ${readFileSync(p, 'base64')}` : 'dir';
  }
  return out;
}

test('a run without --fix or --output-file writes nothing anywhere', async (t) => {
  const dir = tmp(t);
  for (const name of ['latest', 'compose-error', 'suppress-compose', 'clean']) cpSync(join(fixturesDir, 'cli', name), join(dir, name), { recursive: true });
  const before = snapshot(dir);
  const io = (): CliIO => ({ stdout: { write: () => true }, stderr: { write: () => true }, readStdin: () => '', env: {}, cwd: dir });
  for (const args of [[], ['--format', 'json'], ['--format', 'sarif'], ['--fix-dry-run'], ['--statistics', '--preset', 'all'], ['--print-config', 'latest/Dockerfile']]) {
    const code = await main([...args, ...(args[0] === '--print-config' ? [] : ['.'])], io());
    assert.ok(code === 0 || code === 1, `${args.join(' ')} → exit ${code}`);
  }
  assert.deepEqual(snapshot(dir), before);
  // --output-file writes that one file and nothing else.
  assert.ok((await main(['--output-file', 'report.txt', '.'], io())) <= 1);
  assert.deepEqual(Object.keys(snapshot(dir)).sort(), [...Object.keys(before), '/report.txt'].sort());
});
