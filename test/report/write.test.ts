import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { batched, ReportWriteError, writeReportFile, writeReportStream } from '../../src/report/write.js';

function tmp(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'cl-write-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('batched regroups pieces into writes of at least the size, dropping empty ones', () => {
  assert.deepEqual([...batched(['ab', '', 'c', 'de', 'f', ''], 3)], ['abc', 'def']);
  assert.deepEqual([...batched(['abcd', 'e'], 3)], ['abcd', 'e']);
  assert.deepEqual([...batched(['', ''], 3)], []);
});

test('a report file gets exactly the pieces, in UTF-8, and replaces the previous one', (t) => {
  const dir = tmp(t);
  const out = join(dir, 'report.json');
  writeFileSync(out, 'an older and much longer report that must not survive at the end');
  chmodSync(out, 0o640);
  const pieces = ['[', 'Grüße 🐳', 'x'.repeat(70_000), '“”', ']\n'];
  writeReportFile(out, pieces);
  assert.equal(readFileSync(out, 'utf8'), pieces.join(''));
  assert.equal(statSync(out).mode & 0o777, 0o640);
  assert.deepEqual(readdirSync(dir), ['report.json']);
  // An empty report is an empty file.
  writeReportFile(out, []);
  assert.equal(readFileSync(out, 'utf8'), '');
});

test('a report through a symlink replaces the file it points to and keeps the link', (t) => {
  const dir = tmp(t);
  writeFileSync(join(dir, 'real.txt'), 'old');
  symlinkSync('real.txt', join(dir, 'link.txt'));
  writeReportFile(join(dir, 'link.txt'), ['new']);
  assert.equal(readFileSync(join(dir, 'real.txt'), 'utf8'), 'new');
  assert.ok(statSync(join(dir, 'link.txt')).isFile());
  assert.deepEqual(readdirSync(dir).sort(), ['link.txt', 'real.txt']);
});

test('a reporter failing half-way leaves the previous file whole and no temporary file', (t) => {
  const dir = tmp(t);
  const out = join(dir, 'report.txt');
  writeFileSync(out, 'previous');
  function* failing() {
    yield 'x'.repeat(200_000);
    throw new Error('reporter bug');
  }
  // Not a ReportWriteError: the CLI must not call a reporter's bug a write failure.
  assert.throws(() => writeReportFile(out, failing()), (e: Error) => !(e instanceof ReportWriteError) && e.message === 'reporter bug');
  assert.equal(readFileSync(out, 'utf8'), 'previous');
  assert.deepEqual(readdirSync(dir), ['report.txt']);
});

test('file-system failures are ReportWriteErrors naming the path as writing it did', (t) => {
  const dir = tmp(t);
  const missing = join(dir, 'missing', 'r.txt');
  assert.throws(
    () => writeReportFile(missing, ['x']),
    (e: Error) => e instanceof ReportWriteError && e.message === `ENOENT: no such file or directory, open '${missing}'`,
  );
  assert.throws(() => writeReportFile(dir, ['x']), (e: Error) => e instanceof ReportWriteError && e.message === `EISDIR: illegal operation on a directory, open '${dir}'`);
  assert.equal(existsSync(join(dir, 'missing')), false);
});

test('a device is written in place, and a full one is a ReportWriteError', { skip: !existsSync('/dev/full') && 'no /dev/full' }, () => {
  writeReportFile('/dev/null', ['nothing']);
  assert.throws(() => writeReportFile('/dev/full', ['x'.repeat(100)]), (e: Error) => e instanceof ReportWriteError && /^ENOSPC/.test(e.message));
});

test('a stream gets the pieces in batches and the answer whether anything was written', async () => {
  const writes: string[] = [];
  const stream = { write: (s: string) => writes.push(s) };
  assert.equal(await writeReportStream(stream, ['', '']), false);
  assert.deepEqual(writes, []);
  assert.equal(await writeReportStream(stream, ['a', '', 'b']), true);
  assert.deepEqual(writes, ['ab']);
});

test('a slow stream is waited for; a closed one ends the report', async () => {
  const big = () => ['x'.repeat(70_000), 'y'.repeat(70_000), 'z'.repeat(10)];
  // Takes each write 5 ms later; more than 1 kB queued makes write() say false.
  const taken: string[] = [];
  let queued = 0;
  const slow = new Writable({
    highWaterMark: 1024,
    decodeStrings: false,
    write(chunk: string, _enc, done) {
      setTimeout(() => {
        taken.push(chunk);
        queued--;
        done();
      }, 5);
    },
  });
  const stream = {
    write: (s: string) => {
      queued++;
      assert.equal(queued, 1, 'a write while the previous one was queued');
      return slow.write(s);
    },
    once: slow.once.bind(slow),
    off: slow.off.bind(slow),
  };
  assert.equal(await writeReportStream(stream, big()), true);
  await new Promise((resolve) => slow.end(resolve));
  assert.equal(taken.join(''), big().join(''));

  const closing = new PassThrough({ highWaterMark: 1024 });
  const written: string[] = [];
  const closed = {
    write: (s: string) => {
      written.push(s);
      setImmediate(() => closing.destroy());
      return false;
    },
    once: closing.once.bind(closing),
    off: closing.off.bind(closing),
  };
  assert.equal(await writeReportStream(closed, big()), true);
  assert.equal(written.length, 1);
});
