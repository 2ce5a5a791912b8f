/**
 * The hook installed and run by the real pre-commit tool (Debian's `pre-commit`; .ci/run installs
 * it): pre-commit clones this repository at HEAD, installs it with npm like any `language: node`
 * hook, and runs it on a project. Skipped, saying so, when pre-commit is not installed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, sharedDir } from '../helpers.js';

const available = spawnSync('pre-commit', ['--version']).status === 0;
const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).stdout.trim();

test('pre-commit installs the hook from this repository and reports the seed example, partner files included', {
  skip: !available ? 'pre-commit is not installed (apt-get install pre-commit)' : !head ? 'not a git checkout' : false,
  timeout: 600_000,
}, () => {
  const project = mkdtempSync(join(tmpdir(), 'cl-precommit-'));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=ci', ...args], { cwd: project });
  git('init', '-q');
  for (const f of ['Dockerfile', 'docker-compose.yml', '.env', 'requirements.txt']) copyFileSync(join(sharedDir, 'seed-example', f), join(project, f));
  writeFileSync(
    join(project, '.pre-commit-config.yaml'),
    `repos:\n  - repo: ${repoRoot}\n    rev: ${head}\n    hooks:\n      - id: compose-lint\n        language_version: system\n`,
  );
  git('add', '-A');
  git('commit', '-qm', 'seed');
  // As from a developer's shell: `npm test` exports npm_config_* (e.g. the loglevel .ci/run sets),
  // which would leak into the `npm pack` pre-commit runs.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  env.PRE_COMMIT_HOME = join(project, '.pre-commit-home');

  const all = spawnSync('pre-commit', ['run', '--all-files'], { cwd: project, env, encoding: 'utf8' });
  assert.equal(all.status, 1, all.stdout + all.stderr);
  assert.match(all.stdout, /docker-compose\.yml:53:3: error top-level `volumes` must be a mapping/);
  assert.match(all.stdout, /Dockerfile:9:6: warning `COPY \.` copies the whole build context/);

  // Only the compose file is staged: the Dockerfile it builds is still read from disk.
  const one = spawnSync('pre-commit', ['run', '--files', 'docker-compose.yml'], { cwd: project, env, encoding: 'utf8' });
  assert.equal(one.status, 1, one.stdout + one.stderr);
  assert.match(one.stdout, /Dockerfile:9:6: warning `COPY \.` copies the whole build context/);
});
