import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigFinder } from '../../src/config/find.js';

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'cl-find-'));
  mkdirSync(join(root, 'a', 'b', 'c'), { recursive: true });
  mkdirSync(join(root, 'x', 'y'), { recursive: true });
  mkdirSync(join(root, 'both'), { recursive: true });
  writeFileSync(join(root, '.compose-lint.yaml'), 'rules: {}\n');
  writeFileSync(join(root, 'a', '.compose-lint.json'), '{}\n');
  writeFileSync(join(root, 'both', '.compose-lint.yml'), '{}\n');
  writeFileSync(join(root, 'both', '.compose-lint.yaml'), '{}\n');
  // A folder named like a config file is not one.
  mkdirSync(join(root, 'x', '.compose-lint.yml'));
  return root;
}

test('the nearest config file wins, walking up from the file folder', (t) => {
  const root = tree();
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const finder = new ConfigFinder();
  assert.equal(finder.findForFile(join(root, 'a', 'b', 'c', 'Dockerfile')), join(root, 'a', '.compose-lint.json'));
  assert.equal(finder.findForFile(join(root, 'a', 'Dockerfile')), join(root, 'a', '.compose-lint.json'));
  assert.equal(finder.findForFile(join(root, 'x', 'y', 'compose.yaml')), join(root, '.compose-lint.yaml'));
  assert.equal(finder.findForFile(join(root, 'compose.yaml')), join(root, '.compose-lint.yaml'));
  // .yaml before .yml before .json in one folder.
  assert.equal(finder.findForDir(join(root, 'both')), join(root, 'both', '.compose-lint.yaml'));
});

test('no config anywhere up to the root', (t) => {
  const root = mkdtempSync(join(tmpdir(), 'cl-none-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'deep'));
  const found = new ConfigFinder().findForDir(join(root, 'deep'));
  // Guard: the machine itself must not have a config above the temp dir.
  assert.equal(found, undefined);
});

test('lookups are cached per folder, including folders passed on the way up', (t) => {
  const root = tree();
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const probed: string[] = [];
  const finder = new ConfigFinder((p) => {
    probed.push(p);
    try {
      return statSync(p).isFile();
    } catch {
      return false;
    }
  });
  const expected = join(root, '.compose-lint.yaml');
  assert.equal(finder.findForDir(join(root, 'x', 'y')), expected);
  const first = probed.length;
  assert.equal(first, 7); // x/y: 3 names, x: 3 names, root: hits .yaml first
  assert.equal(finder.findForDir(join(root, 'x', 'y')), expected);
  assert.equal(finder.findForDir(join(root, 'x')), expected);
  assert.equal(probed.length, first);
});
