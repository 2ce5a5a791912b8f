import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../src/engine/lint.js';
import { memoryFileSystem } from '../../../src/project/fs.js';
import { singleRuleConfig } from '../../../src/testing/fixture-harness.js';
import rule, { isRootUser } from './rule.js';

async function findings(dockerfile: string): Promise<string[]> {
  const out = await lint({ cwd: '/p', paths: ['/p/Dockerfile'], config: singleRuleConfig(rule), fs: memoryFileSystem({ '/p/Dockerfile': dockerfile }), env: {} });
  assert.deepEqual([...out.errors, ...out.internalErrors], []);
  return out.results.flatMap((r) => r.findings.map((f) => `${f.location.start.line}:${f.location.start.column}-${f.location.end.column} ${f.messageId}`));
}

test('root is the name root or uid 0, with any group', () => {
  for (const u of ['root', '0', '00', 'root:root', '0:0', 'root:1000', '0:app']) assert.equal(isRootUser(u), true, u);
  for (const u of ['app', '1000', '1000:0', 'rooty', 'Root', '10']) assert.equal(isRootUser(u), false, u);
});

test('only the final stage counts', async () => {
  assert.deepEqual(await findings('FROM alpine:3.20 AS build\nUSER root\nFROM alpine:3.20\nUSER 1000\n'), []);
  assert.deepEqual(await findings('FROM alpine:3.20 AS build\nUSER 1000\nFROM alpine:3.20\nUSER root:root\n'), ['4:6-10 rootUser']);
});

test('a non-root USER is followed through a chain of stages', async () => {
  const text = 'FROM alpine:3.20 AS a\nUSER app\nFROM a AS b\nRUN true\nFROM b\nRUN true\n';
  assert.deepEqual(await findings(text), []);
  assert.deepEqual(await findings(text.replace('USER app', 'USER 0')), ['5:6-7 inheritsRoot']);
  assert.deepEqual(await findings(text.replace('USER app\n', '')), ['4:6-7 noUser']);
});

test('a later USER root in the final stage wins over an earlier non-root one', async () => {
  assert.deepEqual(await findings('FROM alpine:3.20\nUSER app\nRUN true\nUSER 0\n'), ['4:6-7 rootUser']);
});

test('windows and unresolved base images are skipped', async () => {
  assert.deepEqual(await findings('FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\n'), []);
  assert.deepEqual(await findings('FROM mcr.microsoft.com/dotnet/runtime:8.0-nanoserver-ltsc2022\n'), []);
  assert.deepEqual(await findings('FROM ${BASE}\n'), []);
});

test('a scratch artifact stage that nothing runs stays silent; anything with CMD/ENTRYPOINT or a real base fires', async () => {
  assert.deepEqual(await findings('FROM scratch\nCOPY a /a\n'), []);
  assert.deepEqual(await findings('FROM scratch AS s\nCOPY a /a\nFROM s\nCOPY b /b\n'), []);
  assert.deepEqual(await findings('FROM scratch\nCOPY a /a\nCMD ["/a"]\n'), ['1:6-13 noUserScratch']);
  assert.deepEqual(await findings('FROM scratch AS s\nENTRYPOINT ["/a"]\nFROM s\nCOPY b /b\n'), ['3:6-7 noUserScratch']);
  // An ordinary base brings its own CMD, which runs as root.
  assert.deepEqual(await findings('FROM alpine:3.20\nCOPY a /a\n'), ['1:6-17 noUser']);
  assert.deepEqual(await findings('FROM alpine:3.20 AS s\nFROM s\nCOPY a /a\n'), ['2:6-7 noUser']);
});
