/**
 * Runs a rule's fixtures: every `fixtures/valid*` must stay silent, every `fixtures/invalid*` must
 * report exactly the lines marked `# expect: <rule-id>` and match its snapshot (ids, positions,
 * messages, fixes). A marker on a comment-only line points at the next line that is not a marker;
 * a marker after code points at its own line. Snapshots are written when missing, except in CI.
 * The fixes of the rule under test (safe and unsafe) are then applied in memory: the fixed text
 * goes into the snapshot, and the fixes must converge and be idempotent.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lint, type ConfigProvider } from '../engine/lint.js';
import { resolveRuleCode, rulesById } from '../engine/registry.js';
import type { FileResult, Rule, Settings } from '../engine/types.js';
import type { FileKind } from '../cli/discover.js';
import { nodeFileSystem, type FileSystem } from '../project/fs.js';
import { candidateFixes, fixLoop, type FixRun } from '../engine/fix.js';

export interface Fixture {
  name: string;
  path: string;
  valid: boolean;
  isDir: boolean;
}

export function listFixtures(ruleDir: string): Fixture[] {
  const dir = join(ruleDir, 'fixtures');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => /^(valid|invalid)/.test(n) && !n.endsWith('.snap'))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      return { name, path, valid: name.startsWith('valid'), isDir: statSync(path).isDirectory() };
    });
}

/**
 * A config that enables this rule, with its default severity and options, plus the rules a
 * fixture asks for with a `# fixture-enable: <ids>` comment (e.g. to have something to suppress).
 */
export function singleRuleConfig(rule: Rule, options?: Record<string, unknown>, extra: readonly Rule[] = [], settings: Settings = {}): ConfigProvider {
  const config = {
    key: 'fixture',
    rules: [rule, ...extra].map((r) => ({
      rule: r,
      severity: r.meta.severity,
      options: { ...(r.meta.options?.defaults ?? {}), ...(r === rule ? options : {}) },
    })),
    settings,
    resolveId: resolveRuleCode,
  };
  return { isIgnored: () => false, forFile: () => config };
}

function kindOfFixture(name: string): FileKind | undefined {
  if (/\.ya?ml$/.test(name)) return 'compose';
  if (/(^|\.)(Dockerfile|Containerfile)$/i.test(name) || /Dockerfile/.test(name)) return 'dockerfile';
  return undefined;
}

export async function lintFixture(rule: Rule, fixture: Fixture, fs?: FileSystem): Promise<{ results: FileResult[]; errors: string[] }> {
  const kind = fixture.isDir ? undefined : kindOfFixture(fixture.name);
  const texts = fixture.isDir ? readdirSync(fixture.path).map((n) => join(fixture.path, n)) : [fixture.path];
  const extra = texts
    .filter((p) => statSync(p).isFile())
    .flatMap((p) => [...readFileSync(p, 'utf8').matchAll(/#\s*fixture-enable:\s*([\w, -]+)/g)].flatMap((m) => m[1]!.split(/[\s,]+/)))
    .filter(Boolean)
    .map((id) => {
      const r = rulesById.get(id);
      if (!r) throw new Error(`${fixture.path}: fixture-enable names unknown rule ${id}`);
      return r;
    });
  // `# fixture-settings: {"trustedRegistries": ["ghcr.io"]}` gives the run its config settings.
  const settings = texts
    .filter((p) => statSync(p).isFile())
    .flatMap((p) => [...readFileSync(p, 'utf8').matchAll(/#\s*fixture-settings:\s*(\{.*\})\s*$/gm)].map((m) => JSON.parse(m[1]!) as Settings))
    .reduce<Settings>((acc, s) => ({ ...acc, ...s }), {});
  const out = await lint({
    cwd: join(fixture.path, '..'),
    paths: [fixture.path],
    config: singleRuleConfig(rule, undefined, extra, settings),
    env: {},
    ...(fs ? { fs } : {}),
    ...(kind ? { kind } : {}),
  });
  // Only the rule under test is asserted; the extra rules are there to be suppressed.
  const results = out.results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.ruleId === rule.meta.id) }));
  return { results, errors: [...out.errors, ...out.internalErrors] };
}

/** `path:line ruleId` for every marker found in the linted files. */
export function expectedMarkers(results: FileResult[], base: string): string[] {
  const out: string[] = [];
  for (const r of results) {
    // A file the engine skipped unread (file-too-large) has no text in its result: read it here.
    const text = r.text ?? (existsSync(r.path) && statSync(r.path).isFile() ? readFileSync(r.path, 'utf8') : '');
    const lines = text.split(/\r?\n/);
    let pending: string[] = [];
    lines.forEach((line, i) => {
      const m = /#\s*expect:\s*([\w@.,\s-]+?)\s*$/.exec(line);
      const ids = m ? m[1]!.split(/[\s,]+/).filter(Boolean) : [];
      const commentOnly = /^\s*#/.test(line);
      if (m && commentOnly) {
        pending.push(...ids);
        return;
      }
      for (const id of [...pending, ...ids]) out.push(`${relative(base, r.path) || '.'}:${i + 1} ${id}`);
      pending = [];
    });
  }
  return out.sort();
}

export function reportedMarkers(results: FileResult[], base: string): string[] {
  return results
    .flatMap((r) => r.findings.filter((f) => !f.suppressed).map((f) => `${relative(base, f.location.path) || '.'}:${f.location.start.line} ${f.ruleId}`))
    .sort();
}

/** The snapshot text: one block per finding, with exact ranges, message, related places and fixes. */
export function renderSnapshot(results: FileResult[], base: string): string {
  const out: string[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      const rel = relative(base, f.location.path) || '.';
      const { start, end } = f.location;
      out.push(`${rel}:${start.line}:${start.column}-${end.line}:${end.column} ${f.severity} ${f.ruleId}${f.suppressed ? ' (suppressed)' : ''}`);
      out.push(`  ${f.message}`);
      const text = r.text ?? '';
      const line = text.split(/\r?\n/)[start.line - 1] ?? '';
      out.push(`  | ${line}`);
      const width = end.line === start.line ? Math.max(1, end.column - start.column) : Math.max(1, line.length - start.column + 1);
      out.push(`  | ${' '.repeat(start.column - 1)}${'^'.repeat(width)}`);
      for (const rel2 of f.related ?? []) {
        out.push(`  related ${relative(base, rel2.location.path) || '.'}:${rel2.location.start.line}:${rel2.location.start.column}: ${rel2.message}`);
      }
      for (const fix of [...(f.fix ? [f.fix] : []), ...(f.suggestions ?? [])]) {
        out.push(`  ${f.fix === fix ? `fix (${fix.safety})` : 'suggestion'}: ${fix.title}`);
        for (const e of fix.edits) out.push(`    ${relative(base, e.path) || '.'}@${e.start}-${e.end} ${JSON.stringify(e.text)}`);
      }
    }
  }
  return out.join('\n') + '\n';
}

/** Compares with the stored snapshot; writes it when missing (never in CI) or when UPDATE_SNAPSHOTS=1. */
export function matchSnapshot(snapPath: string, actual: string): { ok: true } | { ok: false; expected: string } {
  const update = process.env.UPDATE_SNAPSHOTS === '1';
  if (!existsSync(snapPath) || update) {
    if (process.env.CI && !update) return { ok: false, expected: `(snapshot ${snapPath} is missing; run the tests locally to create it)` };
    writeFileSync(snapPath, actual);
    return { ok: true };
  }
  const expected = readFileSync(snapPath, 'utf8');
  return expected === actual ? { ok: true } : { ok: false, expected };
}

export interface FixtureFixOutcome {
  run: FixRun<{ results: FileResult[]; errors: string[] }>;
  /** Problems with the fixes: empty when they converge and a second application changes nothing. */
  problems: string[];
}

/**
 * Applies the fixes of the rule under test to the fixture, in memory, as `--fix --unsafe-fixes`
 * would; then checks that no fixable finding of the rule is left and that fixing the fixed text
 * again changes nothing.
 */
export async function fixFixture(rule: Rule, fixture: Fixture): Promise<FixtureFixOutcome> {
  const opts = { unsafe: true, accept: (f: { ruleId: string }) => f.ruleId === rule.meta.id };
  const run = await fixLoop(nodeFileSystem, (fs) => lintFixture(rule, fixture, fs), opts);
  const problems: string[] = [];
  const base = join(fixture.path, '..');
  for (const fix of run.invalid) problems.push(`invalid fix "${fix.title}": edits overlap or fall outside the file`);
  const exists = (p: string) => run.files.get(p)?.after !== undefined || nodeFileSystem.readFile(p) !== undefined;
  const left = candidateFixes(run.outcome.results, exists, opts);
  if (left.length > 0) {
    problems.push(`after ${run.passes} fix passes a re-lint still offers fixes: ${left.map((f) => f.title).join('; ')}`);
  } else if (run.files.size > 0) {
    // The second application starts from the fixed texts, exactly as a second `--fix` would.
    const fixed: FileSystem = {
      readFile: (p) => run.files.get(p)?.after ?? nodeFileSystem.readFile(p),
      kind: (p) => (run.files.has(p) ? 'file' : nodeFileSystem.kind(p)),
      readDir: (p) => nodeFileSystem.readDir(p),
    };
    const again = await fixLoop(fixed, (fs) => lintFixture(rule, fixture, fs), opts);
    for (const path of again.files.keys()) problems.push(`a second fix run changed ${relative(base, path) || '.'}`);
  }
  return { run, problems };
}

/** The fixed text of each changed file, appended to the snapshot. */
export function renderFixed(run: FixRun<unknown>, base: string): string {
  const out: string[] = [];
  for (const [path, { before, after }] of [...run.files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    out.push(`--- fixed ${relative(base, path) || '.'}${before === undefined ? ' (created)' : ''} ---`);
    out.push(after.endsWith('\n') ? after.slice(0, -1) : after + '\n\\ no newline at end of file');
  }
  return out.length ? out.join('\n') + '\n' : '';
}
