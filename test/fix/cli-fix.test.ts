import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../cli/fake-io.js';

const COMPOSE = `# top comment, kept
services:
  db:   # trailing comment
    image: postgres:16.4
    user: "999"
    volumes:
      # a comment before the entry
      - pg/var/lib/postgresql/data    # keep me
      - "cache/var/cache"  # and me
volumes:
  pg: {}   # a declared volume
  cache:
`;
const FIXED = COMPOSE.replace('pg/var', 'pg:/var').replace('cache/var', 'cache:/var');

const DOCKERFILE = 'FROM python:3.12-slim\nUSER 1000\nCOPY . .\n';

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cl-fix-'));
  writeFileSync(join(dir, 'compose.yaml'), COMPOSE);
  writeFileSync(join(dir, 'Dockerfile'), DOCKERFILE);
  writeFileSync(join(dir, '.env'), 'PASSWORD=x\n');
  return dir;
}

const BUILD = COMPOSE.replace('    image: postgres:16.4\n', '    build: .\n');

test('--fix edits only the fixed ranges, keeps comments and mode, writes atomically', async () => {
  const dir = project();
  try {
    const path = join(dir, 'compose.yaml');
    chmodSync(path, 0o640);
    const before = statSync(join(dir, 'Dockerfile'));
    const r = await run(['--fix', '-f', 'json'], { cwd: dir });
    assert.equal(readFileSync(path, 'utf8'), FIXED);
    assert.equal(statSync(path).mode & 0o777, 0o640);
    const after = statSync(join(dir, 'Dockerfile'));
    assert.deepEqual([after.ino, after.mtimeMs], [before.ino, before.mtimeMs], 'an unchanged file is never written');
    assert.deepEqual(readdirSync(dir).sort(), ['.env', 'Dockerfile', 'compose.yaml'], 'no temporary file is left');
    assert.match(r.stderr, /compose-lint: fixed 2 problems in 1 file; \d+ problems? left\n$/);
    // The report describes the fixed text.
    const results = JSON.parse(r.stdout) as { messages: { ruleId: string }[] }[];
    assert.ok(!results.flatMap((x) => x.messages).some((m) => m.ruleId === 'volume-target-not-absolute'));

    const ino = statSync(path).ino;
    const again = await run(['--fix'], { cwd: dir });
    assert.match(again.stderr, /fixed 0 problems in 0 files/);
    assert.equal(statSync(path).ino, ino, 'a second --fix writes nothing');
    assert.equal(readFileSync(path, 'utf8'), FIXED);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--fix follows a symlink and rewrites its target', async () => {
  const dir = project();
  try {
    const real = join(dir, 'real.yaml');
    writeFileSync(real, COMPOSE);
    rmSync(join(dir, 'compose.yaml'));
    symlinkSync(real, join(dir, 'compose.yaml'));
    await run(['--fix', 'compose.yaml'], { cwd: dir });
    assert.equal(readFileSync(real, 'utf8'), FIXED);
    assert.ok(statSync(join(dir, 'compose.yaml')).isFile());
    assert.equal(readFileSync(join(dir, 'compose.yaml'), 'utf8'), FIXED);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('unsafe fixes, and the files they create, need --unsafe-fixes', async () => {
  const dir = project();
  try {
    writeFileSync(join(dir, 'compose.yaml'), BUILD);
    await run(['--fix'], { cwd: dir });
    assert.ok(!readdirSync(dir).includes('.dockerignore'));
    const r = await run(['--unsafe-fixes'], { cwd: dir });
    assert.equal(readFileSync(join(dir, '.dockerignore'), 'utf8'), '.env\n');
    assert.match(r.stderr, /fixed 1 problem in 1 file;/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--fix-dry-run prints a unified diff that git applies, and writes nothing', async () => {
  const dir = project();
  try {
    writeFileSync(join(dir, 'compose.yaml'), BUILD);
    const r = await run(['--fix-dry-run', '--unsafe-fixes', '-f', 'compact'], { cwd: dir });
    assert.deepEqual(readdirSync(dir).sort(), ['.env', 'Dockerfile', 'compose.yaml']);
    assert.equal(readFileSync(join(dir, 'compose.yaml'), 'utf8'), BUILD);
    // The compact report follows the diff.
    const reportStart = r.stdout.search(/^\S+:\d+:\d+: /m);
    const diff = reportStart === -1 ? r.stdout : r.stdout.slice(0, reportStart);
    assert.equal(
      diff,
      [
        '--- /dev/null',
        '+++ b/.dockerignore',
        '@@ -0,0 +1,1 @@',
        '+.env',
        '--- a/compose.yaml',
        '+++ b/compose.yaml',
        '@@ -5,8 +5,8 @@',
        '     user: "999"',
        '     volumes:',
        '       # a comment before the entry',
        '-      - pg/var/lib/postgresql/data    # keep me',
        '-      - "cache/var/cache"  # and me',
        '+      - pg:/var/lib/postgresql/data    # keep me',
        '+      - "cache:/var/cache"  # and me',
        ' volumes:',
        '   pg: {}   # a declared volume',
        '   cache:',
        '',
      ].join('\n'),
    );
    assert.match(r.stderr, /would fix 3 problems in 2 files/);
    writeFileSync(join(dir, 'fix.patch'), diff);
    execFileSync('git', ['apply', 'fix.patch'], { cwd: dir });
    assert.equal(readFileSync(join(dir, 'compose.yaml'), 'utf8'), BUILD.replace('pg/var', 'pg:/var').replace('cache/var', 'cache:/var'));
    assert.equal(readFileSync(join(dir, '.dockerignore'), 'utf8'), '.env\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('stdin: --fix-dry-run shows the diff against the stdin text; --fix is a usage error', async () => {
  const dir = project();
  try {
    const r = await run(['-', '--stdin-filename', 'compose.yaml', '--fix-dry-run'], { cwd: dir, stdin: COMPOSE.replace('cache/var', 'cache:/var') });
    assert.match(r.stdout, /^--- a\/compose.yaml\n\+\+\+ b\/compose.yaml\n@@ -5,7 \+5,7 @@\n/);
    assert.match(r.stdout, /\n-      - pg\/var\/lib\/postgresql\/data    # keep me\n\+      - pg:\/var\/lib\/postgresql\/data    # keep me\n/);
    assert.equal(readFileSync(join(dir, 'compose.yaml'), 'utf8'), COMPOSE);
    const bad = await run(['-', '--stdin-filename', 'compose.yaml', '--fix'], { cwd: dir, stdin: COMPOSE });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--fix cannot write back to standard input/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
