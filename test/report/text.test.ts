import { test } from 'node:test';
import assert from 'node:assert/strict';
import { text, stripAnsi } from '../../src/report/text.js';
import { ctx, sampleResults, dockerfile, at } from './sample.js';

test('text without colour: one aligned line per finding, hints, summary', () => {
  const out = text(sampleResults(), ctx);
  assert.equal(
    out,
    [
      'Dockerfile:1:11            error    Image `node:latest` uses the `latest` tag, which moves under you  latest-image-tag',
      'Dockerfile:2:1             warning  `ADD` of a local archive extracts it  add-instead-of-copy',
      '                                    fix: Replace `ADD` with `COPY`',
      'Dockerfile:4:5             info     Add `-y` so `apt-get install` never waits for input  apt-get-without-yes',
      'services/compose.yaml:5:9  error    Volume `pg/var/lib/postgresql/data` has no colon, so it is an anonymous volume  volume-missing-colon',
      '                                    suggestion: did you mean `pg:/var/lib/postgresql/data`',
      '                                    suggestion: did you mean `./pg:/var/lib/postgresql/data`',
      '',
      '4 problems (2 errors, 1 warning, 1 info)',
      '',
    ].join('\n'),
  );
});

test('text prints nothing when nothing is left after suppressions', () => {
  assert.equal(text([], ctx), '');
  const onlySuppressed = sampleResults().map((r) => ({ ...r, findings: r.findings.filter((f) => f.suppressed) }));
  assert.equal(text(onlySuppressed, ctx), '');
  assert.equal(text(onlySuppressed, { ...ctx, color: true }), '');
});

test('text without colour never emits escape sequences, even from message text', () => {
  const results = [
    {
      path: dockerfile.path,
      findings: [
        { ruleId: 'x', severity: 'warning' as const, messageId: 'm', message: 'bad \u001b[31mred\u001b[39m word', location: at(dockerfile, 'FROM') },
      ],
    },
  ];
  assert.equal(text(results, ctx), 'Dockerfile:1:1  warning  bad red word  x\n\n1 problem (0 errors, 1 warning, 0 info)\n');
});

test('text with colour uses the pretty formatter, marks info and replaces its summary', () => {
  const out = text(sampleResults(), { ...ctx, color: true, cwd: process.cwd() });
  assert.match(out, /\u001b\[/);
  const plainOut = stripAnsi(out);
  const lines = plainOut.split('\n');
  assert.equal(lines.at(-2), '  4 problems (2 errors, 1 warning, 1 info)');
  assert.equal(lines.at(-1), '');
  assert.doesNotMatch(plainOut, /^\s+\d+ (warning|error)s?$/m);
  const info = lines.find((l) => l.includes('apt-get-without-yes'));
  assert.match(info ?? '', /4:5\s+info Add -y so apt-get install never waits for input\s+apt-get-without-yes$/);
  const add = lines.find((l) => l.includes('add-instead-of-copy'));
  assert.match(add ?? '', /ADD of a local archive extracts it \(fix: Replace ADD with COPY\)/);
  const vol = lines.find((l) => l.includes('volume-missing-colon'));
  assert.match(vol ?? '', /\(suggestion: did you mean pg:\/var\/lib\/postgresql\/data, \+1 more\)/);
  // Suppressed findings stay out of the human report.
  assert.doesNotMatch(plainOut, /apt-package-unpinned/);
});
