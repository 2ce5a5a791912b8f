import { test } from 'node:test';
import assert from 'node:assert/strict';
import { json, toEslintFix } from '../../src/report/json.js';
import { ctx, sampleResults } from './sample.js';

const DL = '/proj/Dockerfile';
const CY = '/proj/services/compose.yaml';

const expected = [
  {
    filePath: DL,
    messages: [
      {
        ruleId: 'latest-image-tag',
        severity: 2,
        message: 'Image `node:latest` uses the `latest` tag, which moves under you',
        line: 1,
        column: 11,
        endLine: 1,
        endColumn: 17,
        level: 'error',
        messageId: 'latest',
        aliases: [{ tool: 'hadolint', code: 'DL3007', fidelity: 'same' }],
      },
      {
        ruleId: 'add-instead-of-copy',
        severity: 1,
        message: '`ADD` of a local archive extracts it',
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 4,
        fix: { range: [17, 20], text: 'COPY' },
        level: 'warning',
        messageId: 'useCopy',
        aliases: [{ tool: 'hadolint', code: 'DL3020', fidelity: 'partial' }],
        fixes: [
          { kind: 'fix', title: 'Replace `ADD` with `COPY`', safety: 'safe', edits: [{ path: DL, start: 17, end: 20, text: 'COPY' }] },
        ],
      },
      {
        ruleId: 'apt-get-without-yes',
        severity: 1,
        message: 'Add `-y` so `apt-get install` never waits for input',
        line: 4,
        column: 5,
        endLine: 4,
        endColumn: 20,
        // An unsafe fix is not ESLint's auto-applied `fix`: it is offered as a suggestion.
        suggestions: [{ desc: 'Add `-y`', fix: { range: [81, 81], text: ' -y' } }],
        level: 'info',
        messageId: 'noYes',
        aliases: [],
        fixes: [{ kind: 'fix', title: 'Add `-y`', safety: 'unsafe', edits: [{ path: DL, start: 81, end: 81, text: ' -y' }] }],
      },
    ],
    suppressedMessages: [
      {
        ruleId: 'apt-package-unpinned',
        severity: 1,
        message: 'Package `curl` has no pinned version',
        line: 3,
        column: 21,
        endLine: 3,
        endColumn: 25,
        level: 'warning',
        messageId: 'unpinned',
        aliases: [{ tool: 'hadolint', code: 'DL3008', fidelity: 'same' }],
        suppressions: [{ kind: 'directive', justification: 'test image' }],
      },
    ],
    errorCount: 1,
    fatalErrorCount: 0,
    warningCount: 2,
    infoCount: 1,
    fixableErrorCount: 0,
    fixableWarningCount: 1,
    source: 'FROM node:latest\nADD app.tar.gz /app\nRUN apt-get install curl\nRUN apt-get install curl\n',
    usedDeprecatedRules: [],
  },
  {
    filePath: CY,
    messages: [
      {
        ruleId: 'volume-missing-colon',
        severity: 2,
        message: 'Volume `pg/var/lib/postgresql/data` has no colon, so it is an anonymous volume',
        line: 5,
        column: 9,
        endLine: 5,
        endColumn: 35,
        suggestions: [
          { desc: 'did you mean `pg:/var/lib/postgresql/data`', fix: { range: [59, 59], text: ':' } },
          // Two edits of one file merge into one replacement that keeps the text between them.
          { desc: 'did you mean `./pg:/var/lib/postgresql/data`', fix: { range: [57, 59], text: './pg:' } },
        ],
        level: 'error',
        messageId: 'missingColon',
        aliases: [],
        related: [{ path: CY, line: 2, column: 3, endLine: 2, endColumn: 5, message: 'service `db`' }],
        fixes: [
          {
            kind: 'suggestion',
            title: 'did you mean `pg:/var/lib/postgresql/data`',
            safety: 'unsafe',
            edits: [{ path: CY, start: 59, end: 59, text: ':' }],
          },
          {
            kind: 'suggestion',
            title: 'did you mean `./pg:/var/lib/postgresql/data`',
            safety: 'unsafe',
            edits: [
              { path: CY, start: 59, end: 59, text: ':' },
              { path: CY, start: 57, end: 57, text: './' },
            ],
          },
        ],
      },
    ],
    suppressedMessages: [],
    errorCount: 1,
    fatalErrorCount: 0,
    warningCount: 0,
    infoCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    source: 'services:\n  db:\n    image: postgres\n    volumes:\n      - pg/var/lib/postgresql/data\n',
    usedDeprecatedRules: [],
  },
];

test('json: ESLint results shape plus our fields, pretty-printed, exact', () => {
  assert.equal(json(sampleResults(), ctx), JSON.stringify(expected, null, 2) + '\n');
});

test('json: a file without findings has zero counts and no source', () => {
  const out = JSON.parse(json([{ path: '/proj/ok/Dockerfile', findings: [], text: 'FROM a\n' }], ctx));
  assert.deepEqual(out, [
    {
      filePath: '/proj/ok/Dockerfile',
      messages: [],
      suppressedMessages: [],
      errorCount: 0,
      fatalErrorCount: 0,
      warningCount: 0,
      infoCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      usedDeprecatedRules: [],
    },
  ]);
});

test('json: deprecated rules in use are listed', () => {
  const rules = new Map(ctx.rules);
  rules.set('old-rule', { ...rules.get('latest-image-tag')!, id: 'old-rule', deprecated: { replacedBy: ['latest-image-tag'] } });
  const out = JSON.parse(json([{ path: '/proj/Dockerfile', findings: [] }], { ...ctx, rules }));
  assert.deepEqual(out[0].usedDeprecatedRules, [{ ruleId: 'old-rule', replacedBy: ['latest-image-tag'] }]);
});

test('toEslintFix: only what ESLint can express', () => {
  const e = (start: number, end: number, text: string, path = '/a') => ({ path, start, end, text });
  const fix = (...edits: ReturnType<typeof e>[]) => ({ title: 't', safety: 'safe' as const, edits });
  assert.deepEqual(toEslintFix(fix(e(1, 2, 'x')), '/a', undefined), { range: [1, 2], text: 'x' });
  assert.deepEqual(toEslintFix(fix(e(4, 5, 'Y'), e(0, 1, 'X')), '/a', 'abcdef'), { range: [0, 5], text: 'XbcdY' });
  assert.equal(toEslintFix(fix(e(4, 5, 'Y'), e(0, 1, 'X')), '/a', undefined), undefined);
  assert.equal(toEslintFix(fix(e(0, 3, 'Y'), e(2, 4, 'X')), '/a', 'abcdef'), undefined);
  assert.equal(toEslintFix(fix(e(0, 1, 'x', '/b')), '/a', 'abc'), undefined);
  assert.equal(toEslintFix(fix(), '/a', 'abc'), undefined);
});
