import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { text, stripAnsi, frame } from '../../src/report/text.js';
import { SourceFile } from '../../src/parse/source.js';
import type { Finding } from '../../src/engine/types.js';
import { ctx, sampleResults, dockerfile, at } from './sample.js';
import { fixturesDir } from '../helpers.js';

test('text shows each finding with its line, a caret under the range, hints and the docs link', () => {
  const expected = readFileSync(join(fixturesDir, 'report', 'sample.text.txt'), 'utf8');
  assert.equal(text(sampleResults(), ctx), expected);
});

test('text prints nothing when nothing is left after suppressions', () => {
  assert.equal(text([], ctx), '');
  const onlySuppressed = sampleResults().map((r) => ({ ...r, findings: r.findings.filter((f) => f.suppressed) }));
  assert.equal(text(onlySuppressed, ctx), '');
  assert.equal(text(onlySuppressed, { ...ctx, color: true }), '');
});

test('text without colour never emits escape sequences, even from message or file text', () => {
  const src = new SourceFile('/proj/Dockerfile', 'FROM \u001b[31malpine\n');
  const results = [
    {
      path: src.path,
      text: src.text,
      findings: [{ ruleId: 'x', severity: 'warning' as const, messageId: 'm', message: 'bad \u001b[31mred\u001b[39m word', location: at(src, 'FROM') }],
    },
  ];
  const out = text(results, ctx);
  assert.doesNotMatch(out, /\u001b/);
  assert.equal(out.split('\n')[0], 'Dockerfile:1:1: warning bad red word [x]');
  assert.equal(out.split('\n')[1], ' 1 | FROM \ufffd[31malpine');
});

test('text with colour is the same report, coloured', () => {
  const out = text(sampleResults(), { ...ctx, color: true });
  assert.match(out, /\u001b\[31merror\u001b\[39m/);
  assert.equal(stripAnsi(out), text(sampleResults(), ctx));
});

const f = (src: SourceFile, start: number, end: number): Finding => ({
  ruleId: 'x',
  severity: 'error',
  messageId: 'm',
  message: 'm',
  location: { path: src.path, start: src.positionAt(start), end: src.positionAt(end) },
});

test('frame: tabs kept in the caret indent, multi-line ranges drawn to the line end, empty ranges one caret', () => {
  const src = new SourceFile('/p/Dockerfile', 'RUN\tapt-get \\\n  install x\n');
  assert.deepEqual(frame(src, f(src, 4, 11)), { line: 'RUN\tapt-get \\', carets: '   \t^^^^^^^' });
  assert.deepEqual(frame(src, f(src, 4, 20)), { line: 'RUN\tapt-get \\', carets: '   \t^^^^^^^^^' });
  assert.deepEqual(frame(src, f(src, 0, 0)), { line: 'RUN\tapt-get \\', carets: '^' });
  // A range at the end of a line (an insertion point) still gets its caret.
  assert.deepEqual(frame(src, f(src, 13, 13)), { line: 'RUN\tapt-get \\', carets: '   \t         ^' });
});

test('frame: a very long line is cut around the range', () => {
  const line = 'x'.repeat(300) + 'TARGET' + 'y'.repeat(300);
  const src = new SourceFile('/p/Dockerfile', `RUN ${line}\n`);
  const fr = frame(src, f(src, 304, 310))!;
  assert.ok(fr.line.length <= 162);
  assert.equal(fr.line.slice(fr.carets.indexOf('^'), fr.carets.length), 'TARGET');
});

test('dockerfile sample positions are what the sample says', () => {
  assert.equal(at(dockerfile, 'ADD').start.line, 2);
});
