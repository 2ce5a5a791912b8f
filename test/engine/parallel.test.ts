import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { lint, type LintOutcome } from '../../src/engine/lint.js';
import { lintParallel, partition, type WorkerConfigOptions } from '../../src/engine/parallel.js';
import { rules } from '../../src/engine/registry.js';
import { createConfigProvider } from '../../src/cli/config-provider.js';
import { corpusDir } from '../helpers.js';

// A tree whose folder guess is wrong on purpose: b/ builds ../shared/Dockerfile (a target of
// another unit) and e/, f/ both include common/base.yaml, so units must be merged and re-linted.
const TREE: Record<string, string> = {
  'a/compose.yaml': 'services:\n  web:\n    build:\n      context: ./app\n      args:\n        BASE: node:20\n    ports:\n      - 8080:80\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres\n',
  'a/.env': 'TAG=1\n',
  'a/app/Dockerfile': 'ARG BASE\nFROM ${BASE}\nRUN apt-get update && apt-get install curl\nCOPY missing.txt /x\nCMD node server.js\n',
  'b/compose.yaml': 'services:\n  api:\n    build:\n      context: ../shared\n    image: api:latest\n',
  'shared/Dockerfile': 'FROM ubuntu\nRUN cd /tmp && make\nEXPOSE 22\n',
  'c/Dockerfile': 'FROM alpine:latest\nRUN apk add curl\nMAINTAINER me\n',
  'c/sub/Dockerfile.dev': 'from debian as build\nRUN pip install flask\n',
  'd/compose.yaml': 'version: "3"\nservices:\n  app:\n    image: nginx\n    restart: sometimes\n',
  'd/compose.override.yaml': 'services:\n  app:\n    ports:\n      - "80:80"\n',
  'common/base.yaml': 'services:\n  shared:\n    image: redis\n    volumes:\n      - data:/data\n',
  'e/compose.yaml': 'include:\n  - ../common/base.yaml\nservices:\n  one:\n    image: busybox\n    depends_on: [shared]\n',
  'f/compose.yaml': 'include:\n  - ../common/base.yaml\nservices:\n  two:\n    image: busybox:1\n    depends_on: [nothere]\n',
};

// Targets, plus the partner files findings point into (a/.env, the included common/base.yaml).
const RESULT_PATHS = [
  'a/.env',
  'a/app/Dockerfile',
  'a/compose.yaml',
  'b/compose.yaml',
  'c/Dockerfile',
  'c/sub/Dockerfile.dev',
  'common/base.yaml',
  'd/compose.override.yaml',
  'd/compose.yaml',
  'e/compose.yaml',
  'f/compose.yaml',
  'shared/Dockerfile',
];

function makeTree(): string {
  const root = mkdtempSync(join(tmpdir(), 'compose-lint-parallel-'));
  for (const [rel, text] of Object.entries(TREE)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

async function bothWays(cwd: string, paths: string[]): Promise<{ single: LintOutcome; parallel: Awaited<ReturnType<typeof lintParallel>> }> {
  const options: WorkerConfigOptions = { cwd, preset: 'all', ruleFlags: [] };
  const single = await lint({ cwd, paths, config: await createConfigProvider({ cwd, rules, preset: 'all', ruleFlags: [] }), env: {} });
  const parallel = await lintParallel(
    { cwd, paths, config: await createConfigProvider({ cwd, rules, preset: 'all', ruleFlags: [] }), env: {} },
    { threads: 2, minFiles: 0, config: options },
  );
  return { single, parallel };
}

const plain = (o: LintOutcome) => JSON.stringify({ results: o.results, errors: o.errors, internalErrors: o.internalErrors });

test('partition: compose folders take the Dockerfiles below them, others stand alone, in target order', () => {
  const units = partition([
    { path: '/r/a/app/Dockerfile', kind: 'dockerfile' },
    { path: '/r/a/compose.yaml', kind: 'compose' },
    { path: '/r/b/compose.yaml', kind: 'compose' },
    { path: '/r/c/Dockerfile', kind: 'dockerfile' },
    { path: '/r/c/sub/Dockerfile.dev', kind: 'dockerfile' },
    { path: '/r/a/compose.override.yaml', kind: 'compose' },
  ]);
  assert.deepEqual(units, [
    ['/r/a/app/Dockerfile', '/r/a/compose.yaml', '/r/a/compose.override.yaml'],
    ['/r/b/compose.yaml'],
    ['/r/c/Dockerfile'],
    ['/r/c/sub/Dockerfile.dev'],
  ]);
});

test('two threads give the same outcome as one, in the same order, on a tree that needs merging', async () => {
  const root = makeTree();
  try {
    const { single, parallel } = await bothWays(root, ['.']);
    assert.equal(parallel.threads, 2);
    assert.equal(parallel.fallback, undefined);
    assert.equal(plain(parallel), plain(single));
    // b/ reached into shared/, e/ and f/ share common/base.yaml: one more round for those.
    assert.equal(parallel.rounds, 2);
    assert.equal(parallel.relinted, 4);
    assert.deepEqual(single.results.map((r) => r.path.slice(root.length + 1)), RESULT_PATHS);
    assert.ok(single.results.find((r) => r.path === join(root, 'shared/Dockerfile'))!.findings.length > 0);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('stays in one thread for standard input and below the file threshold', async () => {
  const root = makeTree();
  try {
    const config = await createConfigProvider({ cwd: root, rules, ruleFlags: [] });
    const options = { threads: 2, config: { cwd: root, ruleFlags: [] } };
    const small = await lintParallel({ cwd: root, paths: ['.'], config, env: {} }, options);
    assert.equal(small.threads, 1);
    assert.equal(small.fallback, undefined);
    const stdin = await lintParallel(
      { cwd: root, paths: [], config, env: {}, stdin: { text: 'FROM alpine\n', filename: 'Dockerfile' } },
      { ...options, minFiles: 0 },
    );
    assert.equal(stdin.threads, 1);
    assert.equal(stdin.fallback, 'standard input is linted in one thread');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a corpus subset gives the same JSON with one and two threads', async () => {
  const { single, parallel } = await bothWays(corpusDir, ['docker+awesome-compose']);
  assert.equal(parallel.threads, 2);
  assert.ok(single.results.length > 50);
  assert.equal(plain(parallel), plain(single));
});

test('sequential units in this thread give the same outcome as one lint(), merging units that share files', async () => {
  const root = makeTree();
  try {
    const config = () => createConfigProvider({ cwd: root, rules, preset: 'all', ruleFlags: [] });
    const single = await lint({ cwd: root, paths: ['.'], config: await config(), env: {} });
    const done: string[] = [];
    const sequential = await lintParallel(
      { cwd: root, paths: ['.'], config: await config(), env: {} },
      { sequential: true, threads: 2, minFiles: 0, config: { cwd: root, preset: 'all', ruleFlags: [] }, onFilesDone: (p) => done.push(...p) },
    );
    assert.equal(sequential.threads, 1);
    assert.equal(sequential.fallback, undefined);
    assert.equal(plain(sequential), plain(single));
    assert.equal(sequential.rounds, 2);
    assert.equal(sequential.relinted, 4);
    assert.deepEqual(single.results.map((r) => r.path.slice(root.length + 1)), RESULT_PATHS);
    // Every target is reported done once, in the first round.
    assert.equal(done.length, 10);
    assert.equal(new Set(done).size, 10);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
