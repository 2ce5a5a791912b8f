import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAbsoluteTarget } from './rule.js';

test('absolute container paths, Windows ones included', () => {
  for (const p of ['/data', 'C:\\data', 'c:/logs', 'D:', '\\\\server\\share']) assert.equal(isAbsoluteTarget(p), true, p);
  for (const p of ['data', 'pg/var/lib', './x', 'ro', 'C_data', 'CD:\\x']) assert.equal(isAbsoluteTarget(p), false, p);
});
