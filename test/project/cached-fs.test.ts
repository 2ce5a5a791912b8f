/**
 * The per-run FileSystem view: folders listed once, existence answered from the listings, and
 * the reads that check a file's size and read it in one open.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint, type ConfigProvider } from '../../src/engine/lint.js';
import { OverlayFileSystem } from '../../src/engine/fix.js';
import { cachingFileSystem } from '../../src/project/cached-fs.js';
import { memoryFileSystem, nodeFileSystem, readWithin, type FileSystem } from '../../src/project/fs.js';
import { rules } from '../../src/engine/registry.js';
import { fixturesDir } from '../helpers.js';

const config: ConfigProvider = {
  forFile: () => ({ key: 'all', rules: rules.map((rule) => ({ rule, severity: rule.meta.severity, options: rule.meta.options?.defaults ?? {} })), settings: {}, resolveId: () => undefined }),
  isIgnored: () => false,
};

function counting(base: FileSystem) {
  const listed = new Map<string, number>();
  const asked: string[] = [];
  const fs: FileSystem = {
    readFile: (p) => base.readFile(p),
    kind: (p) => (asked.push(p), base.kind(p)),
    readDir: (p) => (listed.set(p, (listed.get(p) ?? 0) + 1), base.readDir(p)),
  };
  return { fs, listed, asked };
}

test('a lint lists each folder once and asks the port about no path inside a listed folder', async () => {
  const dir = join(fixturesDir, 'scale-monorepo');
  const { fs, listed, asked } = counting(nodeFileSystem);
  const out = await lint({ cwd: dir, paths: ['.'], config, fs });
  assert.deepEqual(out.internalErrors, []);
  assert.equal(out.results.length, 3);
  assert.deepEqual([...listed].filter(([, n]) => n > 1), []);
  // Even the command-line folder is answered from its parent's listing.
  assert.deepEqual(asked, []);
  assert.ok(listed.has(dir) && listed.has(join(dir, 'a')));
});

test('existence comes from the parent listing; unlistable folders and the root are asked directly', () => {
  const mem = memoryFileSystem({ '/p/compose.yaml': 'x', '/p/sub/Dockerfile': 'y' });
  const { fs, listed, asked } = counting({ ...mem, readDir: (p) => (p === '/q' ? undefined : mem.readDir(p)) });
  const view = cachingFileSystem(fs);
  assert.equal(view.kind('/p/compose.yaml'), 'file');
  assert.equal(view.kind('/p/sub'), 'dir');
  assert.equal(view.kind('/p/compose.override.yaml'), undefined);
  assert.equal(view.kind('/p/sub/Dockerfile'), 'file');
  assert.deepEqual(asked, []);
  assert.deepEqual([...listed.keys()].sort(), ['/p', '/p/sub']);
  // A folder the port cannot list (no read permission): the path itself is asked.
  assert.equal(view.kind('/q/x'), undefined);
  assert.equal(view.kind('/'), 'dir');
  view.kind('/p/../p');
  assert.deepEqual(asked, ['/q/x', '/', '/p/../p']);
  // Listings are memoized, including the folders that could not be listed.
  view.readDir('/p');
  view.kind('/q/y');
  assert.equal(listed.get('/p'), 1);
  assert.equal(listed.get('/q'), 1);
});

test('--fix overlay: a file created in a new folder makes the folder exist in listings too', () => {
  const overlay = new OverlayFileSystem(memoryFileSystem({ '/p/Dockerfile': 'FROM a\n' }));
  overlay.changed.set('/p/new/deep/.dockerignore', 'x\n');
  overlay.changed.set('/p/.dockerignore', 'y\n');
  const view = cachingFileSystem(overlay);
  assert.equal(view.kind('/p/new'), 'dir');
  assert.equal(view.kind('/p/new/deep'), 'dir');
  assert.equal(view.kind('/p/new/deep/.dockerignore'), 'file');
  assert.equal(view.kind('/p/.dockerignore'), 'file');
  assert.deepEqual(overlay.readDir('/p')?.map((e) => `${e.name} ${e.kind}`).sort(), ['.dockerignore file', 'Dockerfile file', 'new dir']);
});

test('readWithin: the text when small enough, the size when larger, through either kind of port', (t) => {
  const mem = memoryFileSystem({ '/p/a': 'abcdef' });
  assert.equal(readWithin(mem, '/p/a', 6), 'abcdef');
  assert.deepEqual(readWithin(mem, '/p/a', 5), { size: 6 });
  assert.equal(readWithin(mem, '/p/missing', 5), undefined);

  const dir = mkdtempSync(join(tmpdir(), 'compose-lint-within-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'f'), 'héllo');
  mkdirSync(join(dir, 'd'));
  assert.equal(readWithin(nodeFileSystem, join(dir, 'f'), 6), 'héllo');
  assert.deepEqual(readWithin(nodeFileSystem, join(dir, 'f'), 5), { size: 6 });
  assert.equal(readWithin(nodeFileSystem, join(dir, 'd'), 100), undefined);
  assert.equal(nodeFileSystem.readError!(join(dir, 'd')), 'it is a directory');
  assert.equal(readWithin(nodeFileSystem, join(dir, 'none'), 100), undefined);
  assert.equal(nodeFileSystem.readError!(join(dir, 'none')), 'it no longer exists (removed during the run?)');
});

test('the disk keeps the reasons of its most recent failed reads only: a run looks for many files that are not there', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'compose-lint-reasons-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (let i = 0; i < 1000; i++) assert.equal(nodeFileSystem.readFile(join(dir, `missing-${i}`, '.env')), undefined);
  assert.equal(nodeFileSystem.readError!(join(dir, 'missing-999', '.env')), 'it no longer exists (removed during the run?)');
  assert.equal(nodeFileSystem.readError!(join(dir, 'missing-0', '.env')), undefined);
});

test('config files are looked up through the run’s listings, and loaded from the disk', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'compose-lint-cfg-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'app'));
  writeFileSync(join(dir, 'app', 'Dockerfile'), 'FROM node:latest\n');
  writeFileSync(join(dir, 'app', '.compose-lint.yaml'), 'rules:\n  latest-image-tag: off\n');
  const { createConfigProvider } = await import('../../src/cli/config-provider.js');
  const ids = async (fs: FileSystem) => {
    const provider = await createConfigProvider({ cwd: dir, rules, ruleFlags: [] });
    const out = await lint({ cwd: dir, paths: ['.'], config: provider, env: {}, fs });
    return out.results.flatMap((r) => r.findings.map((f) => f.ruleId)).filter((id) => id === 'latest-image-tag');
  };
  // Seen by the listing: the config applies and turns the rule off.
  assert.deepEqual(await ids(nodeFileSystem), []);
  // A view whose listing leaves the config out: the lookup asks the view, not the disk.
  const hiding: FileSystem = {
    ...nodeFileSystem,
    readDir: (p) => nodeFileSystem.readDir(p)?.filter((e) => e.name !== '.compose-lint.yaml'),
    kind: (p) => (p.endsWith('.compose-lint.yaml') ? undefined : nodeFileSystem.kind(p)),
  };
  assert.deepEqual(await ids(hiding), ['latest-image-tag']);
});

test('a view bounded to n listings forgets the oldest and lists it again when asked', () => {
  const { fs, listed, asked } = counting(memoryFileSystem({ '/r/a/x': '1', '/r/b/y': '2', '/r/c/z': '3' }));
  const view = cachingFileSystem(fs, 2);
  assert.deepEqual(view.readDir('/r/a'), [{ name: 'x', kind: 'file' }]);
  assert.deepEqual(view.readDir('/r/b'), [{ name: 'y', kind: 'file' }]);
  // Kept: answered without the port, as often as asked.
  assert.equal(view.kind('/r/a/x'), 'file');
  assert.equal(view.kind('/r/b/nothere'), undefined);
  assert.equal(listed.get('/r/a'), 1);
  // A third folder pushes out the first listed.
  assert.equal(view.kind('/r/c/z'), 'file');
  assert.equal(view.kind('/r/a/x'), 'file');
  assert.equal(listed.get('/r/a'), 2);
  assert.equal(listed.get('/r/c'), 1);
  assert.deepEqual(asked, []);
});
