import { test } from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import vm from 'node:vm';
import { fullCollection, HEAP_GROWING_PERCENT, tightenHeapGrowth } from '../../src/engine/heap-growth.js';

test('tightenHeapGrowth sets the growing factor for the run, then puts V8 back to its dynamic default', () => {
  const set: string[] = [];
  const restore = tightenHeapGrowth(HEAP_GROWING_PERCENT, (f) => set.push(f), ['--enable-source-maps']);
  assert.deepEqual(set, ['--heap-growing-percent=50']);
  restore();
  assert.deepEqual(set, ['--heap-growing-percent=50', '--heap-growing-percent=0']);
});

test('tightenHeapGrowth leaves a factor the user chose alone', () => {
  for (const flags of [['--heap-growing-percent=80'], ['--heap_growing_percent=80'], ['--heap-growing-percent', '80']]) {
    const set: string[] = [];
    tightenHeapGrowth(HEAP_GROWING_PERCENT, (f) => set.push(f), flags)();
    assert.deepEqual(set, [], flags.join(' '));
  }
});

test('fullCollection frees garbage without --expose-gc and leaves no gc global behind', () => {
  assert.equal(typeof (globalThis as { gc?: unknown }).gc, 'undefined', 'the test must run without --expose-gc');
  fullCollection();
  const before = v8.getHeapStatistics().used_heap_size;
  // ~40 MB of objects that survive into the old generation, then become garbage.
  let junk: { i: number; s: string }[][] | undefined = [];
  for (let k = 0; k < 20; k++) junk.push(Array.from({ length: 40_000 }, (_, i) => ({ i, s: `item ${k} ${i}` })));
  const full = v8.getHeapStatistics().used_heap_size;
  assert.ok(full - before > 20 * 2 ** 20, `allocated ${(full - before) / 2 ** 20} MB`);
  junk = undefined;
  fullCollection();
  const after = v8.getHeapStatistics().used_heap_size;
  assert.ok(after - before < 5 * 2 ** 20, `left ${(after - before) / 2 ** 20} MB`);
  assert.equal(vm.runInNewContext('typeof gc'), 'undefined');
  assert.equal(typeof (globalThis as { gc?: unknown }).gc, 'undefined');
});
