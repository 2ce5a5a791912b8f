/**
 * The meta-test: every rule is a complete folder (rule.ts, docs.md, fixtures that fire and fixtures
 * that stay silent), the registry matches the folders, ids and aliases are unique, messages follow
 * the house style.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../rules/index.js';
import { listFixtures } from '../src/testing/fixture-harness.js';
import { repoRoot } from './helpers.js';

const KINDS = ['dockerfile', 'compose', 'project'] as const;

test('the registry lists exactly the rule folders, sorted by id', () => {
  const folders = KINDS.flatMap((k) =>
    existsSync(join(repoRoot, 'rules', k))
      ? readdirSync(join(repoRoot, 'rules', k), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `${k}/${d.name}`)
      : [],
  ).sort();
  const registered = rules.map((r) => `${r.meta.kind}/${r.meta.id}`).sort();
  assert.deepEqual(registered, folders);
  const ids = rules.map((r) => r.meta.id);
  assert.deepEqual(ids, [...ids].sort(), 'rules/index.ts is sorted by id');
});

test('ids and aliases are unique, ids are kebab-case', () => {
  const seen = new Map<string, string>();
  for (const r of rules) {
    assert.match(r.meta.id, /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, r.meta.id);
    for (const code of [r.meta.id, ...r.meta.aliases.map((a) => a.code)]) {
      const key = code.toLowerCase();
      assert.ok(!seen.has(key), `${code} is claimed by ${seen.get(key)} and ${r.meta.id}`);
      seen.set(key, r.meta.id);
    }
  }
});

for (const rule of rules) {
  const { meta } = rule;
  const dir = join(repoRoot, 'rules', meta.kind, meta.id);
  test(`rule ${meta.id} is complete`, () => {
    assert.ok(existsSync(join(dir, 'rule.ts')), 'rule.ts');
    const docsPath = join(dir, 'docs.md');
    assert.ok(existsSync(docsPath), 'docs.md');
    const docs = readFileSync(docsPath, 'utf8');
    assert.match(docs, new RegExp(`^# ${meta.id}\\b`, 'm'), 'docs.md starts with "# <id>"');
    assert.match(docs, /^## Why/m, 'docs.md has a "## Why" section');
    assert.match(docs, /^## Examples/m, 'docs.md has a "## Examples" section');
    const fixtures = listFixtures(dir);
    assert.ok(fixtures.some((f) => f.valid), 'a fixture that must stay silent (fixtures/valid*)');
    assert.ok(fixtures.some((f) => !f.valid), 'a fixture that must fire (fixtures/invalid*)');
    assert.ok(meta.summary.length > 10 && !meta.summary.endsWith('.'), 'summary: one line, no trailing period');
    for (const [id, text] of Object.entries(meta.messages as Record<string, string>)) {
      assert.match(id, /^[a-z][a-zA-Z0-9]*$/, `messageId ${id} is camelCase`);
      assert.ok(!/\.\s*$/.test(text), `message ${id} has no trailing period`);
      const source = readFileSync(join(dir, 'rule.ts'), 'utf8');
      assert.ok(source.includes(`'${id}'`), `message ${id} is used (as messageId: '${id}')`);
    }
    // The engine keeps yaml's document only for rules that say they read it (else it parses the
    // file again on each read): the flag must match the code.
    const reads = /\.document\b/.test(readFileSync(join(dir, 'rule.ts'), 'utf8'));
    assert.equal(meta.readsYamlDocument === true, reads, 'meta.readsYamlDocument is set exactly when rule.ts reads `.document`');
  });
}
