import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCompose } from '../../src/parse/compose/parse.js';

test('a large map finds the last entry of a repeated key, as a small one does', () => {
  // 20 keys and a repeated `k3`: above the size where lookups go through an index.
  const lines = Array.from({ length: 20 }, (_, i) => `  k${i}: v${i}`);
  lines.push('  k3: last');
  const file = parseCompose('/p/compose.yaml', `environment:\n${lines.join('\n')}\nsmall:\n  a: 1\n  a: 2\n`, { variables: new Map() });
  const env = file.root!.get('environment');
  assert.equal(env?.kind, 'map');
  if (env?.kind !== 'map') return;
  const k3 = env.entry('k3');
  assert.equal(k3?.value.kind === 'scalar' ? k3.value.value : undefined, 'last');
  assert.equal(k3?.keyRange.start, file.source.text.lastIndexOf('k3: last'));
  const k19 = env.get('k19');
  assert.equal(k19?.kind === 'scalar' ? k19.value : undefined, 'v19');
  assert.equal(env.get('k20'), undefined);
  const small = file.root!.get('small');
  assert.equal(small?.kind === 'map' ? small.get('a')?.range.start : -1, file.source.text.lastIndexOf('2'));
  // The index is not an own property: the node looks the same to deep comparisons.
  assert.deepEqual(Object.keys(env), ['range', 'path', 'entries', 'kind']);
});
