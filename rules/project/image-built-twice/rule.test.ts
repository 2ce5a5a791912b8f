import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../src/engine/lint.js';
import { memoryFileSystem } from '../../../src/project/fs.js';
import { singleRuleConfig } from '../../../src/testing/fixture-harness.js';
import rule from './rule.js';

async function messages(yaml: string, path = '/p/My Project/compose.yaml'): Promise<string[]> {
  const out = await lint({ cwd: '/p', paths: [path], config: singleRuleConfig(rule), fs: memoryFileSystem({ [path]: yaml }), env: {} });
  assert.deepEqual([...out.errors, ...out.internalErrors], []);
  return out.results.flatMap((r) => r.findings.map((f) => `${f.location.start.line}:${f.location.start.column} ${f.message}`));
}

test('the suggested name follows Compose: the folder name, lower-cased, without other characters', async () => {
  const found = await messages('services:\n  a:\n    build: .\n  b:\n    build: .\n');
  assert.equal(found.length, 1);
  assert.match(found[0]!, /^5:12 .*`image: myproject-a`/);
});

test('a later service with its own image name still builds again; two explicit names do not', async () => {
  assert.deepEqual((await messages('services:\n  a:\n    build: .\n  b:\n    build: .\n    image: x/b\n')).map((m) => m.slice(0, 4)), ['5:12']);
  assert.deepEqual(await messages('services:\n  a:\n    build: .\n    image: x/a\n  b:\n    build: .\n    image: x/b\n'), []);
});

test('args given in another order are the same build', async () => {
  const yaml = 'services:\n  a:\n    build:\n      context: .\n      args: [A=1, B=2]\n  b:\n    build:\n      context: .\n      args:\n        B: "2"\n        A: "1"\n';
  assert.deepEqual((await messages(yaml)).map((m) => m.slice(0, 4)), ['8:16']);
});
