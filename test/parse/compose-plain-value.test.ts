import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCompose } from '../../src/parse/compose/parse.js';
import { toPlainValue } from '../../src/parse/compose/plain-value.js';

const parse = (text: string) => parseCompose('/p/compose.yaml', text, { variables: new Map() });

test('an alias takes the last node before it with its anchor, as yaml resolves it', () => {
  const text = [
    'x-a: &a one',
    'x-b: *a',
    'x-c: &a [two]',
    'x-d: *a',
    'x-e: &m {k: &a three}',
    'x-f: *a',
    'x-g: *m',
    '*a : key-from-alias',
    '',
  ].join('\n');
  const file = parse(text);
  assert.deepEqual(file.yamlErrors, []);
  assert.equal(JSON.stringify(toPlainValue(file.root)), JSON.stringify(file.document.toJS()));
  assert.equal(
    JSON.stringify(toPlainValue(file.root)),
    '{"x-a":"one","x-b":"one","x-c":["two"],"x-d":["two"],"x-e":{"k":"three"},"x-f":"three","x-g":{"k":"three"},"three":"key-from-alias"}',
  );
});

test('mappings become objects without a prototype, except where `__proto__` is a key', () => {
  const file = parse('services:\n  web:\n    image: nginx\n    constructor: 1\nx-odd:\n  __proto__: {image: leaked}\n');
  const value = toPlainValue(file.root) as Record<string, any>;
  assert.equal(Object.getPrototypeOf(value), null);
  assert.equal(Object.getPrototypeOf(value.services.web), null);
  assert.deepEqual(Object.keys(value.services.web), ['image', 'constructor']);
  assert.equal(value.services.web.toString, undefined);
  // An ordinary object takes the value as its prototype: the key is not its own.
  assert.deepEqual(Object.keys(value['x-odd']), []);
  assert.equal(value['x-odd'].image, 'leaked');
});
