import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run, type JsonResult } from './fake-io.js';

test('`# check=skip=…;error=true` skips a build check and makes the others errors', async () => {
  const r = await run(['check-directive', '-f', 'json', '--preset', 'all']);
  const [res] = JSON.parse(r.stdout) as JsonResult[];
  const mine = (m: { ruleId: string }) => ['from-as-casing', 'expose-proto-casing'].includes(m.ruleId);
  // FromAsCasing is skipped (suppressed, not reported); ExposeProtoCasing, a warning by default, becomes an error.
  assert.deepEqual(res!.messages.filter(mine).map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.level}`), ['3:11 expose-proto-casing error']);
  assert.deepEqual(res!.suppressedMessages.filter(mine).map((m) => `${m.line}:${m.column} ${m.ruleId}`), ['2:18 from-as-casing']);
  assert.equal(r.code, 1);
});
