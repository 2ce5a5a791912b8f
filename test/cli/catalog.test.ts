import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rules } from '../../src/engine/registry.js';
import { run } from './fake-io.js';

interface Entry {
  id: string;
  aliases: string[];
  kind: string;
  category: string;
  severity: string;
  fixable: boolean;
  summary: string;
}

test('`rules --format json` lists every registered rule with its metadata', async () => {
  const r = await run(['rules', '--format', 'json']);
  assert.equal(r.code, 0);
  const entries = JSON.parse(r.stdout) as Entry[];
  assert.deepEqual(entries.map((e) => e.id), rules.map((x) => x.meta.id));
  for (const e of entries) {
    assert.equal(typeof e.id, 'string', e.id);
    assert.ok(Array.isArray(e.aliases) && e.aliases.every((a) => typeof a === 'string'), e.id);
    assert.ok(['dockerfile', 'compose', 'project'].includes(e.kind), e.id);
    assert.ok(['correctness', 'security', 'reliability', 'best-practice', 'style'].includes(e.category), e.id);
    assert.ok(['error', 'warning', 'info'].includes(e.severity), e.id);
    assert.equal(typeof e.fixable, 'boolean', e.id);
    assert.ok(typeof e.summary === 'string' && e.summary.length > 0, e.id);
  }
  const latest = entries.find((e) => e.id === 'latest-image-tag')!;
  assert.deepEqual(
    { kind: latest.kind, severity: latest.severity, fixable: latest.fixable },
    { kind: 'project', severity: 'warning', fixable: false },
  );
  assert.ok(latest.aliases.includes('DL3007'));
});

test('`rules` prints a table with a header and one row per rule', async () => {
  const r = await run(['rules']);
  assert.equal(r.code, 0);
  const lines = r.stdout.trimEnd().split('\n');
  assert.match(lines[0]!, /^id +aliases +kind +category +severity +fix +summary$/);
  assert.equal(lines.length, rules.length + 1);
  assert.ok(lines.some((l) => /^latest-image-tag +DL3006, DL3007/.test(l)));
});
