/**
 * No hangs: long adversarial inputs on the hot paths of the parsers and rules must cost time
 * linear in their size. Each case is linted at n and 4n; CPU time (not wall time: the machine
 * is shared) may grow at most 8× (linear is 4×) plus a constant, and stay under a generous cap.
 * Cases still quadratic today run as `todo`: they report without failing the suite.
 * `node bench/adversarial.mjs` prints the same cases at larger sizes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintTexts, violations, type MemFile } from './harness.js';
import { ADVERSARIAL } from './adversarial.js';

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

async function timed(file: MemFile): Promise<number> {
  const t0 = cpuMs();
  const outcome = await lintTexts([file]);
  const ms = cpuMs() - t0;
  assert.deepEqual(violations(outcome, [file]), []);
  return ms;
}

await lintTexts([{ name: 'Dockerfile', text: 'FROM alpine:3.20\nRUN true\n' }]);

for (const c of ADVERSARIAL) {
  test(`linear time: ${c.name}`, c.quadratic ? { todo: c.quadratic } : {}, async () => {
    // Known-quadratic cases run small, so they report without slowing the suite down.
    const size = c.quadratic ? c.size / 4 : c.size;
    const small = await timed(c.make(size));
    const large = await timed(c.make(4 * size));
    assert.ok(large <= 8 * small + 250, `${size} → ${small.toFixed(0)} ms CPU, ${4 * size} → ${large.toFixed(0)} ms CPU`);
    assert.ok(large < 20000, `${large.toFixed(0)} ms CPU`);
  });
}
