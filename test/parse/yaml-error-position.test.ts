import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCompose } from '../../src/parse/compose/parse.js';

const errorsOf = (text: string) =>
  parseCompose('/p/compose.yaml', text, { variables: new Map() }).yamlErrors.map((e) => [e.range.start, e.range.end, e.message]);

test('an unclosed quote is reported at the opening quote, not at the end of the file', () => {
  const text = 'services:\n  web:\n    image: "nginx:1.27\n';
  assert.deepEqual(errorsOf(text), [[text.indexOf('"'), text.indexOf('"') + 1, 'the quote `"` opened here is never closed']]);
});

test('an unclosed flow sequence is reported at its `[`', () => {
  const text = 'services:\n  web:\n    environment: [A=1, [B], C=2\n';
  assert.deepEqual(errorsOf(text), [[text.indexOf('['), text.indexOf('[') + 1, 'the bracket `[` opened here is never closed']]);
});

test('other syntax errors keep the position yaml gives', () => {
  const text = 'services:\n  web:\n\timage: nginx\n';
  const [err] = errorsOf(text);
  assert.equal(err![0], text.indexOf('\t'));
});
