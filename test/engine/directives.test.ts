import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AliasIndex } from '../../src/config/aliases.js';
import { applyDirectives, parseDirectives, type Directives, type ParseDirectivesOptions } from '../../src/engine/directives.js';
import { raiseCheckErrors } from '../../src/engine/severity.js';
import { SourceFile } from '../../src/parse/source.js';
import type { Finding } from '../../src/engine/types.js';
import { fakeMetas } from '../config/fake-rules.js';

const index = new AliasIndex(fakeMetas);
const PATH = '/w/Dockerfile';

function parse(text: string, kind: 'dockerfile' | 'compose', opts: ParseDirectivesOptions = {}): Directives {
  return parseDirectives(text, kind, index.resolveId, { path: PATH, ...opts });
}

/** A finding of `ruleId` at the first non-blank column of `line`. */
function at(text: string, ruleId: string, line: number): Finding {
  const src = new SourceFile(PATH, text);
  const start = src.lineStart(line) + (src.lineText(line).length - src.lineText(line).trimStart().length);
  return {
    ruleId,
    severity: 'warning',
    messageId: 'm',
    message: 'm',
    location: { path: PATH, start: src.positionAt(start), end: src.positionAt(src.lineEnd(line)) },
  };
}

/** `ruleId@line` of the findings left unsuppressed. */
function live(text: string, kind: 'dockerfile' | 'compose', findings: [string, number][], opts: ParseDirectivesOptions = {}): string[] {
  const r = applyDirectives(findings.map(([id, l]) => at(text, id, l)), parse(text, kind, opts));
  return r.findings.filter((f) => !f.suppressed).map((f) => `${f.ruleId}@${f.location.start.line}`);
}

/** Lines of the directives that silenced nothing. */
function unusedLines(text: string, kind: 'dockerfile' | 'compose', findings: [string, number][], opts: ParseDirectivesOptions = {}): number[] {
  return applyDirectives(findings.map(([id, l]) => at(text, id, l)), parse(text, kind, opts)).unused.map((d) => d.location.start.line);
}

const RUN3 = [
  'FROM debian:latest', // 1
  '# compose-lint disable-next-line apt-get-unpinned -- pinned by the base image', // 2
  'RUN apt-get update && \\', // 3
  '    apt-get install -y curl && \\', // 4
  '    rm -rf /var/lib/apt/lists/*', // 5
  'RUN apt-get install -y git', // 6
].join('\n');

test('disable-next-line covers every line of the next Dockerfile instruction (continuations)', () => {
  const findings: [string, number][] = [['apt-get-unpinned', 3], ['apt-get-unpinned', 4], ['apt-get-unpinned', 6], ['latest-image-tag', 4]];
  assert.deepEqual(live(RUN3, 'dockerfile', findings), ['apt-get-unpinned@6', 'latest-image-tag@4']);
  const d = parse(RUN3, 'dockerfile').list[0]!;
  assert.deepEqual(
    { tool: d.tool, form: d.form, scope: d.scope, lines: d.lines, all: d.all, reason: d.reason, ids: [...d.ruleIds!] },
    { tool: 'compose-lint', form: 'disable-next-line', scope: 'lines', lines: { from: 3, to: 5 }, all: false, reason: 'pinned by the base image', ids: ['apt-get-unpinned'] },
  );
  assert.deepEqual(d.location.start, { line: 2, column: 1, offset: 19 });
  assert.deepEqual(d.codes.map((c) => [c.code, c.range.start, c.range.end]), [['apt-get-unpinned', 52, 68]]);
});

test('with instruction spans from the model, heredoc-style spans are followed exactly', () => {
  const text = ['FROM a', '# hadolint ignore=DL3008', 'RUN <<EOF', 'apt-get install x', 'EOF', 'RUN y'].join('\n');
  const src = new SourceFile(PATH, text);
  const instructions = [
    { range: { start: 0, end: src.lineEnd(1) }, keyword: 'FROM' },
    { range: { start: src.lineStart(3), end: src.lineEnd(5) }, keyword: 'RUN', heredocs: [{ bodyRange: { start: src.lineStart(4), end: src.lineStart(5) } }] },
    { range: { start: src.lineStart(6), end: src.lineEnd(6) }, keyword: 'RUN' },
  ];
  assert.deepEqual(parse(text, 'dockerfile', { instructions }).list[0]!.lines, { from: 3, to: 5 });
  assert.deepEqual(live(text, 'dockerfile', [['apt-get-unpinned', 4], ['apt-get-unpinned', 6]], { instructions }), ['apt-get-unpinned@6']);
  // Without spans only continuation lines are followed.
  assert.deepEqual(parse(text, 'dockerfile').list[0]!.lines, { from: 3, to: 3 });
});

test('a # line inside a heredoc body is script text, not a directive', () => {
  const text = ['FROM a', 'RUN <<EOF', '# compose-lint disable-file', 'echo', 'EOF'].join('\n');
  const src = new SourceFile(PATH, text);
  const instructions = [
    { range: { start: 0, end: 6 }, keyword: 'FROM' },
    { range: { start: src.lineStart(2), end: text.length }, keyword: 'RUN', heredocs: [{ bodyRange: { start: src.lineStart(3), end: src.lineStart(5) } }] },
  ];
  assert.deepEqual(parse(text, 'dockerfile', { instructions }).list, []);
  assert.equal(parse(text, 'dockerfile').list.length, 1);
});

test('next-line directives skip intervening comment lines, so they can be stacked', () => {
  const text = ['# hadolint ignore=DL3007', '# compose-lint disable-next-line DL3008', 'FROM x', 'RUN y'].join('\n');
  assert.deepEqual(live(text, 'dockerfile', [['latest-image-tag', 3], ['apt-get-unpinned', 3], ['apt-get-unpinned', 4]]), ['apt-get-unpinned@4']);
});

test('a blank line breaks the link: the directive then targets the blank line', () => {
  const text = ['# compose-lint disable-next-line DL3007', '', 'FROM x'].join('\n');
  assert.deepEqual(live(text, 'dockerfile', [['latest-image-tag', 3]]), ['latest-image-tag@3']);
  assert.deepEqual(unusedLines(text, 'dockerfile', [['latest-image-tag', 3]]), [1]);
});

test('codes may be ids or aliases, comma or space separated; no code means every rule', () => {
  const text = [
    '# compose-lint disable-next-line DL3007,apt-get-unpinned  FromAsCasing',
    'FROM x AS y',
    '# compose-lint disable-next-line',
    'FROM z',
  ].join('\n');
  const findings: [string, number][] = [['latest-image-tag', 2], ['apt-get-unpinned', 2], ['from-as-casing', 2], ['stage-name-casing', 2], ['stage-name-casing', 4]];
  assert.deepEqual(live(text, 'dockerfile', findings), ['stage-name-casing@2']);
  const all = parse(text, 'dockerfile').list[1]!;
  assert.equal(all.all, true);
  assert.equal(all.ruleIds, undefined);
});

test('an alias naming several rules covers all of them', () => {
  const text = ['FROM a', '# compose-lint disable-next-line SecretsUsedInArgOrEnv', 'ENV API_TOKEN=x'].join('\n');
  assert.deepEqual(live(text, 'dockerfile', [['secret-in-env', 3], ['secret-in-arg', 3]]), []);
});

test('disable-line: same line when trailing in YAML; the next line when on its own line', () => {
  const text = [
    'services:', // 1
    '  web:', // 2
    '    image: nginx:latest # compose-lint disable-line latest-image-tag -- demo only', // 3
    '    volumes:', // 4
    '      # compose-lint disable-line volume-missing-colon', // 5
    '      - data/var/lib', // 6
    '      - more/var/lib', // 7
  ].join('\n');
  const findings: [string, number][] = [['latest-image-tag', 3], ['volume-missing-colon', 6], ['volume-missing-colon', 7]];
  assert.deepEqual(live(text, 'compose', findings), ['volume-missing-colon@7']);
  const r = applyDirectives(findings.map(([id, l]) => at(text, id, l)), parse(text, 'compose'));
  assert.deepEqual(r.findings[0]!.suppressed, {
    by: 'inline',
    directive: { path: PATH, start: { line: 3, column: 25, offset: 41 }, end: { line: 3, column: 82, offset: 98 } },
    reason: 'demo only',
  });
});

test('YAML: # inside quotes or block scalars is not a comment; trailing # needs a blank before', () => {
  const text = [
    'services:',
    '  a:',
    '    command: "echo # compose-lint disable-file"',
    "    entrypoint: 'x # compose-lint disable-file'",
    '    environment:',
    '      SCRIPT: |',
    '        # compose-lint disable-file',
    '    image: a#compose-lint disable-file',
  ].join('\n');
  assert.deepEqual(parse(text, 'compose').list, []);
});

test('YAML: comments inside flow collections and after document markers are found', () => {
  const text = ['---', 'services: { a: { ports: [', '  "80:80", # compose-lint disable-line DL3007', '] } }'].join('\n');
  const d = parse(text, 'compose').list;
  assert.deepEqual(d.map((x) => [x.form, x.lines]), [['disable-line', { from: 3, to: 3 }]]);
});

test('disable-file, with and without codes, anywhere in the file', () => {
  const text = ['services:', '  a:', '    image: x:latest', '# compose-lint disable-file DL3007'].join('\n');
  assert.deepEqual(live(text, 'compose', [['latest-image-tag', 3], ['volume-missing-colon', 3]]), ['volume-missing-colon@3']);
  const all = ['# compose-lint disable-file -- generated file', 'FROM x'].join('\n');
  const r = applyDirectives([at(all, 'latest-image-tag', 2), at(all, 'apt-get-unpinned', 2)], parse(all, 'dockerfile'));
  assert.deepEqual(r.findings.map((f) => f.suppressed?.reason), ['generated file', 'generated file']);
});

test('disable/enable ranges: last directive naming the rule decides', () => {
  const text = [
    'FROM a', // 1
    '# compose-lint disable DL3008', // 2
    'RUN apt-get install a', // 3
    '# compose-lint disable', // 4
    'RUN apt-get install b', // 5
    '# compose-lint enable apt-get-unpinned', // 6
    'RUN apt-get install c', // 7
    '# compose-lint enable', // 8
    'RUN apt-get install d', // 9
  ].join('\n');
  const findings: [string, number][] = [
    ['apt-get-unpinned', 1], ['apt-get-unpinned', 3], ['latest-image-tag', 3], ['apt-get-unpinned', 5], ['latest-image-tag', 5],
    ['apt-get-unpinned', 7], ['latest-image-tag', 7], ['apt-get-unpinned', 9], ['latest-image-tag', 9],
  ];
  assert.deepEqual(live(text, 'dockerfile', findings), ['apt-get-unpinned@1', 'latest-image-tag@3', 'apt-get-unpinned@7', 'apt-get-unpinned@9', 'latest-image-tag@9']);
  // `enable` never counts as unused; both disables silenced something.
  assert.deepEqual(unusedLines(text, 'dockerfile', findings), []);
});

test('a disable without enable runs to the end of the file', () => {
  const text = ['services:', '  # compose-lint disable volume-missing-colon', '  a:', '    volumes: [x]'].join('\n');
  assert.deepEqual(live(text, 'compose', [['volume-missing-colon', 1], ['volume-missing-colon', 4]]), ['volume-missing-colon@1']);
});

test('hadolint: ignore= (rationale after #), global ignore=, stage ignore=', () => {
  const text = [
    'FROM a AS build', // 1
    '# hadolint ignore = DL3008 , DL3007 # pinned upstream', // 2
    'RUN apt-get install x', // 3
    'RUN apt-get install y', // 4
    '# hadolint global ignore=DL3042', // 5
    '# hadolint stage ignore=FromAsCasing', // 6
    'FROM b as final', // 7
    'RUN x', // 8
    'FROM c as last', // 9
    '# hadolint shell=powershell', // 10
  ].join('\n');
  const findings: [string, number][] = [
    ['apt-get-unpinned', 3], ['apt-get-unpinned', 4], ['pip-cache-not-disabled', 1], ['from-as-casing', 7], ['from-as-casing', 8], ['from-as-casing', 9],
  ];
  assert.deepEqual(live(text, 'dockerfile', findings), ['apt-get-unpinned@4', 'from-as-casing@9']);
  const ds = parse(text, 'dockerfile').list;
  assert.deepEqual(ds.map((d) => [d.tool, d.form, d.scope, d.lines, d.reason]), [
    ['hadolint', 'ignore', 'lines', { from: 3, to: 3 }, 'pinned upstream'],
    ['hadolint', 'global ignore', 'file', undefined, undefined],
    ['hadolint', 'stage ignore', 'lines', { from: 7, to: 8 }, undefined],
  ]);
  // hadolint ignore lists DL3007 too, which silenced nothing there.
  const r = applyDirectives(findings.map(([id, l]) => at(text, id, l)), parse(text, 'dockerfile'));
  assert.deepEqual(r.unusedCodes.map((u) => [u.directive.location.start.line, u.code.code]), [[2, 'DL3007']]);
});

test('hadolint pragmas are Dockerfile-only; dclint ones compose-only', () => {
  assert.deepEqual(parse('# hadolint ignore=DL3007\nservices: {}\n', 'compose').list, []);
  assert.deepEqual(parse('# dclint disable-file\nFROM x\n', 'dockerfile').list, []);
});

test('BuildKit: check=skip at the top is file-wide; error=true is returned', () => {
  const text = ['#!/usr/bin/env docker-build', '# syntax=docker/dockerfile:1', '# check=skip=StageNameCasing,FromAsCasing;error=true', 'FROM a as B', 'FROM c'].join('\n');
  const d = parse(text, 'dockerfile');
  assert.deepEqual(d.list.map((x) => [x.tool, x.scope, [...x.ruleIds!]]), [['buildkit', 'file', ['stage-name-casing', 'from-as-casing']]]);
  assert.deepEqual(d.check, { error: true, location: { path: PATH, start: { line: 3, column: 1, offset: 57 }, end: { line: 3, column: 53, offset: 109 } } });
  assert.deepEqual(live(text, 'dockerfile', [['from-as-casing', 4], ['stage-name-casing', 4], ['latest-image-tag', 5]]), ['latest-image-tag@5']);
});

test('BuildKit: skip=all covers the BuildKit-aliased rules when the caller says which', () => {
  const text = '# check=skip=all\nFROM a as B\n';
  const findings: [string, number][] = [['from-as-casing', 2], ['latest-image-tag', 2]];
  assert.deepEqual(live(text, 'dockerfile', findings, { toolRuleIds: { buildkit: index.idsWithAliasOf('buildkit') } }), ['latest-image-tag@2']);
  assert.deepEqual(live(text, 'dockerfile', findings), []);
});

test('BuildKit: check=skip above an instruction later in the file covers that instruction', () => {
  const text = ['FROM a', '', '# check=skip=FromAsCasing', 'FROM b as c', 'FROM d as e'].join('\n');
  const d = parse(text, 'dockerfile');
  assert.equal(d.check, undefined);
  assert.deepEqual(live(text, 'dockerfile', [['from-as-casing', 4], ['from-as-casing', 5]]), ['from-as-casing@5']);
});

test('BuildKit: directives after the top block are not parser directives; malformed parts warn', () => {
  const text = ['# just a comment', '# check=error=true', 'FROM a', '# check=skip=X;error=maybe;colour=red'].join('\n');
  const d = parse(text, 'dockerfile');
  assert.equal(d.check, undefined);
  assert.deepEqual(d.problems.map((p) => [p.kind, p.tool, p.message, p.location.start.line]), [
    ['malformed', 'buildkit', 'check directive: error must be true or false, not "maybe"', 4],
    ['malformed', 'buildkit', 'check directive: unknown key "colour"; expected skip, error or experimental', 4],
    ['unknown-code', 'buildkit', 'unknown rule "X" in buildkit directive', 4],
  ]);
});

test('raiseCheckErrors lifts BuildKit-aliased findings to error under error=true', () => {
  const text = '# check=error=true\nFROM a as B\n';
  const d = parse(text, 'dockerfile');
  const out = raiseCheckErrors([at(text, 'from-as-casing', 2), at(text, 'latest-image-tag', 2)], d, index.idsWithAliasOf('buildkit'));
  assert.deepEqual(out.map((f) => f.severity), ['error', 'warning']);
  const off = raiseCheckErrors([at(text, 'from-as-casing', 2)], parse('# check=error=false\nFROM a\n', 'dockerfile'), index.idsWithAliasOf('buildkit'));
  assert.deepEqual(off.map((f) => f.severity), ['warning']);
});

test('dclint: disable-file, disable (whole file), disable-line', () => {
  const a = '# dclint disable-file\nservices:\n  x: {}\n';
  assert.deepEqual(live(a, 'compose', [['volume-missing-colon', 3], ['latest-image-tag', 3]]), []);
  assert.deepEqual(live(a, 'compose', [['volume-missing-colon', 3], ['latest-image-tag', 3]], { toolRuleIds: { dclint: index.idsWithAliasOf('dclint') } }), ['latest-image-tag@3']);
  const b = '# dclint disable service-keys-order\nservices:\n  x:\n    image: a # dclint disable-line no-volume-colon\n    volumes: [a]\n';
  assert.deepEqual(
    live(b, 'compose', [['service-keys-order', 3], ['volume-missing-colon', 4], ['volume-missing-colon', 5]]),
    ['volume-missing-colon@5'],
  );
});

test('unknown codes and unknown forms are structured warnings, never crashes', () => {
  const text = ['FROM a', '# compose-lint disable-next-line DL3007, nope-rule', 'RUN x', '# compose-lint disabel DL3007', '# hadolint ignore=SC2086,DL9999', '# hadolint ignore='].join('\n');
  const d = parse(text, 'dockerfile');
  assert.deepEqual(d.problems.map((p) => [p.kind, p.tool, p.code, p.location.start.line, p.location.start.column, p.location.end.column]), [
    ['unknown-code', 'compose-lint', 'nope-rule', 2, 42, 51],
    ['malformed', 'compose-lint', undefined, 4, 1, 30],
    ['unknown-code', 'hadolint', 'DL9999', 5, 26, 32],
    ['malformed', 'hadolint', undefined, 6, 1, 19],
  ]);
  // ShellCheck codes are open-ended and name the rule `shellcheck/SCnnnn`, so they are not unknown.
  const hadolint = d.list.find((x) => x.tool === 'hadolint')!;
  assert.deepEqual(hadolint.codes.map((c) => [c.code, [...c.ids]]), [['SC2086', ['shellcheck/SC2086']], ['DL9999', []]]);
  assert.equal(d.problems[1]!.message, 'unknown directive "compose-lint disabel"; expected one of disable-next-line, disable-line, disable-file, disable, enable');
  // The directive with an unknown code still works for its known codes.
  assert.deepEqual(live(text, 'dockerfile', [['latest-image-tag', 3]]), []);
});

test('unused directives: nothing silenced, or nothing to cover', () => {
  const text = ['FROM a', '# compose-lint disable-next-line DL3008', 'RUN x', '# compose-lint disable-file DL3042', '# compose-lint disable-next-line DL3007'].join('\n');
  assert.deepEqual(unusedLines(text, 'dockerfile', [['latest-image-tag', 1]]), [2, 4, 5]);
  assert.equal(parse(text, 'dockerfile').list[2]!.lines, undefined);
  assert.deepEqual(unusedLines(text, 'dockerfile', [['apt-get-unpinned', 3], ['pip-cache-not-disabled', 1]]), [5]);
});

test('findings already suppressed or in another file are left alone', () => {
  const text = '# compose-lint disable-file\nFROM a\n';
  const f = at(text, 'latest-image-tag', 2);
  const byConfig: Finding = { ...f, suppressed: { by: 'config' } };
  const other: Finding = { ...f, location: { ...f.location, path: '/w/other' } };
  const r = applyDirectives([byConfig, other], parse(text, 'dockerfile'));
  assert.deepEqual(r.findings.map((x) => x.suppressed), [{ by: 'config' }, undefined]);
  assert.equal(r.unused.length, 1);
});

test('CRLF files and a BOM keep exact positions', () => {
  const text = '\uFEFF# compose-lint disable-next-line DL3007\r\nFROM a\r\nFROM b\r\n';
  assert.deepEqual(live(text, 'dockerfile', [['latest-image-tag', 2], ['latest-image-tag', 3]]), ['latest-image-tag@3']);
  const y = 'a: 1 # compose-lint disable-line DL3007\r\nb: 2\r\n';
  const d = parse(y, 'compose').list[0]!;
  assert.deepEqual([d.lines, d.location.start.column, d.location.end.offset], [{ from: 1, to: 1 }, 6, 39]);
});

test('codes of disabled rules (when known) and unknown codes are not called unused', () => {
  const text = ['FROM a', '# compose-lint disable-next-line DL3008', 'RUN x', '# hadolint ignore=DL3007,DL3042', 'FROM b', '# compose-lint disable-next-line nope-rule', 'RUN z'].join('\n');
  const d = parse(text, 'dockerfile');
  const findings = [at(text, 'latest-image-tag', 5)];
  const enabled = new Set(['latest-image-tag', 'apt-get-unpinned']);
  const r = applyDirectives(findings, d, { enabledRuleIds: enabled });
  assert.deepEqual(r.unused.map((x) => x.location.start.line), [2]);
  assert.deepEqual(r.unusedCodes, []);
  const all = applyDirectives(findings, d);
  assert.deepEqual(all.unused.map((x) => x.location.start.line), [2]);
  assert.deepEqual(all.unusedCodes.map((u) => u.code.code), ['DL3042']);
  assert.deepEqual(applyDirectives(findings, d, { enabledRuleIds: new Set() }).unused, []);
});

test('only the exact word compose-lint starts a directive', () => {
  const d = parse('# compose-linter disable-file\n# compose-lint\nFROM a\n', 'dockerfile');
  assert.deepEqual(d.list, []);
  assert.deepEqual(d.problems.map((p) => [p.kind, p.location.start.line]), [['malformed', 2]]);
});
