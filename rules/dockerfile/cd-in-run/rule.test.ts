import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../src/engine/lint.js';
import { memoryFileSystem } from '../../../src/project/fs.js';
import { singleRuleConfig } from '../../../src/testing/fixture-harness.js';
import rule from './rule.js';

async function findings(run: string): Promise<string[]> {
  const text = `FROM debian:12-slim\n${run}\n`;
  const out = await lint({ cwd: '/p', paths: ['/p/Dockerfile'], config: singleRuleConfig(rule), fs: memoryFileSystem({ '/p/Dockerfile': text }), env: {} });
  assert.deepEqual([...out.errors, ...out.internalErrors], []);
  return out.results.flatMap((r) => r.findings.map((f) => `${f.location.start.line}:${f.location.start.column}`));
}

test('a cd that WORKDIR would replace is reported at the first such cd', async () => {
  assert.deepEqual(await findings('RUN cd /app && npm ci'), ['2:5']);
  assert.deepEqual(await findings('RUN npm -v; cd /app; npm ci; cd /srv'), ['2:13']);
  assert.deepEqual(await findings('RUN sudo cd /app'), ['2:10']);
});

test('scratch directories of the RUN itself are exempt', async () => {
  for (const run of [
    'RUN mkdir -p /usr/src/x && cd /usr/src/x && make',
    'RUN tar -xf app-1.0.tar.gz && cd app-1.0 && make',
    'RUN cd /opt/build && make && rm -rf /opt/build',
    'RUN cd /opt/build/sub && make && rm -rf /opt/build',
    'RUN cd /opt/build && make; cd -',
    'RUN cd /tmp && make',
    'RUN cd /var/tmp/x && make',
    'RUN cd "$(mktemp -d)" && make',
    'RUN ( cd /app && make )',
    'RUN cd',
  ]) assert.deepEqual(await findings(run), [], run);
});

test('a later rm of something else does not make the directory scratch space', async () => {
  assert.deepEqual(await findings('RUN cd /app && make && rm -rf /var/lib/apt/lists/*'), ['2:5']);
});
