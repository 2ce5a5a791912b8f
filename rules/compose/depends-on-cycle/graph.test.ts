import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCycles, type Edge } from './graph.js';

const edge = (from: number, to: number, start: number): Edge => ({ from, to, range: { path: 'c.yaml', start, end: start + 1 }, via: 'depends_on' });
const names = (cycles: Edge[][]) => cycles.map((c) => c.map((e) => `${e.from}>${e.to}`).join(' '));

test('every elementary cycle is found once, from its lowest service', () => {
  const edges = [edge(0, 1, 10), edge(1, 0, 20), edge(1, 2, 30), edge(2, 0, 40), edge(2, 2, 50)];
  assert.deepEqual(names(findCycles(3, edges)), ['0>1 1>0', '0>1 1>2 2>0', '2>2']);
});

test('parallel edges count once, keeping the one written first', () => {
  const cycles = findCycles(2, [edge(0, 1, 30), edge(0, 1, 5), edge(1, 0, 40)]);
  assert.equal(cycles.length, 1);
  assert.equal(cycles[0]![0]!.range.start, 5);
});

test('the number of cycles reported is bounded', () => {
  // A complete graph on 8 services has thousands of elementary cycles.
  const edges: Edge[] = [];
  for (let a = 0; a < 8; a++) for (let b = 0; b < 8; b++) if (a !== b) edges.push(edge(a, b, a * 10 + b));
  assert.equal(findCycles(8, edges, 25).length, 25);
});
