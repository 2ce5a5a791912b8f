import { test } from 'node:test';
import assert from 'node:assert/strict';
import { interpolate } from '../../src/parse/compose/interpolate.js';
import { parseCompose } from '../../src/parse/compose/parse.js';
import type { YScalar } from '../../src/parse/compose/model.js';

const vars = new Map([
  ['SET', 'val'],
  ['EMPTY', ''],
  ['B', 'bee'],
]);

test('interpolate: every operator, set / empty / unset', () => {
  const table: [string, string][] = [
    ['$SET', 'val'],
    ['${SET}', 'val'],
    ['${UNSET}', ''],
    ['a$SET.b', 'aval.b'],
    ['${SET:-d}', 'val'],
    ['${EMPTY:-d}', 'd'],
    ['${UNSET:-d}', 'd'],
    ['${SET-d}', 'val'],
    ['${EMPTY-d}', ''],
    ['${UNSET-d}', 'd'],
    ['${SET:+x}', 'x'],
    ['${EMPTY:+x}', ''],
    ['${UNSET:+x}', ''],
    ['${SET+x}', 'x'],
    ['${EMPTY+x}', 'x'],
    ['${UNSET+x}', ''],
    ['${SET:?msg}', 'val'],
    ['${EMPTY?msg}', ''],
    ['${UNSET:-${B:-c}}', 'bee'],
    ['${UNSET:-${NOPE:-c}}', 'c'],
    ['${UNSET:-a}${SET}', 'aval'],
    ['$$SET', '$SET'],
    ['a$$', 'a$'],
    ['${UNSET:-x:y}', 'x:y'],
  ];
  for (const [input, expected] of table) {
    const r = interpolate(input, vars);
    assert.equal(r.value, expected, input);
    assert.deepEqual(r.errors, [], input);
  }
});

test('interpolate: refs carry name, operator, span and definedness', () => {
  const r = interpolate('x${UNSET:-${B}}y$SET', vars);
  assert.deepEqual(r.refs, [
    { name: 'UNSET', operator: ':-', start: 1, end: 15, defined: false },
    { name: 'B', operator: '', start: 10, end: 14, defined: true },
    { name: 'SET', operator: '', start: 16, end: 20, defined: true },
  ]);
  // Literal characters and default text keep their origin; variable values do not.
  assert.equal(r.value, 'xbeeyval');
  assert.deepEqual(r.origin, [0, -1, -1, -1, 15, -1, -1, -1]);
});

test('interpolate: a `$` that starts neither a name nor `{` is kept as written, as Compose does', () => {
  for (const input of ['x$1', 'x$', 'sh -c "echo $(date)"']) {
    const r = interpolate(input, vars);
    assert.deepEqual(r.errors, [], input);
    assert.equal(r.value, input, input);
  }
});

test('interpolate: errors with spans', () => {
  const cases: [string, number, number, RegExp][] = [
    ['a${V', 1, 4, /never closed/],
    ['${}', 0, 3, /empty variable name/],
    ['${V:x}', 0, 6, /unknown operator/],
    ['${1A}', 0, 5, /does not start with a variable name/],
    ['${UNSET:?need it}', 0, 17, /^required variable UNSET is missing a value: need it$/],
    ['${EMPTY:?}', 0, 10, /required variable EMPTY/],
    ['${UNSET?m}', 0, 10, /required variable UNSET is missing a value: m/],
  ];
  for (const [input, start, end, message] of cases) {
    const r = interpolate(input, vars);
    assert.equal(r.errors.length, 1, input);
    assert.equal(r.errors[0]!.start, start, input);
    assert.equal(r.errors[0]!.end, end, input);
    assert.match(r.errors[0]!.message, message, input);
  }
});

function scalarAt(text: string, key: string, variables = vars): YScalar {
  const f = parseCompose('c.yaml', text, { variables });
  const node = f.root!.get(key)!;
  assert.equal(node.kind, 'scalar');
  return node as YScalar;
}

test('VarRef ranges point at the source in every scalar style', () => {
  const text = [
    'plain: a ${SET} b',
    "single: 'it''s ${SET:-x}'",
    'double: "t\\tq\\"${B}\\u00e9$SET"',
    'folded: >',
    '  first',
    '  ${UNSET-d} end',
    'literal: |',
    '  one',
    '    $B',
    'multi: plain',
    '  next ${SET}',
    '',
  ].join('\n');
  const f = parseCompose('c.yaml', text, { variables: vars });
  assert.deepEqual(f.yamlErrors, []);
  const got = f.varRefs.map((v) => [v.name, text.slice(v.range.start, v.range.end), v.range.start]);
  const ix = (s: string): number => text.indexOf(s);
  assert.deepEqual(got, [
    ['SET', '${SET}', 9],
    ['SET', '${SET:-x}', ix('${SET:-x}')],
    ['B', '${B}', ix('${B}')],
    ['SET', '$SET', ix('$SET"')],
    ['UNSET', '${UNSET-d}', ix('${UNSET-d}')],
    ['B', '$B', ix('$B\n')],
    ['SET', '${SET}', text.lastIndexOf('${SET}')],
  ]);
  const dbl = f.root!.get('double') as YScalar;
  assert.equal(dbl.raw, 't\tq"${B}é$SET');
  assert.equal(dbl.value, 't\tq"beeéval');
  assert.equal(dbl.style, 'double');
  assert.equal((f.root!.get('folded') as YScalar).value, 'first d end\n');
  assert.equal((f.root!.get('literal') as YScalar).value, 'one\n  bee\n');
  assert.equal((f.root!.get('multi') as YScalar).value, 'plain next val');
});

test('interpolation errors are mapped to the source and keys are not interpolated', () => {
  const text = 'svc:\n  $KEY: "x ${V"\n  ok: "${NEED:?set NEED}"\n';
  const f = parseCompose('c.yaml', text, { variables: new Map() });
  const svc = f.root!.get('svc');
  assert.equal(svc?.kind, 'map');
  if (svc?.kind !== 'map') return;
  assert.deepEqual(svc.entries.map((e) => e.key), ['$KEY', 'ok']);
  const bad = svc.get('$KEY') as YScalar;
  assert.equal(bad.interpolationErrors.length, 1);
  assert.deepEqual(bad.interpolationErrors[0]!.range, { path: 'c.yaml', start: 16, end: 19 });
  const need = svc.get('ok') as YScalar;
  assert.equal(need.interpolationErrors[0]!.message, 'required variable NEED is missing a value: set NEED');
  assert.equal(text.slice(need.interpolationErrors[0]!.range.start, need.interpolationErrors[0]!.range.end), '${NEED:?set NEED}');
  assert.deepEqual(f.varRefs.map((v) => [v.name, v.operator, v.defined]), [['NEED', ':?', false]]);
});

test('non-string scalars are not interpolated and keep their YAML type', () => {
  const s = scalarAt('n: 8080\n', 'n');
  assert.equal(s.value, 8080);
  assert.equal(s.raw, 8080);
  const b = scalarAt('b: true\n', 'b');
  assert.equal(b.value, true);
  const z = scalarAt('z:\n', 'z');
  assert.equal(z.value, null);
});

test('VarRef ranges survive CRLF line breaks in multi-line scalars', () => {
  const text = 'a: "x\r\n  ${A}"\r\nb: |\r\n  l1\r\n  $B\r\nc: >\r\n  f\r\n  $C\r\n';
  const f = parseCompose('c.yaml', text, { variables: new Map([['A', '1']]) });
  assert.deepEqual(f.yamlErrors, []);
  assert.deepEqual(
    f.varRefs.map((v) => [v.name, v.range.start, v.range.end]),
    [['A', 9, 13], ['B', 30, 32], ['C', 47, 49]],
  );
  assert.equal((f.root!.get('a') as YScalar).value, 'x 1');
});
