/** Discovery of files in folders, on a scratch tree built for each test run. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { kindFromName } from '../../src/cli/discover.js';
import { run, type JsonResult } from './fake-io.js';

const DOCKERFILE = 'FROM alpine:3.19\nUSER app\n';
const COMPOSE = 'services:\n  web:\n    image: nginx:1.27\n';

const found = [
  'Dockerfile', 'Dockerfile.dev', 'app.Dockerfile', 'x.dockerfile', 'Containerfile', 'Containerfile.prod',
  'compose.yaml', 'compose.override.yml', 'docker-compose.yml', 'docker-compose.prod.yaml', 'sub/deeper/Dockerfile',
];
const notFound = ['README.md', 'compose.json', 'mycompose.yaml', 'Dockerfile.dockerignore', 'app.Dockerfile.dockerignore'];

let root = '';
let outside = '';
const write = (path: string, text: string) => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
};

before(() => {
  root = mkdtempSync(join(tmpdir(), 'cl-discover-'));
  outside = mkdtempSync(join(tmpdir(), 'cl-outside-'));
  for (const name of [...found, ...notFound]) {
    write(join(root, 'proj', name), /compose/.test(name) ? COMPOSE : DOCKERFILE);
  }
  write(join(root, 'proj', '.git', 'Dockerfile'), DOCKERFILE);
  write(join(root, 'proj', 'node_modules', 'pkg', 'Dockerfile'), DOCKERFILE);
  write(join(root, 'proj', 'vendor', 'lib', 'Dockerfile'), DOCKERFILE);
  write(join(root, 'proj', '.compose-lint.yaml'), 'ignore:\n  - "vendor/**"\n');
  write(join(outside, 'Dockerfile'), DOCKERFILE);
  symlinkSync(outside, join(root, 'proj', 'linked'));
});

after(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

const linted = async (argv: string[], cwd: string) => {
  const r = await run([...argv, '-f', 'json'], { cwd });
  assert.equal(r.code, 0, r.stderr);
  return (JSON.parse(r.stdout) as JsonResult[]).map((x) => x.filePath.slice(cwd.length + 1)).sort();
};

test('folders are searched by file name; .git, node_modules, ignore globs and symlinks are skipped', async () => {
  assert.deepEqual(await linted(['proj'], root), found.map((n) => `proj/${n}`).sort());
});

test('a symlinked folder named on the command line is linted', async () => {
  assert.deepEqual(await linted(['proj/linked'], root), ['proj/linked/Dockerfile']);
});

test('an ignored file named on the command line is linted', async () => {
  assert.deepEqual(await linted(['proj/vendor/lib/Dockerfile'], root), ['proj/vendor/lib/Dockerfile']);
});

test('kindFromName', () => {
  for (const name of found) assert.equal(kindFromName(`/w/${name}`), /compose/.test(name) ? 'compose' : 'dockerfile', name);
  for (const name of notFound) assert.equal(kindFromName(`/w/${name}`), undefined, name);
});
