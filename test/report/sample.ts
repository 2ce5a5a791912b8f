/** A small fixed set of findings over two files, shared by the reporter tests. */
import { SourceFile } from '../../src/parse/source.js';
import type { FileResult, Location, ReportContext, RuleMeta } from '../../src/engine/types.js';

export const cwd = '/proj';

export const dockerfile = new SourceFile(
  '/proj/Dockerfile',
  'FROM node:latest\nADD app.tar.gz /app\nRUN apt-get install curl\nRUN apt-get install curl\n',
);
export const compose = new SourceFile(
  '/proj/services/compose.yaml',
  'services:\n  db:\n    image: postgres\n    volumes:\n      - pg/var/lib/postgresql/data\n',
);

/** Location of the `nth` occurrence of `needle`. */
export function at(src: SourceFile, needle: string, nth = 0): Location {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = src.text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`${needle} not found`);
  }
  return { path: src.path, start: src.positionAt(i), end: src.positionAt(i + needle.length) };
}

function rule(id: string, kind: RuleMeta['kind'], severity: RuleMeta['severity'], summary: string, aliases: RuleMeta['aliases']): RuleMeta {
  return { id, kind, severity, summary, aliases, category: 'reliability', recommended: true, messages: {}, since: '0.1.0' };
}

export const rules = new Map<string, RuleMeta>([
  ['latest-image-tag', rule('latest-image-tag', 'project', 'error', 'Image uses the latest tag', [{ tool: 'hadolint', code: 'DL3007', fidelity: 'same' }])],
  ['add-instead-of-copy', rule('add-instead-of-copy', 'dockerfile', 'warning', 'ADD used where COPY does', [{ tool: 'hadolint', code: 'DL3020', fidelity: 'partial' }])],
  ['apt-get-without-yes', rule('apt-get-without-yes', 'dockerfile', 'info', 'apt-get install can prompt', [])],
  ['apt-package-unpinned', rule('apt-package-unpinned', 'dockerfile', 'warning', 'apt package without version', [{ tool: 'hadolint', code: 'DL3008', fidelity: 'same' }])],
  ['volume-missing-colon', rule('volume-missing-colon', 'compose', 'error', 'Volume without a colon', [])],
]);

export const ctx: ReportContext = { cwd, rules, color: false, version: '9.9.9' };

const addLoc = at(dockerfile, 'ADD');
const aptLoc = at(dockerfile, 'apt-get install', 1);
const installEnd = aptLoc.end.offset;
const volLoc = at(compose, 'pg/var/lib/postgresql/data');

export function sampleResults(): FileResult[] {
  return [
    {
      path: dockerfile.path,
      text: dockerfile.text,
      findings: [
        {
          ruleId: 'latest-image-tag',
          severity: 'error',
          messageId: 'latest',
          message: 'Image `node:latest` uses the `latest` tag, which moves under you',
          location: at(dockerfile, 'latest'),
        },
        {
          ruleId: 'add-instead-of-copy',
          severity: 'warning',
          messageId: 'useCopy',
          message: '`ADD` of a local archive extracts it',
          location: addLoc,
          fix: { title: 'Replace `ADD` with `COPY`', safety: 'safe', edits: [{ path: dockerfile.path, start: addLoc.start.offset, end: addLoc.end.offset, text: 'COPY' }] },
        },
        {
          ruleId: 'apt-package-unpinned',
          severity: 'warning',
          messageId: 'unpinned',
          message: 'Package `curl` has no pinned version',
          location: at(dockerfile, 'curl'),
          suppressed: { by: 'inline', directive: at(dockerfile, 'RUN'), reason: 'test image' },
        },
        {
          ruleId: 'apt-get-without-yes',
          severity: 'info',
          messageId: 'noYes',
          message: 'Add `-y` so `apt-get install` never waits for input',
          location: aptLoc,
          fix: { title: 'Add `-y`', safety: 'unsafe', edits: [{ path: dockerfile.path, start: installEnd, end: installEnd, text: ' -y' }] },
        },
      ],
    },
    {
      path: compose.path,
      text: compose.text,
      findings: [
        {
          ruleId: 'volume-missing-colon',
          severity: 'error',
          messageId: 'missingColon',
          message: 'Volume `pg/var/lib/postgresql/data` has no colon, so it is an anonymous volume',
          location: volLoc,
          related: [{ location: at(compose, 'db'), message: 'service `db`' }],
          suggestions: [
            {
              title: 'did you mean `pg:/var/lib/postgresql/data`',
              safety: 'unsafe',
              edits: [{ path: compose.path, start: volLoc.start.offset + 2, end: volLoc.start.offset + 2, text: ':' }],
            },
            {
              title: 'did you mean `./pg:/var/lib/postgresql/data`',
              safety: 'unsafe',
              edits: [
                { path: compose.path, start: volLoc.start.offset + 2, end: volLoc.start.offset + 2, text: ':' },
                { path: compose.path, start: volLoc.start.offset, end: volLoc.start.offset, text: './' },
              ],
            },
          ],
        },
      ],
    },
  ];
}
