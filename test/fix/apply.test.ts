import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, applyFixPass, candidateFixes, fixLoop, MAX_FIX_PASSES, OverlayFileSystem } from '../../src/engine/fix.js';
import { memoryFileSystem } from '../../src/project/fs.js';
import type { Edit, FileResult, Finding, Fix } from '../../src/engine/types.js';

const P = '/p/compose.yaml';
const edit = (start: number, end: number, text: string, path = P): Edit => ({ path, start, end, text });
const fix = (edits: Edit[], safety: 'safe' | 'unsafe' = 'safe', title = 't'): Fix => ({ title, safety, edits });
const finding = (f: Fix | undefined, extra: Partial<Finding> = {}): Finding => ({
  ruleId: 'r',
  severity: 'warning',
  messageId: 'm',
  message: 'm',
  location: { path: P, start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
  ...(f ? { fix: f } : {}),
  ...extra,
});

test('applyEdits applies sorted edits, an insertion before a replacement at the same offset', () => {
  assert.equal(applyEdits('abcdef', [edit(4, 6, 'XY'), edit(0, 0, '>'), edit(2, 2, '['), edit(2, 3, 'C')]), '>ab[CdXY');
});

test('a pass takes fixes in order and defers those overlapping an earlier one', () => {
  const a = fix([edit(0, 3, 'AAA')], 'safe', 'a');
  const b = fix([edit(2, 4, 'BB')], 'safe', 'b');
  const c = fix([edit(5, 5, '!')], 'safe', 'c');
  const d = fix([edit(5, 5, '?')], 'safe', 'd');
  const e = fix([edit(3, 3, '|')], 'safe', 'e');
  const pass = applyFixPass(() => 'abcdefg', [a, b, c, d, e]);
  assert.deepEqual(pass.applied.map((f) => f.title), ['a', 'c', 'e']);
  assert.deepEqual(pass.deferred.map((f) => f.title), ['b', 'd']);
  assert.equal(pass.texts.get(P), 'AAA|de!fg');
});

test('a fix spanning two files is applied whole or deferred whole', () => {
  const Q = '/p/.dockerignore';
  const files: Record<string, string> = { [P]: 'abc', [Q]: 'x\n' };
  const first = fix([edit(0, 1, 'A')], 'safe', 'first');
  const both = fix([edit(1, 1, '-', P), edit(0, 1, 'y', Q)], 'safe', 'both');
  const clash = fix([edit(2, 2, '+', Q), edit(0, 1, 'Z')], 'safe', 'clash');
  const pass = applyFixPass((p) => files[p], [first, both, clash]);
  assert.deepEqual(pass.applied.map((f) => f.title), ['first', 'both']);
  assert.deepEqual(pass.deferred.map((f) => f.title), ['clash']);
  assert.deepEqual([...pass.texts], [[P, 'A-bc'], [Q, 'y\n']]);
});

test('edits out of range or overlapping within one fix make the fix invalid, never applied', () => {
  const pass = applyFixPass(() => 'abc', [fix([edit(2, 9, 'x')], 'safe', 'long'), fix([edit(0, 2, 'x'), edit(1, 3, 'y')], 'safe', 'self')]);
  assert.deepEqual(pass.invalid.map((f) => f.title), ['long', 'self']);
  assert.equal(pass.texts.size, 0);
});

test('an edit to a missing file creates it, and counts as unsafe', () => {
  const NEW = '/p/.dockerignore';
  const results: FileResult[] = [{ path: P, findings: [finding(fix([edit(0, 0, '.env\n', NEW)], 'safe'))] }];
  const exists = (p: string) => p === P;
  assert.equal(candidateFixes(results, exists, { unsafe: false }).length, 0);
  const fixes = candidateFixes(results, exists, { unsafe: true });
  const pass = applyFixPass(() => undefined, fixes);
  assert.deepEqual([...pass.texts], [[NEW, '.env\n']]);
});

test('suppressed findings, suggestions and unsafe fixes without --unsafe-fixes are not applied', () => {
  const results: FileResult[] = [
    {
      path: P,
      findings: [
        finding(fix([edit(0, 1, 'x')]), { suppressed: { by: 'inline' } }),
        finding(undefined, { suggestions: [fix([edit(0, 1, 'y')])] }),
        finding(fix([edit(1, 2, 'z')], 'unsafe')),
        finding(fix([edit(2, 3, 'w')], 'safe', 'kept')),
      ],
    },
  ];
  assert.deepEqual(candidateFixes(results, () => true, { unsafe: false }).map((f) => f.title), ['kept']);
  assert.equal(candidateFixes(results, () => true, { unsafe: true }).length, 2);
});

test('the overlay shows changed and created files, also in folder listings', () => {
  const o = new OverlayFileSystem(memoryFileSystem({ '/p/compose.yaml': 'a' }));
  o.changed.set('/p/.dockerignore', '.env\n');
  assert.equal(o.readFile('/p/.dockerignore'), '.env\n');
  assert.equal(o.kind('/p/.dockerignore'), 'file');
  assert.deepEqual(o.readDir('/p')!.map((e) => e.name).sort(), ['.dockerignore', 'compose.yaml']);
});

/** A fake linter: each `ab` pair is a finding whose fix rewrites it to `b`, the overlapping ones included. */
async function fakeLint(fs: { readFile(p: string): string | undefined }) {
  const text = fs.readFile(P)!;
  const findings: Finding[] = [];
  for (let i = text.indexOf('aa'); i !== -1; i = text.indexOf('aa', i + 1)) findings.push(finding(fix([edit(i, i + 2, 'a')])));
  return { results: [{ path: P, findings }] };
}

test('the loop re-lints between passes until no fix is left', async () => {
  const base = memoryFileSystem({ [P]: 'aaaa-x' });
  const run = await fixLoop(base, fakeLint, { unsafe: false });
  assert.deepEqual(run.files.get(P), { before: 'aaaa-x', after: 'a-x' });
  // aaaa: pass 1 takes [0,2) and [2,4) (the middle one overlaps) → aa; pass 2 → a.
  assert.equal(run.passes, 2);
  assert.equal(run.fixesApplied, 3);
  assert.deepEqual(run.outcome.results[0]!.findings, []);
});

test('the loop stops after the maximum number of passes', async () => {
  const base = memoryFileSystem({ [P]: 'a'.repeat(5000) });
  const run = await fixLoop(base, fakeLint, { unsafe: false });
  assert.equal(run.passes, MAX_FIX_PASSES);
  assert.ok(run.outcome.results[0]!.findings.length > 0);
});

test('a fix that changes nothing ends the loop instead of spinning', async () => {
  const base = memoryFileSystem({ [P]: 'abc' });
  const lintSame = async () => ({ results: [{ path: P, findings: [finding(fix([edit(0, 1, 'a')]))] }] });
  const run = await fixLoop(base, lintSame, { unsafe: false });
  assert.equal(run.files.size, 0);
  assert.equal(run.passes, 0);
});
