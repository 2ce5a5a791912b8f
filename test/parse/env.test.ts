import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEnvFile } from '../../src/parse/env/parse.js';

test('env file: keys, values and exact ranges', () => {
  const text = [
    '# comment',
    '',
    'A=1',
    'export B = two words # note',
    "C='lit $A \\n'",
    'D="x\\ty${A}\\$A"',
    'E="multi',
    'line"  # trailing',
    'F: yaml-style',
    'G=',
    'H=a#b',
    'I=$A-$B',
    '',
  ].join('\n');
  const f = parseEnvFile('.env', text);
  assert.deepEqual(f.problems, []);
  assert.deepEqual(
    f.entries.map((e) => [e.key, e.value, text.slice(e.keyRange.start, e.keyRange.end), text.slice(e.valueRange.start, e.valueRange.end)]),
    [
      ['A', '1', 'A', '1'],
      ['B', 'two words', 'B', 'two words'],
      ['C', 'lit $A \\n', 'C', "'lit $A \\n'"],
      ['D', 'x\ty1$A', 'D', '"x\\ty${A}\\$A"'],
      ['E', 'multi\nline', 'E', '"multi\nline"'],
      ['F', 'yaml-style', 'F', 'yaml-style'],
      ['G', '', 'G', ''],
      ['H', 'a#b', 'H', 'a#b'],
      ['I', '1-two words', 'I', '$A-$B'],
    ],
  );
  assert.deepEqual(f.entries[0]!.keyRange, { path: '.env', start: 11, end: 12 });
  assert.deepEqual(f.entries[0]!.valueRange, { path: '.env', start: 13, end: 14 });
});

test('env file: problems with ranges', () => {
  const text = 'GOOD=1\nBAD KEY!=1\nR=2\nQ="open\n';
  const f = parseEnvFile('.env', text);
  assert.deepEqual(
    f.problems.map((p) => [text.slice(p.range.start, p.range.end), p.message]),
    [
      ['!', 'unexpected character "!" in variable name "BAD KEY!"'],
      ['"open', 'unterminated quoted value for Q'],
    ],
  );
  assert.deepEqual(f.entries.map((e) => e.key), ['GOOD', 'R']);
  // Like Compose, an opening quote runs to the next matching quote, even lines later.
  const m = parseEnvFile('.env', 'Q="open\nR=2\nS="x"\n');
  assert.deepEqual(m.entries.map((e) => [e.key, e.value]), [['Q', 'open\nR=2\nS=']]);
  assert.equal(m.problems[0]!.message, 'unexpected text after the closing quote of Q');
  const g = parseEnvFile('.env', '=x\nS="a" junk\nT=${T\nU\n', { lookup: (k) => (k === 'U' ? 'from-env' : undefined) });
  assert.deepEqual(
    g.problems.map((p) => [p.range.start, p.range.end, p.message.slice(0, 30)]),
    [
      [0, 1, 'missing variable name before "'],
      [9, 13, 'unexpected text after the clos'],
      [16, 19, 'invalid interpolation format: '],
    ],
  );
  assert.deepEqual(g.entries.map((e) => [e.key, e.value]), [['S', 'a'], ['T', '${T'], ['U', 'from-env']]);
});

test('env file: CRLF line endings and BOM', () => {
  const f = parseEnvFile('.env', '\uFEFFA=1\r\nB="2"\r\n');
  assert.deepEqual(f.entries.map((e) => [e.key, e.value, e.valueRange.start, e.valueRange.end]), [['A', '1', 3, 4], ['B', '2', 8, 11]]);
});

// Compose's dotenv skips blanks after `=` before it looks for ` #`, so a comment written where the
// value should be becomes the value; the parser must agree (env-file-syntax reports the line).
test('env file: `KEY= # comment` takes the comment as its value, as Compose does', () => {
  const text = 'A= # note\nB=  #x\nC=\nD=v # real comment\n';
  const file = parseEnvFile('/p/.env', text);
  assert.deepEqual(
    file.entries.map((e) => [e.key, e.value, text.slice(e.valueRange.start, e.valueRange.end)]),
    [
      ['A', '# note', '# note'],
      ['B', '#x', '#x'],
      ['C', '', ''],
      ['D', 'v', 'v'],
    ],
  );
  assert.deepEqual(file.problems, []);
});
