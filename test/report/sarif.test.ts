import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { SourceFile } from '../../src/parse/source.js';
import type { FileResult, Finding } from '../../src/engine/types.js';
import { sarif, pascalCase, FINGERPRINT_KEY, SARIF_SCHEMA } from '../../src/report/sarif.js';
import { HOMEPAGE } from '../../src/meta.js';
import { at, ctx, sampleResults } from './sample.js';

// The SARIF 2.1.0 schema (as published on SchemaStore, draft-04) ships in @microsoft/jest-sarif.
const require = createRequire(import.meta.url);
const schemaPath = join(dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib/schemas/sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;

// Both are CommonJS; under NodeNext their classes sit on `.default`.
const Ajv04 = Ajv04Module.default;
const addFormats = addFormatsModule.default;
// The schema's `language` pattern has a stray `]` that is only legal outside unicode mode.
const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function check(log: unknown): void {
  const ok = validate(log);
  assert.ok(ok, JSON.stringify(validate.errors, null, 2));
}

type Json = any;

test('the schema really is SARIF 2.1.0 and rejects a broken log', () => {
  assert.deepEqual((schema.properties as Json).version.enum, ['2.1.0']);
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false);
  assert.equal(validate({ version: '2.0.0', runs: [] }), false);
});

test('sarif output validates against the SARIF 2.1.0 schema', () => {
  check(JSON.parse(sarif(sampleResults(), ctx)));
  check(JSON.parse(sarif([], ctx)));
});

test('sarif: driver and rules from the catalog', () => {
  const log = JSON.parse(sarif(sampleResults(), ctx)) as Json;
  assert.equal(log.$schema, SARIF_SCHEMA);
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const run = log.runs[0];
  assert.equal(run.tool.driver.name, 'compose-lint');
  assert.equal(run.tool.driver.version, '9.9.9');
  assert.equal(run.tool.driver.informationUri, HOMEPAGE);
  assert.deepEqual(
    run.tool.driver.rules.map((r: Json) => r.id),
    ['add-instead-of-copy', 'apt-get-without-yes', 'apt-package-unpinned', 'latest-image-tag', 'volume-missing-colon'],
  );
  assert.deepEqual(run.tool.driver.rules[3], {
    id: 'latest-image-tag',
    name: 'LatestImageTag',
    shortDescription: { text: 'Image uses the latest tag' },
    fullDescription: { text: 'Image uses the latest tag' },
    helpUri: `${HOMEPAGE}/blob/main/docs/rules/latest-image-tag.md`,
    help: {
      text: `Image uses the latest tag. See ${HOMEPAGE}/blob/main/docs/rules/latest-image-tag.md`,
      markdown: `Image uses the latest tag. [Documentation](${HOMEPAGE}/blob/main/docs/rules/latest-image-tag.md)`,
    },
    defaultConfiguration: { level: 'error' },
    properties: { category: 'reliability', tags: ['reliability', 'project'], aliases: [{ tool: 'hadolint', code: 'DL3007', fidelity: 'same' }] },
  });
  assert.equal(run.tool.driver.rules[1].defaultConfiguration.level, 'note');
  assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///proj/' } });
  assert.equal(run.columnKind, 'utf16CodeUnits');
});

test('sarif: results carry index, level, relative locations, fixes and suppressions', () => {
  const run = (JSON.parse(sarif(sampleResults(), ctx)) as Json).runs[0];
  assert.deepEqual(
    run.results.map((r: Json) => [r.ruleId, r.ruleIndex, r.level]),
    [
      ['latest-image-tag', 3, 'error'],
      ['add-instead-of-copy', 0, 'warning'],
      ['apt-package-unpinned', 2, 'warning'],
      ['apt-get-without-yes', 1, 'note'],
      ['volume-missing-colon', 4, 'error'],
    ],
  );
  const [latest, add, unpinned, , vol] = run.results;
  assert.deepEqual(latest.message, { text: 'Image `node:latest` uses the `latest` tag, which moves under you' });
  assert.deepEqual(latest.locations, [
    {
      physicalLocation: {
        artifactLocation: { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' },
        region: { startLine: 1, startColumn: 11, endLine: 1, endColumn: 17 },
      },
    },
  ]);
  assert.equal(latest.fixes, undefined);
  assert.equal(latest.suppressions, undefined);
  assert.deepEqual(add.fixes, [
    {
      description: { text: 'Replace `ADD` with `COPY`' },
      artifactChanges: [
        {
          artifactLocation: { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' },
          replacements: [
            {
              deletedRegion: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 4, charOffset: 17, charLength: 3 },
              insertedContent: { text: 'COPY' },
            },
          ],
        },
      ],
      properties: { kind: 'fix', safety: 'safe' },
    },
  ]);
  assert.deepEqual(unpinned.suppressions, [
    {
      kind: 'inSource',
      justification: 'test image',
      location: {
        physicalLocation: {
          artifactLocation: { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' },
          region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 4 },
        },
      },
    },
  ]);
  assert.equal(vol.locations[0].physicalLocation.artifactLocation.uri, 'services/compose.yaml');
  assert.deepEqual(vol.relatedLocations, [
    {
      id: 0,
      physicalLocation: {
        artifactLocation: { uri: 'services/compose.yaml', uriBaseId: '%SRCROOT%' },
        region: { startLine: 2, startColumn: 3, endLine: 2, endColumn: 5 },
      },
      message: { text: 'service `db`' },
    },
  ]);
  assert.deepEqual(
    vol.fixes.map((f: Json) => [f.description.text, f.properties.kind, f.artifactChanges[0].replacements.length]),
    [
      ['did you mean `pg:/var/lib/postgresql/data`', 'suggestion', 1],
      ['did you mean `./pg:/var/lib/postgresql/data`', 'suggestion', 2],
    ],
  );
});

function finding(src: SourceFile, needle: string, nth = 0): Finding {
  return { ruleId: 'r', severity: 'warning', messageId: 'm', message: 'm', location: at(src, needle, nth) };
}

function fingerprints(results: FileResult[]): string[] {
  const run = (JSON.parse(sarif(results, ctx)) as Json).runs[0];
  return run.results.map((r: Json) => r.partialFingerprints[FINGERPRINT_KEY]);
}

test('sarif: fingerprints survive line shifts and tell identical lines apart', () => {
  const before = new SourceFile('/proj/Dockerfile', 'FROM a\nRUN x\nRUN x\n');
  const after = new SourceFile('/proj/Dockerfile', '# new\n\nFROM a\n  RUN x\nRUN x\n');
  const a = fingerprints([{ path: before.path, text: before.text, findings: [finding(before, 'RUN'), finding(before, 'RUN', 1)] }]);
  const b = fingerprints([{ path: after.path, text: after.text, findings: [finding(after, 'RUN'), finding(after, 'RUN', 1)] }]);
  assert.deepEqual(a, b);
  assert.match(a[0]!, /^[0-9a-f]{32}:0$/);
  assert.equal(a[1], a[0]!.replace(/:0$/, ':1'));
  // Another file or another line text is another fingerprint.
  const other = new SourceFile('/proj/b/Dockerfile', before.text);
  const c = fingerprints([{ path: other.path, text: other.text, findings: [finding(other, 'RUN')] }]);
  assert.notEqual(c[0], a[0]);
  const changed = new SourceFile('/proj/Dockerfile', 'FROM a\nRUN y\n');
  assert.notEqual(fingerprints([{ path: changed.path, text: changed.text, findings: [finding(changed, 'RUN')] }])[0], a[0]);
});

test('sarif: files outside the root get absolute URIs, spaces are encoded, unknown rules get a descriptor', () => {
  const outside = new SourceFile('/elsewhere/my file/Dockerfile', 'FROM a\n');
  const inside = new SourceFile('/proj/my dir/Dockerfile', 'FROM a\n');
  const log = JSON.parse(
    sarif(
      [
        { path: outside.path, text: outside.text, findings: [{ ...finding(outside, 'FROM'), ruleId: 'parse-error' }] },
        { path: inside.path, findings: [finding(inside, 'FROM')] },
      ],
      ctx,
    ),
  ) as Json;
  check(log);
  const run = log.runs[0];
  assert.deepEqual(run.results[0].locations[0].physicalLocation.artifactLocation, { uri: 'file:///elsewhere/my%20file/Dockerfile' });
  assert.deepEqual(run.results[1].locations[0].physicalLocation.artifactLocation, { uri: 'my%20dir/Dockerfile', uriBaseId: '%SRCROOT%' });
  const dotted = new SourceFile('/proj/..cache/Dockerfile', 'FROM a\n');
  const dottedRun = (JSON.parse(sarif([{ path: dotted.path, findings: [finding(dotted, 'FROM')] }], ctx)) as Json).runs[0];
  assert.deepEqual(dottedRun.results[0].locations[0].physicalLocation.artifactLocation, { uri: '..cache/Dockerfile', uriBaseId: '%SRCROOT%' });
  const unknown = run.tool.driver.rules[run.results[0].ruleIndex];
  assert.deepEqual(unknown, { id: 'parse-error', name: 'ParseError' });
  // Without the file's text a fingerprint still exists (anchored on the message).
  assert.match(run.results[1].partialFingerprints[FINGERPRINT_KEY], /^[0-9a-f]{32}:0$/);
});

test('pascalCase', () => {
  assert.equal(pascalCase('latest-image-tag'), 'LatestImageTag');
  assert.equal(pascalCase('root-user'), 'RootUser');
  assert.equal(pascalCase('dl3007'), 'Dl3007');
});
