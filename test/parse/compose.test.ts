import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCompose } from '../../src/parse/compose/parse.js';
import type { ComposeFile, YMap, YScalar } from '../../src/parse/compose/model.js';
import type { Ranged } from '../../src/parse/source.js';
import { fixturesDir } from '../helpers.js';

const parse = (text: string, vars: [string, string][] = []): ComposeFile =>
  parseCompose('c.yaml', text, { variables: new Map(vars) });
const txt = (text: string, r: Ranged | undefined): string | undefined => (r ? text.slice(r.start, r.end) : undefined);

test('services, keys and values keep exact ranges and paths', () => {
  const text = 'name: demo\nservices:\n  web:\n    image: "nginx:1.25"\n    user: root\n';
  const f = parse(text);
  assert.deepEqual(f.yamlErrors, []);
  assert.deepEqual(f.name, { value: 'demo', range: { path: 'c.yaml', start: 6, end: 10 } });
  const web = f.services[0]!;
  assert.equal(web.name, 'web');
  assert.deepEqual(web.nameRange, { path: 'c.yaml', start: 23, end: 26 });
  assert.deepEqual(web.image!.range, { path: 'c.yaml', start: 39, end: 51 });
  assert.equal(web.image!.ref.repository, 'nginx');
  assert.equal(web.image!.ref.tag, '1.25');
  // The tag range skips the quote.
  assert.deepEqual(web.image!.ref.tagRange, { path: 'c.yaml', start: 46, end: 50 });
  assert.deepEqual(web.user, { value: 'root', range: { path: 'c.yaml', start: 62, end: 66 } });
  const img = web.node.get('image') as YScalar;
  assert.deepEqual(img.path, ['services', 'web', 'image']);
  assert.equal(img.source, '"nginx:1.25"');
  assert.equal(img.style, 'double');
  assert.deepEqual(web.node.entry('user')!.keyRange, { path: 'c.yaml', start: 56, end: 60 });
});

test('image tag from a default is located; from a variable it is not', () => {
  const text = 'services:\n  a:\n    image: nginx:${TAG:-latest}\n  b:\n    image: redis:${RT}\n';
  const f = parse(text, [['RT', '7']]);
  const [a, b] = f.services;
  assert.equal(a!.image!.value, 'nginx:latest');
  assert.equal(a!.image!.ref.tag, 'latest');
  assert.equal(txt(text, a!.image!.ref.tagRange), 'latest');
  assert.deepEqual(a!.image!.ref.unresolved, []);
  assert.equal(b!.image!.ref.tag, '7');
  assert.equal(b!.image!.ref.tagRange, undefined);
  const c = parse('services:\n  c:\n    image: app:${NOPE}\n').services[0]!;
  assert.deepEqual(c.image!.ref.unresolved, ['NOPE']);
});

test('anchors, aliases and merge keys', () => {
  const text = [
    'x-common: &common',
    '  restart: always',
    '  environment: &env',
    '    A: "1"',
    'x-more: &more',
    '  restart: "no"',
    '  init: true',
    'services:',
    '  a:',
    '    <<: *common',
    '    restart: unless-stopped',
    '  b:',
    '    <<: [*more, *common]',
    '    environment: *env',
    '',
  ].join('\n');
  const f = parse(text);
  assert.deepEqual(f.yamlErrors, []);
  const a = f.services[0]!.node;
  assert.deepEqual(a.entries.map((e) => [e.key, e.merged]), [['environment', true], ['restart', false]]);
  assert.equal((a.get('restart') as YScalar).value, 'unless-stopped');
  // A merged entry keeps the ranges of the anchor and the path of where it is used.
  const env = a.entry('environment')!;
  assert.equal(env.keyRange.start, text.indexOf('environment'));
  assert.deepEqual(env.value.path, ['services', 'a', 'environment']);
  assert.deepEqual(f.services[0]!.environment, [{ name: 'A', value: '1', range: { path: 'c.yaml', start: text.indexOf('A: "1"'), end: text.indexOf('A: "1"') + 6 } }]);
  const b = f.services[1]!.node;
  // Earlier maps in a merge list win.
  assert.deepEqual(b.entries.map((e) => [e.key, e.merged]), [['restart', true], ['init', true], ['environment', false]]);
  assert.equal((b.get('restart') as YScalar).value, 'no');
  const aliased = b.get('environment') as YMap;
  assert.equal(aliased.kind, 'map');
  assert.equal(aliased.range.start, text.indexOf('A: "1"'));
  assert.deepEqual(aliased.get('A')!.path, ['services', 'b', 'environment', 'A']);
});

test('alias bombs are bounded and cycles do not hang', () => {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  // 10^9 nodes if expanded fully; a small bound keeps the test fast (the default is 1e6).
  const f = parseCompose('c.yaml', lines.join('\n') + '\n', { variables: new Map(), maxNodes: 20_000 });
  assert.deepEqual(
    f.yamlErrors.map((e) => [e.code, e.message]),
    [['ALIAS_EXPANSION_LIMIT', 'aliases expand to more than 20000 nodes; the rest is ignored']],
  );
  const cyc = parse('a: &x\n  b: *x\n');
  assert.ok(cyc.root);
});

test('duplicate keys are reported with both ranges; the last one wins', () => {
  const text = 'services:\n  web:\n    image: a\n    image: b\n  web:\n    image: c\n';
  const f = parse(text);
  assert.deepEqual(f.yamlErrors, []);
  assert.deepEqual(f.duplicateKeys, [
    { key: 'web', range: { path: 'c.yaml', start: 45, end: 48 }, first: { path: 'c.yaml', start: 12, end: 15 } },
    { key: 'image', range: { path: 'c.yaml', start: 34, end: 39 }, first: { path: 'c.yaml', start: 21, end: 26 } },
  ]);
  assert.equal(f.services.length, 1);
  assert.equal(f.services[0]!.image!.value, 'c');
});

test('YAML syntax errors are collected with ranges, never thrown', () => {
  const text = 'services:\n  web:\n    image: "unterminated\n';
  const f = parse(text);
  assert.ok(f.yamlErrors.length > 0);
  for (const e of f.yamlErrors) {
    assert.ok(e.range.start >= 0 && e.range.end <= text.length && e.range.start <= e.range.end);
  }
  assert.equal(f.yamlErrors[0]!.code, 'MISSING_CHAR');
  const multi = parse('a: 1\n---\nb: 2\n');
  assert.deepEqual(multi.yamlErrors.map((e) => [e.code, e.range.start]), [['MULTIPLE_DOCS', 5]]);
  assert.equal(multi.root?.get('a')?.kind, 'scalar');
  for (const bad of ['', '- a\n- b\n', 'just text', '{', ':', '[a, b', 'a: *missing\n', 'services: 3\n', 'services:\n  x: [1]\n  y:\n']) {
    const r = parse(bad);
    assert.equal(r.kind, 'compose');
  }
  assert.deepEqual(parse('services:\n  y:\n').services.map((s) => s.name), ['y']);
});

test('typed service layer: build, depends_on, env_file, networks, secrets, healthcheck', () => {
  const text = readFileSync(join(fixturesDir, 'compose', 'typed.compose.yaml'), 'utf8');
  const f = parseCompose('typed.compose.yaml', text, { variables: new Map([['PORT', '8080']]) });
  assert.deepEqual(f.yamlErrors, []);
  assert.deepEqual(f.version, { value: '3.8', range: { path: 'typed.compose.yaml', start: 9, end: 14 } });
  const [api, worker, db] = f.services;
  assert.equal(api!.build!.context, './api');
  assert.equal(txt(text, api!.build!.contextRange), './api');
  assert.equal(api!.build!.dockerfile, 'Dockerfile.prod');
  assert.equal(txt(text, api!.build!.dockerfileRange), 'Dockerfile.prod');
  assert.equal(api!.build!.target, 'runtime');
  assert.deepEqual(api!.build!.args.map((a) => [a.name, a.value, txt(text, a.range)]), [
    ['NODE_ENV', 'production', 'NODE_ENV=production'],
    ['EMPTY', null, 'EMPTY'],
  ]);
  assert.deepEqual(api!.dependsOn.map((d) => [d.service, d.condition, d.short, d.required, txt(text, d.range)]), [
    ['db', 'service_healthy', false, true, 'db'],
    ['worker', 'service_started', false, false, 'worker'],
  ]);
  assert.deepEqual(api!.envFiles.map((e) => [e.path, e.required, txt(text, e.range)]), [
    ['.env', true, '.env'],
    ['local.env', false, 'local.env'],
  ]);
  assert.deepEqual(api!.environment.map((e) => [e.name, e.value]), [['A', '1'], ['B', null], ['C', 'x=y']]);
  assert.deepEqual(api!.networks.map((n) => n.name), ['front', 'back']);
  assert.deepEqual(api!.secrets.map((s) => [s.name, txt(text, s.range)]), [['token', 'token'], ['cert', 'cert']]);
  assert.deepEqual(api!.ports.map((p) => [p.published, p.target, p.hostIp, p.protocol, p.short, p.error]), [
    ['8080', '80', undefined, 'tcp', true, undefined],
    ['9000', '9000', '127.0.0.1', 'udp', false, undefined],
  ]);
  assert.equal(api!.healthcheck?.kind, 'map');
  assert.deepEqual(api!.profiles, ['web', 'debug']);
  assert.equal(api!.command?.kind, 'seq');
  assert.deepEqual(api!.containerName?.value, 'api-1');

  assert.equal(worker!.build!.context, '.');
  assert.equal(txt(text, worker!.build!.contextRange), '.');
  assert.deepEqual(worker!.dependsOn.map((d) => [d.service, d.short, d.condition]), [['db', true, undefined]]);
  assert.deepEqual(worker!.envFiles.map((e) => e.path), ['worker.env']);
  assert.deepEqual(worker!.configs.map((c) => c.name), ['conf']);
  assert.deepEqual(
    db!.volumes.map((v) => [v.type, v.source, v.target, v.readOnly, v.short]),
    [
      ['volume', 'pgdata', '/var/lib/postgresql/data', false, true],
      ['bind', './init', '/docker-entrypoint-initdb.d', true, true],
      ['tmpfs', undefined, '/tmp', false, false],
    ],
  );
  assert.deepEqual(f.volumes.map((v) => [v.name, v.external, txt(text, v.range)]), [['pgdata', false, 'pgdata'], ['old', true, 'old']]);
  assert.deepEqual(f.networks.map((n) => n.name), ['front', 'back']);
  assert.deepEqual(f.secrets.map((s) => [s.name, s.external]), [['token', true], ['cert', false]]);
  assert.deepEqual(f.configs.map((c) => c.name), ['conf']);
});

test('lenient top-level resources: a bare name or a list of names', () => {
  const text = 'services: {}\nvolumes: pg\nnetworks:\n  - front\n  - back: {}\n';
  const f = parse(text);
  assert.deepEqual(f.volumes.map((v) => [v.name, v.range.start]), [['pg', 22]]);
  assert.deepEqual(f.networks.map((n) => [n.name, txt(text, n.range)]), [['front', 'front'], ['back', 'back']]);
});
