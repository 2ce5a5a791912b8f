/**
 * The ordering rules' fixes move lines: applied to each invalid fixture, the result must parse,
 * keep every comment line, and hold the same data (only the order of items may change).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { rulesById } from '../../../src/engine/registry.js';
import { fixFixture, listFixtures } from '../../../src/testing/fixture-harness.js';
import { reorderEdit } from '../../../src/analysis/yaml-reorder.js';
import { repoRoot } from '../../../test/helpers.js';

const ORDERING = ['services-not-sorted', 'depends-on-not-sorted', 'ports-not-sorted', 'service-keys-not-ordered', 'top-level-keys-not-ordered'];

/** The data with mapping keys sorted and sequences sorted, so only content is compared. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

const comments = (text: string): string[] => text.split('\n').filter((l) => /^\s*#/.test(l) || / #/.test(l)).map((l) => l.trim()).sort();

for (const id of ORDERING) {
  test(`${id}: fixes keep comments and data`, async () => {
    const rule = rulesById.get(id);
    assert.ok(rule, id);
    const fixtures = listFixtures(join(repoRoot, 'rules', 'compose', id)).filter((f) => !f.valid);
    assert.ok(fixtures.length > 0);
    let changed = 0;
    for (const fixture of fixtures) {
      const { run } = await fixFixture(rule, fixture);
      for (const { before, after } of run.files.values()) {
        if (before === undefined) continue;
        changed++;
        assert.notEqual(after, before);
        const doc = parseDocument(after, { merge: true, uniqueKeys: false });
        assert.deepEqual(doc.errors, []);
        assert.deepEqual(comments(after), comments(before));
        const old = parseDocument(before, { merge: true, uniqueKeys: false });
        assert.deepEqual(canonical(doc.toJS()), canonical(old.toJS()));
      }
    }
    assert.ok(changed > 0, 'some fix was applied');
  });
}

test('reorderEdit: refuses a move that puts an alias above its anchor', () => {
  const text = 'b: &x 1\na: *x\n';
  const doc = parseDocument(text);
  assert.equal(reorderEdit('f.yaml', text, doc.contents, [1, 0]), undefined);
  // Told the file parses cleanly, it still parses the whole text when anchors move.
  assert.equal(reorderEdit('f.yaml', text, doc.contents, [1, 0], true), undefined);
});

test('reorderEdit: of a file known to parse cleanly, the edit is the one the whole-file check gives', () => {
  // Without anchors in the moved lines only they are parsed again; with some, the whole text.
  for (const [text, out] of [
    ['services:\n  b:\n    image: b\n  # about a\n  a:\n    image: a\n', 'services:\n  # about a\n  a:\n    image: a\n  b:\n    image: b\n'],
    [
      'x: &base\n  k: 1\nservices:\n  b:\n    <<: *base\n    image: b\n  a:\n    image: a\n',
      'x: &base\n  k: 1\nservices:\n  a:\n    image: a\n  b:\n    <<: *base\n    image: b\n',
    ],
  ] as const) {
    const doc = parseDocument(text, { merge: true, uniqueKeys: false });
    const items = (doc.contents as { items: { value: unknown }[] }).items;
    const services = items[items.length - 1]!.value;
    const checked = reorderEdit('f.yaml', text, services, [1, 0], true);
    assert.ok(checked);
    assert.deepEqual(checked, reorderEdit('f.yaml', text, services, [1, 0]));
    assert.equal(text.slice(0, checked.start) + checked.text + text.slice(checked.end), out);
  }
});

test('reorderEdit: deeper trailing comments stay with their item, blank lines stay in place', () => {
  const text = 'b:\n  k: 1\n  # about b\n\n# about a\na: 2\n';
  const doc = parseDocument(text);
  const edit = reorderEdit('f.yaml', text, doc.contents, [1, 0]);
  assert.ok(edit);
  const out = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  assert.equal(out, '# about a\na: 2\n\nb:\n  k: 1\n  # about b\n');
});

test('reorderEdit: flow collections are not moved', () => {
  const text = 'p: [b, a]\n';
  const doc = parseDocument(text);
  assert.equal(reorderEdit('f.yaml', text, (doc.contents as { items: { value: unknown }[] }).items[0]!.value, [1, 0]), undefined);
});
