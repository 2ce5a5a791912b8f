import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../src/engine/lint.js';
import { memoryFileSystem } from '../../../src/project/fs.js';
import { singleRuleConfig } from '../../../src/testing/fixture-harness.js';
import rule, { setsPipefail } from './rule.js';

async function findings(dockerfile: string): Promise<string[]> {
  const out = await lint({ cwd: '/p', paths: ['/p/Dockerfile'], config: singleRuleConfig(rule), fs: memoryFileSystem({ '/p/Dockerfile': dockerfile }), env: {} });
  assert.deepEqual([...out.errors, ...out.internalErrors], []);
  return out.results.flatMap((r) => r.findings.map((f) => `${f.location.start.line}:${f.location.start.column} ${f.messageId}${f.fix ? ' fix' : ''}`));
}

test('setsPipefail reads -o pipefail in any spelling', () => {
  for (const w of [['-o', 'pipefail'], ['-eo', 'pipefail'], ['-euxo', 'pipefail'], ['/bin/bash', '-o', 'pipefail', '-c']]) assert.equal(setsPipefail(w), true, w.join(' '));
  for (const w of [['-e'], ['-o', 'errexit'], ['pipefail'], ['-o'], ['+o', 'pipefail']]) assert.equal(setsPipefail(w), false, w.join(' '));
});

test('set -o pipefail counts only before the pipe', async () => {
  assert.deepEqual(await findings('FROM alpine:3.20\nRUN set -o pipefail; a | b\n'), []);
  assert.deepEqual(await findings('FROM alpine:3.20\nRUN a | b; set -o pipefail\n'), ['2:7 pipe fix']);
});

test('only the first RUN of a stage carries the SHELL fix; a stage with its own SHELL gets none', async () => {
  assert.deepEqual(await findings('FROM alpine:3.20\nRUN a | b\nRUN c | d\n'), ['2:7 pipe fix', '3:7 pipe']);
  assert.deepEqual(await findings('FROM alpine:3.20\nSHELL ["/bin/sh", "-c"]\nRUN a | b\n'), ['3:7 pipe']);
});

test('windows images and PowerShell are skipped; the pragma before FROM covers all stages', async () => {
  assert.deepEqual(await findings('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir | findstr x\n'), []);
  assert.deepEqual(await findings('FROM alpine:3.20\nSHELL ["pwsh", "-c"]\nRUN a | b\n'), []);
  assert.deepEqual(await findings('# hadolint shell=pwsh\nFROM alpine:3.20\nRUN a | b\nFROM alpine:3.20\nRUN c | d\n'), []);
});

test('a heredoc run by SHELL takes its pipefail; one fed to bash needs its own', async () => {
  assert.deepEqual(await findings('FROM alpine:3.20\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\nRUN <<EOF\na | b\nEOF\n'), []);
  assert.deepEqual(await findings('FROM alpine:3.20\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\nRUN <<EOF bash\na | b\nEOF\n'), ['4:3 pipeScript']);
  assert.deepEqual(await findings('FROM alpine:3.20\nRUN <<EOF bash\na | b\nEOF\n'), ['3:3 pipeScript']);
});
