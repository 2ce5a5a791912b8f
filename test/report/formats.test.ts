/** The CI formats, each checked against what its consumer reads: a schema or the consumer's own rules. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { github } from '../../src/report/github.js';
import { compact } from '../../src/report/compact.js';
import { checkstyle } from '../../src/report/checkstyle.js';
import { junit } from '../../src/report/junit.js';
import { gitlab } from '../../src/report/gitlab.js';
import { countByRule, formatStatistics } from '../../src/report/statistics.js';
import { SourceFile } from '../../src/parse/source.js';
import type { FileResult } from '../../src/engine/types.js';
import { ctx, sampleResults, at } from './sample.js';
import { fixturesDir } from '../helpers.js';

const schemas = join(fixturesDir, 'report');
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

/** Validates XML against an XSD with xmllint (libxml2), the reference validator. */
function validateXml(xml: string, xsd: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cl-xml-'));
  try {
    writeFileSync(join(dir, 'report.xml'), xml);
    const r = spawnSync('xmllint', ['--noout', '--schema', join(schemas, xsd), join(dir, 'report.xml')], { encoding: 'utf8' });
    return r.status === 0 ? '' : r.stderr;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Tricky text: XML specials, GitHub's separators, a newline, a percent sign and a control character. */
function nastyResults(): FileResult[] {
  const src = new SourceFile('/proj/a,b:c/Dockerfile', 'FROM x\n');
  return [
    {
      path: src.path,
      text: src.text,
      findings: [
        { ruleId: 'r', severity: 'warning', messageId: 'm', message: 'a <b> & "c" \'d\' 100%\nnext \u0007line, with: colons', location: at(src, 'x') },
      ],
    },
    { path: '/proj/clean/compose.yaml', text: 'services: {}\n', findings: [] },
  ];
}

/** GitHub's runner: split `::cmd props::data` and decode as actions/toolkit does. */
function parseCommand(line: string) {
  const m = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  assert.ok(m, line);
  const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const props = Object.fromEntries(m[2]!.split(',').map((kv) => [kv.slice(0, kv.indexOf('=')), unescape(kv.slice(kv.indexOf('=') + 1))]));
  return { command: m[1], props, message: unescape(m[3]!) };
}

test('github: one workflow command per finding with exact positions', () => {
  const lines = github(sampleResults(), ctx).trimEnd().split('\n');
  assert.equal(lines.length, 4);
  assert.equal(
    lines[0],
    '::error file=Dockerfile,line=1,col=11,endLine=1,endColumn=17,title=compose-lint latest-image-tag::Image `node:latest` uses the `latest` tag, which moves under you',
  );
  assert.deepEqual(parseCommand(lines[1]!), {
    command: 'warning',
    props: { file: 'Dockerfile', line: '2', col: '1', endLine: '2', endColumn: '4', title: 'compose-lint add-instead-of-copy' },
    message: '`ADD` of a local archive extracts it\nfix: Replace `ADD` with `COPY`',
  });
  assert.equal(parseCommand(lines[2]!).command, 'notice');
  assert.equal(github([], ctx), '');
});

test('github: escaping follows the runner rules, so values round-trip', () => {
  const out = github(nastyResults(), ctx);
  assert.equal(out.split('\n').length, 2, 'a message with a newline stays on one line');
  const cmd = parseCommand(out.trimEnd());
  assert.equal(cmd.props.file, 'a,b:c/Dockerfile');
  assert.equal(cmd.message, 'a <b> & "c" \'d\' 100%\nnext \u0007line, with: colons');
});

test('compact: file:line:col: severity message [rule], one line each', () => {
  assert.equal(
    compact(sampleResults(), ctx),
    [
      'Dockerfile:1:11: error Image `node:latest` uses the `latest` tag, which moves under you [latest-image-tag]',
      'Dockerfile:2:1: warning `ADD` of a local archive extracts it [add-instead-of-copy]',
      'Dockerfile:4:5: info Add `-y` so `apt-get install` never waits for input [apt-get-without-yes]',
      'services/compose.yaml:5:9: error Volume `pg/var/lib/postgresql/data` has no colon, so it is an anonymous volume [volume-missing-colon]',
      '',
    ].join('\n'),
  );
  assert.equal(compact(nastyResults(), ctx).split('\n').length, 2);
});

test('checkstyle: valid against the checkstyle schema, escaped, suppressed findings left out', { skip: !hasXmllint && 'xmllint is not installed' }, () => {
  const xml = checkstyle(sampleResults(), ctx);
  assert.equal(validateXml(xml, 'checkstyle.xsd'), '');
  assert.equal(validateXml(checkstyle(nastyResults(), ctx), 'checkstyle.xsd'), '');
  assert.equal((xml.match(/<error /g) ?? []).length, 4);
  assert.match(xml, /<error line="5" column="9" severity="error" message="Volume `pg\/var\/lib\/postgresql\/data` has no colon, so it is an anonymous volume" source="compose-lint.volume-missing-colon"\/>/);
  assert.match(checkstyle(nastyResults(), ctx), /message="a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; 100%\nnext line, with: colons"/);
});

test('junit: valid against the JUnit schema, one failure per finding, a passing case per clean file', { skip: !hasXmllint && 'xmllint is not installed' }, () => {
  const xml = junit(sampleResults(), ctx);
  assert.equal(validateXml(xml, 'junit.xsd'), '');
  const nasty = junit(nastyResults(), ctx);
  assert.equal(validateXml(nasty, 'junit.xsd'), '');
  assert.match(xml, /<testsuites name="compose-lint" tests="4" failures="4" errors="0" time="0">/);
  assert.match(nasty, /<testsuite name="clean\/compose.yaml" tests="1" failures="0" errors="0" skipped="0" time="0">\n {4}<testcase name="clean\/compose.yaml" classname="clean\/compose.yaml" time="0"\/>/);
});

test('gitlab: valid Code Quality JSON with unique stable fingerprints and relative paths', () => {
  const issues = JSON.parse(gitlab(sampleResults(), ctx)) as { fingerprint: string }[];
  const schema = JSON.parse(readFileSync(join(schemas, 'gitlab-code-quality.schema.json'), 'utf8'));
  const validate = new (Ajv as unknown as typeof Ajv.default)({ allErrors: true }).compile(schema);
  assert.ok(validate(issues), JSON.stringify(validate.errors));
  assert.equal(issues.length, 4);
  assert.deepEqual(issues[3], {
    type: 'issue',
    check_name: 'volume-missing-colon',
    description: 'Volume `pg/var/lib/postgresql/data` has no colon, so it is an anonymous volume',
    categories: ['Bug Risk'],
    severity: 'major',
    fingerprint: issues[3].fingerprint,
    location: { path: 'services/compose.yaml', positions: { begin: { line: 5, column: 9 }, end: { line: 5, column: 35 } } },
  });
  assert.equal(new Set(issues.map((i: { fingerprint: string }) => i.fingerprint)).size, 4);
  assert.deepEqual(JSON.parse(gitlab(sampleResults(), ctx)), issues, 'fingerprints are stable');
  assert.equal(gitlab([], ctx), '[]\n');
});

test('statistics: counts per rule, most first, fixable counted', () => {
  assert.deepEqual(countByRule(sampleResults()), [
    { ruleId: 'add-instead-of-copy', count: 1, fixable: 1 },
    { ruleId: 'apt-get-without-yes', count: 1, fixable: 1 },
    { ruleId: 'latest-image-tag', count: 1, fixable: 0 },
    { ruleId: 'volume-missing-colon', count: 1, fixable: 0 },
  ]);
  assert.equal(
    formatStatistics(sampleResults(), ctx),
    [
      '1  add-instead-of-copy   ADD used where COPY does (1 fixable)',
      '1  apt-get-without-yes   apt-get install can prompt (1 fixable)',
      '1  latest-image-tag      Image uses the latest tag',
      '1  volume-missing-colon  Volume without a colon',
      '',
    ].join('\n'),
  );
});

