/**
 * --fix on real compose projects: every fix of every rule (`--preset all --unsafe-fixes`) applied
 * in memory to the compose files of docker/awesome-compose. Comments must all survive, the result
 * must still parse as YAML, and a second fix run must change nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { lint } from '../../src/engine/lint.js';
import { fixLoop, OverlayFileSystem } from '../../src/engine/fix.js';
import { nodeFileSystem } from '../../src/project/fs.js';
import { createConfigProvider } from '../../src/cli/config-provider.js';
import { rules } from '../../src/engine/registry.js';
import { corpusDir } from '../helpers.js';

const root = join(corpusDir, 'docker+awesome-compose');

/** Comment texts of a YAML file, as a sorted multiset; our own directives may be removed by fixes. */
function comments(text: string): string[] {
  return [...text.matchAll(/(?:^|[ \t])(#.*)$/gm)]
    .map((m) => m[1]!.trim())
    .filter((c) => !/^#\s*compose-lint\b/.test(c))
    .sort();
}

test('fixes keep every comment and are idempotent on awesome-compose', { skip: !existsSync(root) }, async () => {
  const projects = readdirSync(root).filter((d) => existsSync(join(root, d, 'compose.yaml'))).sort();
  assert.ok(projects.length > 20);
  const config = await createConfigProvider({ cwd: root, rules, preset: 'all', ruleFlags: [] });
  const lintWith = (fs: typeof nodeFileSystem) => lint({ cwd: root, paths: projects.map((p) => join(root, p, 'compose.yaml')), config, env: {}, fs });
  const first = await fixLoop(nodeFileSystem, lintWith, { unsafe: true });
  const changedCompose = [...first.files.keys()].filter((p) => p.endsWith('compose.yaml'));
  assert.ok(changedCompose.length > 10, `only ${changedCompose.length} compose files were fixed`);
  assert.deepEqual(first.invalid.map((f) => f.title), []);
  for (const [path, { before, after }] of first.files) {
    if (!path.endsWith('.yaml')) continue;
    assert.deepEqual(comments(after), comments(before ?? ''), `comments of ${path}`);
    assert.deepEqual(parseDocument(after).errors.map((e) => e.message), [], `${path} still parses`);
  }
  const fixed = new OverlayFileSystem(nodeFileSystem);
  for (const [path, { after }] of first.files) fixed.changed.set(path, after);
  const second = await fixLoop(fixed, lintWith, { unsafe: true });
  assert.deepEqual([...second.files.keys()], [], 'a second fix run changes nothing');
});
