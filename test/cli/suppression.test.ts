import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run, type JsonResult } from './fake-io.js';

const suppressed = (r: JsonResult) => r.suppressedMessages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);

for (const [dir, expected] of [
  ['suppress-next-line', ['2:13 latest-image-tag']],
  ['suppress-hadolint', ['2:13 latest-image-tag']],
  ['suppress-compose', ['4:18 latest-image-tag', '6:18 latest-image-tag']],
] as const) {
  test(`inline suppression silences the finding and the exit code follows (${dir})`, async () => {
    const r = await run([dir, '-f', 'json', '--fail-on', 'warning']);
    assert.equal(r.code, 0, r.stdout);
    const [res] = JSON.parse(r.stdout) as JsonResult[];
    assert.deepEqual(res!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`), []);
    assert.deepEqual(suppressed(res!), expected);
  });
}

test('the unsuppressed twin of those files fails under --fail-on warning', async () => {
  assert.equal((await run(['latest', '--fail-on', 'warning'])).code, 1);
});
