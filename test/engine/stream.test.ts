import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, type LintOutcome, type LintRequest } from '../../src/engine/lint.js';
import { planUnits } from '../../src/engine/units.js';
import { collectStream, lintStream, type StreamOptions } from '../../src/engine/stream.js';
import { rules } from '../../src/engine/registry.js';
import { createConfigProvider } from '../../src/cli/config-provider.js';
import { memoryFileSystem } from '../../src/project/fs.js';
import { startRun } from '../../src/engine/parallel.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const plain = (o: LintOutcome) => JSON.stringify({ results: o.results, errors: o.errors, internalErrors: o.internalErrors });

async function request(tree: Record<string, string>): Promise<LintRequest> {
  return { cwd: '/', paths: ['/m'], config: await createConfigProvider({ cwd: '/', rules, preset: 'all', ruleFlags: [] }), env: {}, fs: memoryFileSystem(tree) };
}

/**
 * lint() of the tree, and the tree streamed unit by unit (with the stream, to look at its counts).
 * Each compose folder is a unit of its own unless `packFiles` says otherwise: most tests here look
 * at how units wait for each other, which packing neighbours together would hide.
 */
async function bothWays(tree: Record<string, string>, options: StreamOptions = { packFiles: 1 }) {
  const single = await lint(await request(tree));
  const req = await request(tree);
  const plan = planUnits(req, 0);
  if ('single' in plan) throw new Error(`not split: ${plan.single}`);
  const stream = lintStream(req, plan, options);
  return { single, streamed: collectStream(stream), stream };
}
const ALONE: StreamOptions = { packFiles: 1 };

// Units that reach into each other in every way the stream must foresee or catch: b/ builds a
// sibling's Dockerfile (`..`), e/ and f/ include one file, r/ builds a folder that has a compose
// file of its own, q/ names its files through COMPOSE_FILE in its .env.
const TREE: Record<string, string> = {
  '/m/r/compose.yaml': 'services:\n  top:\n    build: ./sub\n    image: top:latest\n',
  '/m/r/sub/compose.yaml': 'services:\n  sub:\n    build: .\n    restart: sometimes\n',
  '/m/r/sub/Dockerfile': 'FROM alpine:latest\nRUN apk add curl\n',
  '/m/a/compose.yaml': 'services:\n  web:\n    build:\n      context: ./app\n    ports:\n      - 8080:80\n',
  '/m/a/app/Dockerfile': 'FROM node\nRUN apt-get update && apt-get install curl\n',
  '/m/b/compose.yaml': 'services:\n  api:\n    build:\n      context: ../shared\n    image: api:latest\n',
  '/m/shared/Dockerfile': 'FROM ubuntu\nRUN cd /tmp && make\n',
  '/m/c/Dockerfile': 'FROM alpine:latest\nMAINTAINER me\n',
  '/m/common/base.yaml': 'services:\n  shared:\n    image: redis\n',
  '/m/e/compose.yaml': 'include:\n  - ../common/base.yaml\nservices:\n  one:\n    image: busybox\n    depends_on: [shared]\n',
  '/m/f/compose.yaml': 'include:\n  - ../common/base.yaml\nservices:\n  two:\n    image: busybox:1\n    depends_on: [nothere]\n',
  '/m/q/.env': 'COMPOSE_FILE=compose.yaml:../common/base.yaml\n',
  '/m/q/compose.yaml': 'services:\n  q:\n    image: nginx\n',
};

test('a streamed run gives exactly the outcome of one lint(), merging units that share files once', async () => {
  const { single, streamed, stream } = await bothWays(TREE);
  assert.equal(plain(streamed), plain(single));
  assert.equal(single.results.length, 11);
  // b/ (`..`), e/ and f/ (include) and q/ (COMPOSE_FILE) may reach anywhere; r/ only below it.
  assert.equal(stream.stats.wild, 4);
  // b/ with shared/; e/, f/ and q/ with one another (common/base.yaml); r/ with r/sub/. Each
  // group is linted again once.
  assert.equal(stream.stats.relinted, 2 + 3 + 3);
  assert.equal(stream.stats.rounds, 2);
});

// Independent projects: each is final as soon as it is linted.
function projects(n: number): Record<string, string> {
  const tree: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    const p = `/m/p${String(i).padStart(3, '0')}`;
    tree[`${p}/Dockerfile`] = `FROM alpine:3.${i % 20}\nRUN apk add curl\n`;
    tree[`${p}/compose.yaml`] = `services:\n  app${i}:\n    build: .\n    image: app:latest\n    environment:\n      - HOME=/home/\${USER}\n`;
  }
  return tree;
}

test('results come out while the run goes on: a project is reported before the next one is linted', async () => {
  const tree = projects(60);
  const req = await request(tree);
  const plan = planUnits(req, 0);
  if ('single' in plan) throw new Error('not split');
  let linted = 0;
  const stream = lintStream(req, plan, { ...ALONE, onFilesDone: () => linted++ });
  const seen: number[] = [];
  for (const r of stream.results) {
    seen.push(linted);
    assert.ok(r.findings.length > 0);
  }
  // Two results per project (its Dockerfile and its compose file), reported before the next is linted.
  assert.equal(seen.length, 120);
  assert.deepEqual(seen.slice(0, 4), [1, 1, 2, 2]);
  assert.equal(seen.at(-1), 60);
  assert.equal(stream.stats.wild, 0);
  assert.equal(stream.stats.heldPeak, 2);
  assert.equal(plain(collectStream(lintStream(req, planUnits(req, 0) as never, ALONE))), plain(await lint(await request(tree))));
});

test('a project that may reach anywhere is linted first, and holds back only what it could reach', async () => {
  const tree = projects(30);
  // Last in path order, but it builds the first project's folder.
  tree['/m/zz/compose.yaml'] = 'services:\n  late:\n    build: ../p000\n';
  const { single, streamed, stream } = await bothWays(tree);
  assert.equal(plain(streamed), plain(single));
  assert.equal(stream.stats.wild, 1);
  assert.equal(stream.stats.relinted, 3);
  // Until the wild project was linted nothing could go out; after it, each project on its own.
  assert.ok(stream.stats.heldPeak <= 3, `held ${stream.stats.heldPeak}`);
});

test('textOf gives the texts of the project whose result was handed out last', async () => {
  const tree = projects(3);
  const req = await request(tree);
  const stream = lintStream(req, planUnits(req, 0) as never, ALONE);
  const it = stream.results[Symbol.iterator]();
  const first = it.next().value!;
  assert.equal(first.path, '/m/p000/Dockerfile');
  assert.equal(stream.textOf('/m/p000/compose.yaml'), tree['/m/p000/compose.yaml']);
  assert.equal(stream.textOf('/m/p001/compose.yaml'), undefined);
  assert.equal(it.next().value!.path, '/m/p000/compose.yaml');
  assert.equal(it.next().value!.path, '/m/p001/Dockerfile');
  assert.equal(stream.textOf('/m/p001/compose.yaml'), tree['/m/p001/compose.yaml']);
});

test('errors come in the order of lint(), once every result has been read', async () => {
  const tree = projects(3);
  const single = await lint({ ...(await request(tree)), paths: ['/m', '/m/nothere'] });
  const req = { ...(await request(tree)), paths: ['/m', '/m/nothere'] };
  const plan = planUnits(req, 0);
  if ('single' in plan) throw new Error(`not split: ${plan.single}`);
  // A path that does not exist: the targets are listed first.
  assert.equal(plan.walked, false);
  const stream = lintStream(req, plan);
  assert.deepEqual(stream.problems().errors, single.errors);
  assert.equal(plain(collectStream(stream)), plain(single));
});

test('a file that changes during the run and reaches into a project already reported is an internal error, not a silent difference', async () => {
  const tree: Record<string, string> = {
    '/m/a/compose.yaml': 'services:\n  a:\n    build: .\n',
    '/m/a/Dockerfile': 'FROM alpine:latest\n',
    '/m/b/compose.yaml': 'services:\n  b:\n    image: nginx:1\n',
  };
  const base = memoryFileSystem(tree);
  let reads = 0;
  // Read first by the foresight scan, then by the lint: by then it builds the other project.
  const fs = {
    ...base,
    readFile: (p: string) => (p === '/m/b/compose.yaml' && ++reads > 1 ? 'services:\n  b:\n    build: ../a\n' : base.readFile(p)),
  };
  const req = { ...(await request(tree)), fs };
  const stream = lintStream(req, planUnits(req, 0) as never, ALONE);
  const paths = [...stream.results].map((r) => r.path);
  assert.deepEqual(paths, ['/m/a/Dockerfile', '/m/a/compose.yaml', '/m/b/compose.yaml']);
  const { internalErrors } = stream.problems();
  assert.equal(internalErrors.length, 1);
  assert.match(internalErrors[0]!, /^unit-by-unit run: linting \/m\/b\/compose\.yaml read \/m\/a\/Dockerfile(\.dockerignore)?, of a project already reported/);
});

test('neighbouring compose folders are linted in packs, with the outcome of one lint()', async () => {
  // 60 projects of two files each: packs of 16 files hold 8 projects.
  const { single, streamed, stream } = await bothWays(projects(60), {});
  assert.equal(plain(streamed), plain(single));
  assert.equal(stream.stats.units, 8);
  assert.equal(stream.stats.heldPeak, 16);
  // A project that may reach anywhere is never packed; the ones it reaches are linted again.
  const tree = { ...TREE, ...projects(20) };
  const both = await bothWays(tree, {});
  assert.equal(plain(both.streamed), plain(both.single));
  assert.equal(both.stream.stats.wild, 4);
  const alone = await bothWays(tree);
  assert.ok(both.stream.stats.units < alone.stream.stats.units / 2, `${both.stream.stats.units} packed vs ${alone.stream.stats.units}`);
});

test('what the stream keeps track of grows with the projects in flight, not with the number of files', async () => {
  // Independent projects, then the same under a root compose file that builds one of them, with
  // lone Dockerfiles beside them and a project that may reach anywhere: 8 times the files, the
  // same bookkeeping at its peak.
  const withRoot = (n: number) => ({
    ...projects(n),
    '/m/compose.yaml': 'services:\n  root:\n    build: ./p000\n',
    '/m/tools/Dockerfile': 'FROM alpine:3\n',
    '/m/zz/compose.yaml': 'services:\n  late:\n    build: ../p001\n',
  });
  const peaks: number[] = [];
  for (const tree of [projects(30), projects(240), withRoot(30), withRoot(240)]) {
    const { single, streamed, stream } = await bothWays(tree, {});
    assert.equal(plain(streamed), plain(single));
    assert.ok(stream.stats.heldPeak <= 20, `held ${stream.stats.heldPeak}`);
    peaks.push(stream.stats.trackedPeak);
  }
  assert.equal(peaks[1], peaks[0], `tracked ${peaks.join(', ')}`);
  assert.equal(peaks[3], peaks[2], `tracked ${peaks.join(', ')}`);
});

test('with worker threads, units are sent ahead a few at a time, even when pulled units join others', async () => {
  const peaks: number[] = [];
  for (const n of [80, 320]) {
    // zz/ may reach anywhere: linted first, it reads p070/'s Dockerfile, so p070's unit joins it
    // when pulled (after zz/ is done: the workers are sent four units ahead).
    const tree: Record<string, string> = { ...projects(n), '/m/compose.yaml': 'services:\n  root:\n    build: ./p000\n', '/m/zz/compose.yaml': 'services:\n  late:\n    build: ../p070\n' };
    const root = mkdtempSync(join(tmpdir(), 'cl-stream-ahead-'));
    try {
      for (const [path, text] of Object.entries(tree)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      }
      const req = async () => ({ cwd: root, paths: [join(root, 'm')], config: await createConfigProvider({ cwd: root, rules, preset: 'all', ruleFlags: [] }), env: {} });
      const run = await startRun(await req(), { threads: 2, minFiles: 0, config: { cwd: root, preset: 'all', ruleFlags: [] } });
      if ('single' in run) throw new Error(`not split: ${run.single}`);
      assert.equal(run.threads, 2);
      assert.equal(plain(collectStream(run.stream)), plain(await lint(await req())));
      peaks.push(run.stream.stats.trackedPeak);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  // Which thread lints what depends on timing, so the peak moves by a few entries; pulling the
  // whole plan ahead made it grow with the tree.
  assert.ok(peaks[1]! < peaks[0]! * 1.5, `tracked ${peaks.join(', ')}`);
});

test('projects that look for the same missing file are not joined: they share nothing', async () => {
  const tree: Record<string, string> = {};
  for (const p of ['a', 'b', 'c']) tree[`/m/${p}/compose.yaml`] = `services:\n  ${p}:\n    image: nginx:1\n    env_file: \${CONF:-/settings.env}\n`;
  const { single, streamed, stream } = await bothWays(tree);
  assert.equal(plain(streamed), plain(single));
  assert.equal(stream.stats.wild, 3);
  assert.equal(stream.stats.relinted, 0);
});

test('folders named side by side, in any order, are walked as the run goes, with the outcome of one lint()', async () => {
  for (const paths of [['/m/r', '/m/a', '/m/b', '/m/q'], ['/m/q', '/m/e', '/m/c', '/m/f', '/m/r']]) {
    const single = await lint({ ...(await request(TREE)), paths });
    const req = { ...(await request(TREE)), paths };
    const plan = planUnits(req, 0);
    if ('single' in plan) throw new Error(`not split: ${plan.single}`);
    assert.equal(plan.walked, true);
    const stream = lintStream(req, plan, ALONE);
    assert.equal(plain(collectStream(stream)), plain(single));
  }
});

test('listed in full (a folder inside another named): a pack of lone Dockerfiles from folders named out of order comes at its first path', async () => {
  const tree: Record<string, string> = {};
  for (let i = 0; i < 5; i++) {
    tree[`/m/z/x${i}/Dockerfile`] = 'FROM alpine:latest\n';
    tree[`/m/a/y${i}/Dockerfile`] = 'FROM alpine:latest\n';
  }
  tree['/m/b/compose.yaml'] = 'services:\n  b:\n    image: nginx:1\n';
  // z/ and a/ are packed together; b/ comes between them in path order.
  const paths = ['/m/z', '/m/a', '/m/b', '/m/a/y1'];
  const single = await lint({ ...(await request(tree)), paths });
  const req = { ...(await request(tree)), paths };
  const plan = planUnits(req, 0);
  if ('single' in plan) throw new Error(`not split: ${plan.single}`);
  assert.equal(plan.walked, false);
  const streamed = collectStream(lintStream(req, plan));
  assert.deepEqual(streamed.internalErrors, []);
  assert.equal(plain(streamed), plain(single));
});
