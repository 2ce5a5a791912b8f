import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceFile } from '../../src/parse/source.js';
import type { FileResult } from '../../src/engine/types.js';
import { chunkedReporter, joinChunks, jsonArrayChunks, reportChunks, streamingForm } from '../../src/report/chunks.js';
import { json, toEslintResults } from '../../src/report/json.js';
import { sarif, toSarif } from '../../src/report/sarif.js';
import { text } from '../../src/report/text.js';
import { compact } from '../../src/report/compact.js';
import { checkstyle } from '../../src/report/checkstyle.js';
import { github } from '../../src/report/github.js';
import { gitlab } from '../../src/report/gitlab.js';
import { junit } from '../../src/report/junit.js';
import { at, ctx, sampleResults } from './sample.js';

/** Non-ASCII text (two-byte strings, a surrogate pair), a clean file between two with findings. */
function mixedResults(): FileResult[] {
  const src = new SourceFile('/proj/ünï/Dockerfile', '# Grüße 🐳\nFROM node:latest\nLABEL note="naïve → “quoted”"\n');
  const clean = new SourceFile('/proj/clean/Dockerfile', 'FROM alpine:3.20\n');
  return [
    {
      path: src.path,
      text: src.text,
      findings: [
        { ruleId: 'latest-image-tag', severity: 'error', messageId: 'latest', message: 'Image `node:latest` — “latest” moves 🐳', location: at(src, 'latest') },
        {
          ruleId: 'add-instead-of-copy',
          severity: 'warning',
          messageId: 'x',
          message: 'Ünïcode in a suppressed finding',
          location: at(src, 'naïve'),
          suppressed: { by: 'config', reason: 'erklärt' },
        },
      ],
    },
    { path: clean.path, text: clean.text, findings: [] },
    ...sampleResults(),
  ];
}

const sets: [string, () => FileResult[]][] = [
  ['sample (suppressed findings, fixes, suggestions, related)', sampleResults],
  ['non-ASCII and a clean file', mixedResults],
  ['no results', () => []],
  ['only a clean file', () => [{ path: '/proj/Dockerfile', findings: [] }]],
];

for (const [name, make] of sets) {
  test(`json chunks join to the one-string JSON of all results: ${name}`, () => {
    const results = make();
    const whole = JSON.stringify(toEslintResults(results, ctx), null, 2) + '\n';
    assert.equal(joinChunks(json.chunks(results, ctx)), whole);
    assert.equal(json(results, ctx), whole);
  });

  test(`sarif chunks join to the one-string SARIF log: ${name}`, () => {
    const results = make();
    const whole = JSON.stringify(toSarif(results, ctx), null, 2) + '\n';
    assert.equal(joinChunks(sarif.chunks(results, ctx)), whole);
    assert.equal(sarif(results, ctx), whole);
  });
}

test('json gives one piece per result, so no piece holds the whole report', () => {
  const results = mixedResults();
  const pieces = [...json.chunks(results, ctx)];
  // '[' with the first result, one per further result, the closing bracket, the final newline.
  assert.equal(pieces.length, results.length + 2);
  assert.deepEqual(pieces.slice(-2), ['\n]', '\n']);
});

test('sarif gives the log around its results, one piece per result', () => {
  const results = sampleResults();
  const pieces = [...sarif.chunks(results, ctx)];
  // The log up to `"results": `, five findings (one suppressed), the closing bracket, the rest of the log.
  assert.equal(pieces.length, 1 + 5 + 1 + 1);
  assert.ok(pieces[0]!.endsWith('"columnKind": "utf16CodeUnits",\n      "results": '));
  assert.ok(pieces[1]!.startsWith('[\n        {\n          "ruleId": "latest-image-tag",'));
  assert.deepEqual(pieces.slice(-2), ['\n      ]', '\n    }\n  ]\n}\n']);
});

test('text pieces are the findings of one file each, then the tally', () => {
  const results = mixedResults();
  const pieces = [...text.chunks(results, ctx)];
  // Three files with visible findings (the clean one gives none), then the tally.
  assert.equal(pieces.length, 4);
  assert.ok(pieces[0]!.startsWith('ünï/Dockerfile:2:11: error Image `node:latest` — “latest” moves 🐳 [latest-image-tag]\n'));
  assert.ok(pieces[1]!.startsWith('\n\nDockerfile:1:11: error'));
  assert.equal(pieces[3], '\n\n5 problems (3 errors, 1 warning, 1 info); 1 fixable with --fix; 1 more with --unsafe-fixes\n');
  // A report of several files is those files' reports, blank-line separated, under one tally.
  const first = text([results[0]!], ctx);
  const rest = text(results.slice(1), ctx);
  const body = (s: string) => s.slice(0, s.lastIndexOf('\n\n'));
  assert.equal(body(text(results, ctx)), `${body(first)}\n\n${body(rest)}`);
});

test('text of nothing to report is empty, as a string and in pieces', () => {
  assert.deepEqual([...text.chunks([], ctx)], []);
  assert.equal(text([{ path: '/proj/Dockerfile', findings: [] }], ctx), '');
  // Suppressed findings alone are nothing to report.
  const onlySuppressed = sampleResults().slice(0, 1);
  onlySuppressed[0]!.findings = onlySuppressed[0]!.findings.filter((f) => f.suppressed);
  assert.equal(text(onlySuppressed, ctx), '');
});

test('reportChunks takes a reporter’s own pieces, or its string as one piece', () => {
  const results = sampleResults();
  // A reporter with only a string form, as a custom one may be.
  const stringOnly = (r: FileResult[]) => `${r.length} files`;
  assert.deepEqual([...reportChunks(stringOnly, results, ctx)], ['2 files']);
  assert.deepEqual([...reportChunks(json, results, ctx)], [...json.chunks(results, ctx)]);
  const twoPieces = chunkedReporter(() => ['a', 'b']);
  assert.equal(twoPieces([], ctx), 'ab');
  assert.deepEqual([...reportChunks(twoPieces, [], ctx)], ['a', 'b']);
});

/** `value` as the value of `depth` nested arrays. */
function nest(value: unknown, depth: number): unknown {
  return depth === 0 ? value : [nest(value, depth - 1)];
}

test('jsonArrayChunks writes JSON.stringify(…, null, 2) of an array at any depth', () => {
  const items: unknown[] = [
    { a: 'line\nbreak "quoted" \\ ü 🐳', b: [], c: {}, d: [1, [2, { e: null }]] },
    undefined,
    'plain',
    [],
    { nested: { deeper: ['x'] } },
  ];
  for (const depth of [0, 1, 3]) {
    // The opening brackets of the enclosing arrays, each on its line, and their closing ones.
    let prefix = '';
    for (let i = 1; i <= depth; i++) prefix += '[\n' + '  '.repeat(i);
    let suffix = '';
    for (let i = depth - 1; i >= 0; i--) suffix += '\n' + '  '.repeat(i) + ']';
    for (const list of [items, [], [items[0]]]) {
      const whole = JSON.stringify(nest(list, depth), null, 2);
      assert.equal(prefix + joinChunks(jsonArrayChunks(list, depth)) + suffix, whole, `depth ${depth}, ${list.length} items`);
    }
  }
});

for (const [name, make] of sets) {
  test(`json, sarif and gitlab pieces join to JSON laid out as JSON.stringify(…, null, 2) lays it out: ${name}`, () => {
    const results = make();
    for (const reporter of [json, sarif, gitlab]) {
      const joined = joinChunks(reporter.chunks(results, ctx));
      assert.equal(JSON.stringify(JSON.parse(joined), null, 2) + '\n', joined);
      assert.equal(reporter(results, ctx), joined);
    }
  });
}

test('gitlab gives one piece per visible finding', () => {
  // Four visible findings (one of the five is suppressed), then the closing bracket and newline.
  assert.equal([...gitlab.chunks(sampleResults(), ctx)].length, 4 + 2);
  assert.deepEqual([...gitlab.chunks([], ctx)], ['[]', '\n']);
});

test('junit: the totals first, then one piece per file, then the closing tag', () => {
  const src = new SourceFile('/proj/a/Dockerfile', 'FROM node:latest\n');
  const results: FileResult[] = [
    { path: '/proj/clean/Dockerfile', findings: [] },
    {
      path: src.path,
      text: src.text,
      findings: [{ ruleId: 'latest-image-tag', severity: 'error', messageId: 'latest', message: 'Grüße <“latest”>', location: at(src, 'latest') }],
    },
  ];
  assert.deepEqual(
    [...junit.chunks(results, ctx)],
    [
      '<?xml version="1.0" encoding="utf-8"?>\n<testsuites name="compose-lint" tests="2" failures="1" errors="0" time="0">',
      '\n  <testsuite name="clean/Dockerfile" tests="1" failures="0" errors="0" skipped="0" time="0">\n' +
        '    <testcase name="clean/Dockerfile" classname="clean/Dockerfile" time="0"/>\n  </testsuite>',
      '\n  <testsuite name="a/Dockerfile" tests="1" failures="1" errors="0" skipped="0" time="0">\n' +
        '    <testcase name="a/Dockerfile:1:11 latest-image-tag" classname="a/Dockerfile" time="0">\n' +
        '      <failure message="Grüße &lt;“latest”&gt;" type="error">a/Dockerfile:1:11 error Grüße &lt;“latest”&gt;</failure>\n' +
        '    </testcase>\n  </testsuite>',
      '\n</testsuites>\n',
    ],
  );
  assert.equal(junit([], ctx), '<?xml version="1.0" encoding="utf-8"?>\n<testsuites name="compose-lint" tests="0" failures="0" errors="0" time="0">\n</testsuites>\n');
});

test('compact and github: one piece per file, the report of files is their reports in a row', () => {
  const results = mixedResults();
  for (const reporter of [compact, github]) {
    const pieces = [...reporter.chunks(results, ctx)];
    assert.equal(pieces.length, results.length);
    // The clean file says nothing; every other piece is whole lines.
    assert.equal(pieces[1], '');
    for (const p of [pieces[0], pieces[2], pieces[3]]) assert.match(p!, /^(?:[^\n]+\n)+$/);
    assert.equal(reporter(results, ctx), results.map((r) => reporter([r], ctx)).join(''));
    assert.equal(reporter([], ctx), '');
  }
  assert.equal(
    [...compact.chunks(results, ctx)][0],
    'ünï/Dockerfile:2:11: error Image `node:latest` — “latest” moves 🐳 [latest-image-tag]\n',
  );
});

test('checkstyle: the head, one piece per file (a clean one too), the closing tag', () => {
  const results = mixedResults();
  const pieces = [...checkstyle.chunks(results, ctx)];
  assert.equal(pieces.length, results.length + 2);
  assert.equal(pieces[0], '<?xml version="1.0" encoding="utf-8"?>\n<checkstyle version="4.3">\n');
  assert.equal(pieces[2], '  <file name="/proj/clean/Dockerfile">\n  </file>\n');
  assert.equal(pieces.at(-1), '</checkstyle>\n');
  assert.equal(checkstyle([], ctx), '<?xml version="1.0" encoding="utf-8"?>\n<checkstyle version="4.3">\n</checkstyle>\n');
});

/** The results as a stream can be read: once, and only forward. */
function once<T>(items: readonly T[]): Iterable<T> {
  let used = false;
  return {
    [Symbol.iterator]() {
      assert.ok(!used, 'a streaming reporter read its results twice');
      used = true;
      return items[Symbol.iterator]();
    },
  };
}

test('every streaming reporter reads its results once and prints what the whole array gives', () => {
  const results = mixedResults();
  for (const [name, reporter] of Object.entries({ json, sarif, text, compact, checkstyle, github, gitlab })) {
    const streamed = streamingForm(reporter);
    assert.ok(streamed, name);
    // SARIF lists its rules first: the stream knows only the run's rules, which here hold every id.
    assert.equal(joinChunks(streamed.stream(once(results), ctx)), reporter(results, ctx), name);
  }
  assert.equal(streamingForm(junit), undefined);
  assert.equal(streamingForm(sarif)?.listsRules, true);
  assert.equal(streamingForm(json)?.listsRules, undefined);
});

test('a streamed SARIF log finds the text of a file that a fix edits through ctx.textOf', () => {
  const results = sampleResults();
  const [dockerfile, composeFile] = results;
  // A finding in the Dockerfile whose fix edits the compose file (as a project rule's may).
  const edit = composeFile!.findings[0]!.suggestions![0]!;
  dockerfile!.findings[0] = { ...dockerfile!.findings[0]!, fix: { ...edit, safety: 'safe' } };
  const whole = sarif(results, ctx);
  const texts = new Map(results.map((r) => [r.path, r.text]));
  const region = (out: string) => JSON.parse(out).runs[0].results[0].fixes[0].artifactChanges[0].replacements[0].deletedRegion;
  const streamed = joinChunks(streamingForm(sarif)!.stream(once(results), { ...ctx, textOf: (p) => texts.get(p) }));
  assert.equal(streamed, whole);
  assert.equal(region(whole).startLine, 5);
  // Without the text, the region has offsets only.
  const blind = joinChunks(streamingForm(sarif)!.stream(once(results), ctx));
  assert.equal(region(blind).startLine, undefined);
});
