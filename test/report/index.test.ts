import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getReporter, reporters } from '../../src/report/index.js';
import { json } from '../../src/report/json.js';
import { sarif } from '../../src/report/sarif.js';
import { text } from '../../src/report/text.js';

test('getReporter knows the nine formats and nothing else', () => {
  assert.deepEqual(Object.keys(reporters).sort(), ['checkstyle', 'compact', 'github', 'gitlab', 'json', 'junit', 'pretty', 'sarif', 'text']);
  assert.equal(getReporter('text'), text);
  assert.equal(getReporter('json'), json);
  assert.equal(getReporter('sarif'), sarif);
  assert.equal(getReporter('html'), undefined);
  assert.equal(getReporter('toString'), undefined);
  assert.equal(getReporter('__proto__'), undefined);
});
