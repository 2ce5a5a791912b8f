/**
 * SARIF 2.1.0, the format GitHub code scanning uploads. Paths are relative to `%SRCROOT%` (the
 * cwd) so the log is portable; fingerprints hash the offending line's text rather than its number
 * so an alert survives edits above it.
 */
import { createHash } from 'node:crypto';
import { relative, isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Edit, FileResult, Finding, Location, ReportContext, RuleMeta, Severity } from '../engine/types.js';
import { SourceFile } from '../parse/source.js';
import { HOMEPAGE, ruleDocsUrl } from '../meta.js';
import { fixesOf, sourceOfResult } from './common.js';
import { jsonArrayChunks, streamingReporter, type StreamingReporter } from './chunks.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';
export const FINGERPRINT_KEY = 'composeLint/v1';

type SarifLevel = 'error' | 'warning' | 'note';

function sarifLevel(s: Severity): SarifLevel {
  return s === 'info' ? 'note' : s;
}

/** `latest-image-tag` → `LatestImageTag`, SARIF's convention for reportingDescriptor.name. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

function artifactLocation(path: string, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = relative(cwd, path);
  // Outside the root a relative URI would climb out of %SRCROOT%; an absolute URI is honest.
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return { uri: pathToFileURL(path).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function region(loc: Location) {
  return {
    startLine: loc.start.line,
    startColumn: loc.start.column,
    endLine: loc.end.line,
    endColumn: loc.end.column,
  };
}

function physical(loc: Location, cwd: string) {
  return { physicalLocation: { artifactLocation: artifactLocation(loc.path, cwd), region: region(loc) } };
}

/** Line/column when the file's text is known, and the offsets always (they are what edits hold). */
function editRegion(e: Edit, src: SourceFile | undefined) {
  const offsets = { charOffset: e.start, charLength: e.end - e.start };
  if (!src) return offsets;
  const s = src.positionAt(e.start);
  const end = src.positionAt(e.end);
  return { startLine: s.line, startColumn: s.column, endLine: end.line, endColumn: end.column, ...offsets };
}

function sarifFixes(f: Finding, cwd: string, sourceFor: (path: string) => SourceFile | undefined) {
  return fixesOf(f).map(({ kind, fix }) => {
    const byPath = new Map<string, Edit[]>();
    for (const e of fix.edits) byPath.set(e.path, [...(byPath.get(e.path) ?? []), e]);
    return {
      description: { text: fix.title },
      artifactChanges: [...byPath].map(([path, edits]) => ({
        artifactLocation: artifactLocation(path, cwd),
        replacements: edits.map((e) => ({
          deletedRegion: editRegion(e, sourceFor(path)),
          insertedContent: { text: e.text },
        })),
      })),
      properties: { kind, safety: fix.safety },
    };
  });
}

function ruleDescriptor(id: string, meta: RuleMeta<any> | undefined) {
  if (!meta) return { id, name: pascalCase(id) };
  const url = meta.docsUrl ?? ruleDocsUrl(meta.kind, meta.id);
  const deprecated = meta.deprecated
    ? ` Deprecated${meta.deprecated.replacedBy.length ? `: use ${meta.deprecated.replacedBy.join(', ')}` : ''}.`
    : '';
  return {
    id,
    name: pascalCase(id),
    shortDescription: { text: meta.summary },
    fullDescription: { text: meta.summary + deprecated },
    helpUri: url,
    help: { text: `${meta.summary}. See ${url}`, markdown: `${meta.summary}. [Documentation](${url})` },
    defaultConfiguration: { level: sarifLevel(meta.severity) },
    properties: {
      category: meta.category,
      tags: [meta.category, meta.kind],
      aliases: meta.aliases.map((a) => ({ ...a })),
    },
  };
}

/**
 * Hash of rule, path and the trimmed text of the line the finding starts on, plus how many equal
 * triples came before it in the file, so two identical lines keep distinct fingerprints. One per
 * file: the key holds the path, and a result's findings all point into its own file.
 */
function fingerprinter(cwd: string, src: SourceFile | undefined) {
  const seen = new Map<string, number>();
  return (f: Finding): string => {
    const anchor = src ? src.lineText(f.location.start.line).trim() : f.message;
    const key = [f.ruleId, artifactLocation(f.location.path, cwd).uri, anchor].join('\u0000');
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}:${n}`;
  };
}

interface Prepared {
  ruleIds: string[];
  index: Map<string, number>;
  /** The text of any file of the run that a fix may edit. */
  textOf: (path: string) => string | undefined;
}

/**
 * What every result needs to know of all of them: the rule table (every rule of the run, and any
 * other id the results hold) and the texts of files that fixes edit. A stream gives only the
 * run's rules (its reporter `listsRules`) and its own way to texts.
 */
function prepare(results: readonly FileResult[] | undefined, ctx: ReportContext): Prepared {
  const ids = new Set(ctx.rules.keys());
  for (const r of results ?? []) for (const f of r.findings) ids.add(f.ruleId);
  const ruleIds = [...ids].sort();
  let textOf = ctx.textOf?.bind(ctx) ?? (() => undefined);
  if (results) {
    const texts = new Map<string, string>();
    for (const r of results) if (r.text !== undefined) texts.set(r.path, r.text);
    textOf = (path) => texts.get(path);
  }
  return { ruleIds, index: new Map(ruleIds.map((id, i) => [id, i])), textOf };
}

/** SARIF results in report order (fingerprints count repeats in that order), one at a time. */
function* sarifResults(results: Iterable<FileResult>, ctx: ReportContext, { index, textOf }: Prepared) {
  for (const r of results) {
    const own = sourceOfResult(r);
    const others = new Map<string, SourceFile | undefined>();
    const sourceFor = (path: string) => {
      if (path === r.path) return own;
      if (!others.has(path)) {
        const text = textOf(path);
        others.set(path, text === undefined ? undefined : new SourceFile(path, text));
      }
      return others.get(path);
    };
    const fingerprint = fingerprinter(ctx.cwd, own);
    for (const f of r.findings) {
      const fixes = sarifFixes(f, ctx.cwd, sourceFor);
      yield {
        ruleId: f.ruleId,
        ruleIndex: index.get(f.ruleId)!,
        level: sarifLevel(f.severity),
        message: { text: f.message },
        locations: [physical(f.location, ctx.cwd)],
        ...(f.related && f.related.length > 0
          ? {
              relatedLocations: f.related.map((rel, id) => ({
                id,
                ...physical(rel.location, ctx.cwd),
                message: { text: rel.message },
              })),
            }
          : {}),
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(f) },
        ...(fixes.length > 0 ? { fixes } : {}),
        ...(f.suppressed
          ? {
              suppressions: [
                {
                  kind: f.suppressed.by === 'inline' ? 'inSource' : 'external',
                  ...(f.suppressed.reason ? { justification: f.suppressed.reason } : {}),
                  ...(f.suppressed.directive ? { location: physical(f.suppressed.directive, ctx.cwd) } : {}),
                },
              ],
            }
          : {}),
        properties: { messageId: f.messageId },
      };
    }
  }
}

function sarifLog<R>(ctx: ReportContext, ruleIds: readonly string[], results: R[]) {
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: 'compose-lint',
            version: ctx.version,
            informationUri: HOMEPAGE,
            rules: ruleIds.map((id) => ruleDescriptor(id, ctx.rules.get(id))),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(ctx.cwd).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits' as const,
        // Last, so that a chunked report can stream it after the rest of the log.
        results,
      },
    ],
  };
}

export function toSarif(results: readonly FileResult[], ctx: ReportContext) {
  const prepared = prepare(results, ctx);
  return sarifLog(ctx, prepared.ruleIds, [...sarifResults(results, ctx, prepared)]);
}

const RESULTS_KEY = '"results": []';

/**
 * The log with an empty results array is written around the results, which come one by one. The
 * key is found by its text: within JSON strings a quote is always escaped, so only the key matches.
 */
function* sarifPieces(results: Iterable<FileResult>, ctx: ReportContext, prepared: Prepared) {
  const frame = JSON.stringify(sarifLog(ctx, prepared.ruleIds, []), null, 2);
  const at = frame.lastIndexOf(RESULTS_KEY);
  const depth = (at - (frame.lastIndexOf('\n', at) + 1)) / 2;
  yield frame.slice(0, at + RESULTS_KEY.length - 2);
  yield* jsonArrayChunks(sarifResults(results, ctx, prepared), depth);
  yield frame.slice(at + RESULTS_KEY.length) + '\n';
}

export const sarif: StreamingReporter = streamingReporter((results, ctx) => sarifPieces(results, ctx, prepare(undefined, ctx)), {
  listsRules: true,
  chunks: (results, ctx) => sarifPieces(results, ctx, prepare(results, ctx)),
});
