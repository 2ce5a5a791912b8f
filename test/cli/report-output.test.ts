import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './fake-io.js';

const PATHS = ['latest', 'suppress-compose', 'compose-error', 'clean'];

test('the report written to --output-file has the bytes written to stdout', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-report-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const args of [['-f', 'json'], ['-f', 'sarif'], [], ['--statistics'], ['-f', 'compact', '--statistics'], ['-f', 'json', 'clean']]) {
    const paths = args.includes('clean') ? [] : PATHS;
    const toStdout = await run([...args, ...paths]);
    const out = join(dir, 'report');
    const toFile = await run([...args, ...paths, '-o', out]);
    assert.equal(toFile.stdout, '', args.join(' '));
    assert.equal(toFile.code, toStdout.code, args.join(' '));
    assert.ok(toStdout.stdout.length > 0, args.join(' '));
    assert.equal(readFileSync(out, 'utf8'), toStdout.stdout, args.join(' '));
  }
  assert.deepEqual(readdirSync(dir), ['report']);
});

test('a write failure is reported with the file name and exit code 2', { skip: !existsSync('/dev/full') && 'no /dev/full' }, async () => {
  const r = await run(['latest', '-f', 'json', '-o', '/dev/full']);
  assert.deepEqual([r.code, r.stdout, r.stderr], [2, '', 'compose-lint: cannot write /dev/full: ENOSPC: no space left on device, write\n']);
});
