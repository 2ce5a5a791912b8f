/**
 * The whole real-world corpus, every rule on: no crash, no internal or usage error, and every
 * finding points inside its file. Silent on success.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createConfigProvider } from '../src/cli/config-provider.js';
import { kindFromName } from '../src/cli/discover.js';
import { lint } from '../src/engine/lint.js';
import { rules } from '../src/engine/registry.js';
import { nodeFileSystem } from '../src/project/fs.js';
import { SourceFile } from '../src/parse/source.js';
import type { Location } from '../src/engine/types.js';
import { corpusDir } from './helpers.js';

/** Files that are context for the linted ones, not linted themselves. */
const CONTEXT = new Set(['.env', '.dockerignore', 'README.md']);

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

test('the corpus lints with --preset all without errors, and every location lies in its file', async () => {
  const files = allFiles(corpusDir).filter((p) => !CONTEXT.has(basename(p)));
  // Names the folder walk does not recognise (docker-compose-kafka.yml, …) are named explicitly.
  const unnamed = files.filter((p) => kindFromName(p) === undefined);
  const config = await createConfigProvider({ cwd: corpusDir, rules, preset: 'all', ruleFlags: [] });
  const outcome = await lint({ cwd: corpusDir, paths: ['.', ...unnamed], config, env: {} });

  assert.deepEqual(config.problems, []);
  assert.deepEqual(outcome.internalErrors, []);
  assert.deepEqual(outcome.errors, []);
  assert.deepEqual(outcome.results.map((r) => r.path).filter((p) => !CONTEXT.has(basename(p))).sort(), files.sort());

  const sources = new Map<string, SourceFile | undefined>();
  const sourceOf = (path: string) => {
    if (!sources.has(path)) {
      const text = nodeFileSystem.readFile(path);
      sources.set(path, text === undefined ? undefined : new SourceFile(path, text));
    }
    return sources.get(path);
  };
  const bad: string[] = [];
  const check = (where: string, loc: Location) => {
    const src = sourceOf(loc.path);
    if (!src) return bad.push(`${where}: points into unreadable ${loc.path}`);
    const lines = src.text.split(/\r\n|\r|\n/);
    const inside = (line: number, column: number) =>
      line >= 1 && line <= lines.length && column >= 1 && column <= lines[line - 1]!.length + 1;
    const { start, end } = loc;
    const ordered = start.line < end.line || (start.line === end.line && start.column <= end.column);
    if (!inside(start.line, start.column) || !inside(end.line, end.column) || !ordered) {
      bad.push(`${where}: ${loc.path}:${start.line}:${start.column}-${end.line}:${end.column} (lines: ${lines.length})`);
    }
  };
  for (const r of outcome.results) {
    for (const f of r.findings) {
      const where = `${f.ruleId} in ${r.path}`;
      if (f.location.path !== r.path) bad.push(`${where}: location in ${f.location.path}`);
      check(where, f.location);
      for (const rel of f.related ?? []) check(`${where} (related)`, rel.location);
      for (const fix of [...(f.fix ? [f.fix] : []), ...(f.suggestions ?? [])]) {
        for (const e of fix.edits) {
          const len = sourceOf(e.path)?.text.length ?? -1;
          if (!(0 <= e.start && e.start <= e.end && e.end <= len) && len !== -1) bad.push(`${where}: edit ${e.start}-${e.end} of ${len}`);
        }
      }
    }
  }
  assert.deepEqual(bad, []);
});
