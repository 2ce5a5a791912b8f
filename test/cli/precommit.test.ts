/**
 * The pre-commit hook definition: its `files` pattern picks exactly the files compose-lint finds in
 * folders, and a run over only the staged compose file still applies the cross-file rules, reading
 * the Dockerfile it builds from disk.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { kindFromName } from '../../src/cli/discover.js';
import { run, type JsonResult } from './fake-io.js';
import { fixturesDir, repoRoot } from '../helpers.js';

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  exclude: string;
  pass_filenames: boolean;
  args?: string[];
}

const hooks = parse(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = hooks.find((h) => h.id === 'compose-lint')!;
// pre-commit matches with Python's re.search; the pattern uses only syntax both engines share.
const selected = (path: string) => new RegExp(hook.files).test(path) && !new RegExp(hook.exclude).test(path);

test('the hook is a node hook running the CLI with the staged file names', () => {
  assert.deepEqual(
    { id: hook.id, entry: hook.entry, language: hook.language, pass_filenames: hook.pass_filenames },
    { id: 'compose-lint', entry: 'compose-lint', language: 'node', pass_filenames: true },
  );
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  assert.ok(pkg.bin[hook.entry], 'the entry is a bin of the package');
});

test('the files pattern agrees with the names compose-lint looks for', () => {
  const names = [
    'Dockerfile', 'app/Dockerfile', 'Dockerfile.dev', 'a/b/api.Dockerfile', 'x.dockerfile', 'Containerfile', 'Containerfile.prod',
    'compose.yaml', 'compose.yml', 'deploy/compose.override.yaml', 'docker-compose.yml', 'docker-compose.prod.yaml',
    'Dockerfile.dockerignore', 'README.md', 'compose.json', 'mydocker-compose.yml', 'Dockerfiles/readme.txt', 'src/compose.ts',
    'docker-compose.yml.bak', '.dockerignore', 'values.yaml',
  ];
  for (const name of names) assert.equal(selected(name), kindFromName('/r/' + name) !== undefined, name);
  assert.deepEqual(names.filter(selected).length, 12);
});

test('a simulated hook run over the staged compose file alone still reports into its Dockerfile', async () => {
  const root = join(fixturesDir, 'precommit');
  const staged = ['compose.yaml', 'README.md'].filter(selected);
  const r = await run([...(hook.args ?? []), ...staged, '-f', 'json'], { cwd: root });
  const results = JSON.parse(r.stdout) as JsonResult[];
  const found = results.flatMap((x) => x.messages.map((m) => `${x.filePath.slice(root.length + 1)}:${m.line}:${m.column} ${m.ruleId}`));
  assert.ok(found.includes('app/Dockerfile:3:6 secret-file-in-image'), found.join('\n'));
});
