/** Standard input and explicitly named files: how their kind is decided. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kindFromContent } from '../../src/cli/discover.js';
import { run, cliFixtures, type JsonResult } from './fake-io.js';

const ids = (stdout: string) =>
  (JSON.parse(stdout) as JsonResult[]).map((r) => [r.filePath, r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)]);

test('`-` with --stdin-filename Dockerfile lints stdin as that file', async () => {
  const r = await run(['-', '--stdin-filename', 'Dockerfile', '-f', 'json'], { stdin: 'FROM alpine:latest\nUSER 10001\n', cwd: join(cliFixtures, 'odd-names') });
  assert.equal(r.code, 0);
  assert.deepEqual(ids(r.stdout), [[join(cliFixtures, 'odd-names', 'Dockerfile'), ['1:13 latest-image-tag']]]);
});

test('stdin is a compose file with --kind compose, whatever its name', async () => {
  const text = 'services:\n  cache:\n    image: redis:latest\n';
  const r = await run(['-', '--stdin-filename', 'input.txt', '--kind', 'compose', '-f', 'json'], { stdin: text });
  assert.equal(r.code, 0);
  assert.deepEqual(ids(r.stdout), [[join(cliFixtures, 'input.txt'), ['3:18 latest-image-tag']]]);
});

test('stdin whose kind cannot be told exits 2', async () => {
  const r = await run(['-', '--stdin-filename', 'notes.txt'], { stdin: 'hello\n' });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /notes\.txt: cannot tell whether stdin is a Dockerfile or a compose file/);
});

test('an oddly named file is linted, its kind guessed from content', async () => {
  const df = await run(['odd-names/build-spec.txt', '-f', 'json']);
  assert.equal(df.code, 0);
  // Its heredoc holds `services:` and `name:` at column 1: still a Dockerfile.
  assert.deepEqual(ids(df.stdout), [[join(cliFixtures, 'odd-names', 'build-spec.txt'), ['2:13 latest-image-tag']]]);
  const compose = await run(['odd-names/stack.txt', '-f', 'json']);
  assert.deepEqual(ids(compose.stdout), [[join(cliFixtures, 'odd-names', 'stack.txt'), ['4:18 latest-image-tag']]]);
});

test('--kind decides the kind of an explicitly named file', async () => {
  const r = await run(['odd-names/stack.txt', '--kind', 'dockerfile', '-f', 'json']);
  assert.equal(r.code, 1);
  const [[, messages]] = ids(r.stdout) as [string, string[]][];
  assert.ok(messages!.length > 0 && messages!.every((m) => m.endsWith(' invalid-dockerfile')), messages!.join('\n'));
});

test('an explicit file of unknown kind exits 2 and asks for --kind', async () => {
  const r = await run(['odd-names/notes.txt']);
  assert.equal(r.code, 2);
  assert.equal(
    r.stderr,
    'compose-lint: odd-names/notes.txt: cannot tell whether this is a Dockerfile or a compose file; pass --kind dockerfile|compose\n',
  );
});

test('kindFromContent', () => {
  const cases: [string, string | undefined][] = [
    ['FROM alpine\n', 'dockerfile'],
    ['# syntax=docker/dockerfile:1\n\nARG BASE=alpine\nFROM $BASE\n', 'dockerfile'],
    ['\uFEFFFROM alpine\n', 'dockerfile'],
    ['from alpine\n', 'dockerfile'],
    ['FROM alpine\nRUN <<EOF\nservices:\nEOF\n', 'dockerfile'],
    ['services:\n  a:\n    image: x\n', 'compose'],
    ['\uFEFFservices:\n  a: {}\n', 'compose'],
    ['# a stack\nx-common: &c\n  restart: always\nservices: {}\n', 'compose'],
    ['version: "3"\r\nservices: {}\r\n', 'compose'],
    ['web:\n  image: nginx\n', 'compose'],
    ['db:\n\n  restart: always\n  build: .\n', 'compose'],
    ['notes:\n  - image: x\n', undefined],
    ['RUN echo hi\n', undefined],
    ['', undefined],
    ['just words\n', undefined],
  ];
  for (const [text, kind] of cases) assert.equal(kindFromContent(text), kind, JSON.stringify(text));
});

test('stdin standing for a file that the walk also finds is linted once, from the stdin text', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-stdin-'));
  writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine:3.20\nUSER 10001\n');
  const r = await run(['.', '-', '--stdin-filename', 'Dockerfile', '--format', 'json'], {
    cwd: dir,
    stdin: 'FROM node:latest\nUSER 10001\n',
  });
  const results = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
  assert.equal(results.length, 1);
  assert.deepEqual(results[0]!.messages.map((m) => `${m.line} ${m.ruleId}`), ['1 latest-image-tag']);
});
