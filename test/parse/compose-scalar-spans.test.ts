import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapScalarOffsets, scalarSpans, sourceSpan, verbatimStart, type ScalarStyle } from '../../src/parse/compose/scalar-source.js';

/** Every (i, j) up to two past the end: the shortcut must agree with the offset map everywhere. */
function agree(text: string, start: number, end: number, style: ScalarStyle, value: string): void {
  const spans = scalarSpans(text, start, end, style, value);
  const map = mapScalarOffsets(text, start, end, style, value);
  for (let i = 0; i <= value.length + 2; i++) {
    for (let j = 0; j <= value.length + 2; j++) {
      assert.deepEqual(spans(i, j), sourceSpan(map, i, j, end), `${JSON.stringify(text.slice(start, end))} [${i}, ${j})`);
    }
  }
}

test('a scalar written as its value maps part i..j to the same distance in the source', () => {
  const text = 'image: nginx:1.25\nb: "ab${X}c"\nc: \'it\'\'s\'\nd: "a\\tb"\ne: >\n  folded\n  text\nf: two\n  lines\ng: ""\n';
  const plainStart = text.indexOf('nginx');
  assert.equal(verbatimStart(text, plainStart, plainStart + 10, 'plain', 'nginx:1.25'), plainStart);
  assert.deepEqual(scalarSpans(text, plainStart, plainStart + 10, 'plain', 'nginx:1.25')(6, 10), [plainStart + 6, plainStart + 10]);
  agree(text, plainStart, plainStart + 10, 'plain', 'nginx:1.25');

  const dq = text.indexOf('"ab');
  assert.equal(verbatimStart(text, dq, dq + 9, 'double', 'ab${X}c'), dq + 1);
  agree(text, dq, dq + 9, 'double', 'ab${X}c');

  // Escapes and folding change the text: no shortcut, the offset map decides.
  const sq = text.indexOf("'it");
  assert.equal(verbatimStart(text, sq, sq + 7, 'single', "it's"), undefined);
  agree(text, sq, sq + 7, 'single', "it's");
  const esc = text.indexOf('"a\\t');
  assert.equal(verbatimStart(text, esc, esc + 6, 'double', 'a\tb'), undefined);
  agree(text, esc, esc + 6, 'double', 'a\tb');
  const folded = text.indexOf('>');
  agree(text, folded, text.indexOf('f: two'), 'block', 'folded text\n');
  const multi = text.indexOf('two');
  assert.equal(verbatimStart(text, multi, multi + 11, 'plain', 'two lines'), undefined);
  agree(text, multi, multi + 11, 'plain', 'two lines');

  // Empty values: an empty span at the end of the scalar.
  const empty = text.indexOf('""');
  assert.deepEqual(scalarSpans(text, empty, empty + 2, 'double', '')(0, 0), [empty + 2, empty + 2]);
  agree(text, empty, empty + 2, 'double', '');
});
