/** The GitHub Action: its definition, and its entry run as the runner runs it (INPUT_* variables). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { fixturesDir, repoRoot } from '../helpers.js';

interface ActionYml {
  inputs: Record<string, { default?: string; required?: boolean }>;
  runs: { using: string; main: string };
}

const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as ActionYml;

test('action.yml is a Node 20 action with the documented inputs', () => {
  assert.deepEqual(action.runs, { using: 'node20', main: 'action/main.mjs' });
  assert.ok(existsSync(join(repoRoot, action.runs.main)));
  assert.deepEqual(Object.keys(action.inputs).sort(), ['config', 'fail-on', 'format', 'path', 'sarif-file']);
  assert.equal(action.inputs.format!.default, 'github');
  assert.equal(action.inputs['fail-on']!.default, 'error');
});

test('the entry maps inputs to CLI arguments', async () => {
  const { cliArgs } = (await import(join(repoRoot, 'action', 'main.mjs'))) as { cliArgs(env: Record<string, string>): string[][] };
  assert.deepEqual(cliArgs({ 'INPUT_PATH': 'a b\nc', 'INPUT_FORMAT': '', 'INPUT_FAIL-ON': 'warning', 'INPUT_CONFIG': 'x.yaml', 'INPUT_SARIF-FILE': 'out.sarif' }), [
    ['a', 'b', 'c', '--config', 'x.yaml', '--fail-on', 'warning', '--format', 'github'],
    ['a', 'b', 'c', '--config', 'x.yaml', '--fail-on', 'warning', '--format', 'sarif', '--output-file', 'out.sarif'],
  ]);
  assert.deepEqual(cliArgs({}), [['.', '--format', 'github']]);
});

test('the entry, run as the runner does, annotates and writes SARIF', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-action-'));
  try {
    const sarifPath = join(dir, 'results.sarif');
    const r = spawnSync(process.execPath, [join(repoRoot, action.runs.main)], {
      cwd: join(fixturesDir, 'action'),
      encoding: 'utf8',
      env: { PATH: process.env.PATH, 'INPUT_PATH': '.', 'INPUT_FORMAT': 'github', 'INPUT_FAIL-ON': 'warning', 'INPUT_SARIF-FILE': sarifPath, 'INPUT_CONFIG': '' },
    });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^::warning file=Dockerfile,line=1,col=13,endLine=1,endColumn=19,title=compose-lint latest-image-tag::Tag `latest` of `alpine:latest` floats/m);
    const sarif = JSON.parse(readFileSync(sarifPath, 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.some((x: { ruleId: string }) => x.ruleId === 'latest-image-tag'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
