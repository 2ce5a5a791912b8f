import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../src/engine/lint.js';
import { memoryFileSystem } from '../../../src/project/fs.js';
import { singleRuleConfig } from '../../../src/testing/fixture-harness.js';
import rule, { isNoCacheDir } from './rule.js';

async function findings(dockerfile: string): Promise<string[]> {
  const out = await lint({ cwd: '/p', paths: ['/p/Dockerfile'], config: singleRuleConfig(rule), fs: memoryFileSystem({ '/p/Dockerfile': dockerfile }), env: {} });
  assert.deepEqual([...out.errors, ...out.internalErrors], []);
  return out.results.flatMap((r) => r.findings.map((f) => `${f.location.start.line}:${f.location.start.column}-${f.location.end.column} ${f.fix?.edits.map((e) => `@${e.start}${JSON.stringify(e.text)}`).join('') ?? ''}`));
}

test('abbreviations of --no-cache-dir that pip accepts', () => {
  for (const a of ['--no-cache', '--no-cache-', '--no-cache-d', '--no-cache-di', '--no-cache-dir', '--no-cache-dir=1', '--no-cache=true']) {
    assert.equal(isNoCacheDir(a), true, a);
  }
  for (const a of ['--no-cach', '--no-c', '--no-cache-dirs', '--no-cache-directory', '--cache-dir', '--no-deps']) {
    assert.equal(isNoCacheDir(a), false, a);
  }
});

test('reports at the command name and inserts after `install`', async () => {
  assert.deepEqual(await findings('FROM python:3.12\nRUN pip install flask\n'), ['2:5-8 @32" --no-cache-dir"']);
  assert.deepEqual(await findings('FROM python:3.12\nRUN python -m pip install flask\n'), ['2:5-11 @42" --no-cache-dir"']);
});

test('PIP_NO_CACHE_DIR counts only when set before the RUN, in the stage or a parent stage', async () => {
  assert.deepEqual(await findings('FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install flask\n'), []);
  assert.deepEqual(await findings('FROM python:3.12\nRUN pip install flask\nENV PIP_NO_CACHE_DIR=1\n'), ['2:5-8 @32" --no-cache-dir"']);
  assert.deepEqual(await findings('FROM python:3.12 AS a\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.12\nRUN pip install flask\n'), ['4:5-8 @77" --no-cache-dir"']);
  // pip rejects values that are not booleans, and ignores the variable then.
  assert.deepEqual(await findings('FROM python:3.12\nENV PIP_NO_CACHE_DIR=maybe\nRUN pip install flask\n'), ['3:5-8 @59" --no-cache-dir"']);
});

test('not pip: other subcommands, uv, pipenv, python without -m pip', async () => {
  const text = ['FROM python:3.12', 'RUN pip list', 'RUN uv pip install flask', 'RUN pipenv install', 'RUN python -c "import pip" install', 'RUN python -m venv /v'].join('\n');
  assert.deepEqual(await findings(text + '\n'), []);
});

test('a cache mount elsewhere does not help', async () => {
  assert.deepEqual(await findings('FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install a\n'), []);
  assert.deepEqual(await findings('FROM python:3.12\nRUN --mount=type=bind,target=/root/.cache/pip pip install a\n').then((f) => f.length), 1);
});

test('removing the cache later in the same RUN: home spellings, PIP_CACHE_DIR, only after the install', async () => {
  assert.deepEqual(await findings('FROM python:3.12\nRUN pip install a && rm -rf "${HOME}/.cache/pip/"*\n'), []);
  assert.deepEqual(await findings('FROM python:3.12\nRUN pip install a && rm -Rf $HOME/.cache\n'), []);
  assert.deepEqual(await findings('FROM python:3.12\nENV PIP_CACHE_DIR=/pipc\nRUN pip install a && rm -rf /pipc\n'), []);
  assert.deepEqual(await findings('FROM python:3.12\nRUN pip cache purge && pip install a\n'), ['2:24-27 @51" --no-cache-dir"']);
  assert.deepEqual(await findings('FROM python:3.12\nRUN pip install a && rm -rf -- /root/.cache/pip\n'), []);
  assert.deepEqual(await findings('FROM python:3.12\nRUN pip install a && rm -rf /root/.cache/pipx\n').then((f) => f.length), 1);
});
