import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import { validateComposeSchema, type Locate, type SchemaProblem } from '../../src/parse/compose/schema.js';
import { editDistance, suggest } from '../../src/parse/compose/schema-text.js';
import { corpusDir } from '../helpers.js';

/** The locator the compose model will provide, rebuilt from a bare `yaml` Document. */
function yamlLocator(doc: Document, file: string): Locate {
  return (path, part) => {
    if (part === 'value') {
      const node = path.length ? doc.getIn(path, true) : doc.contents;
      const range = (node as { range?: [number, number, number] } | null)?.range;
      return range ? { path: file, start: range[0], end: range[1] } : undefined;
    }
    const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
    if (!isMap(parent)) return undefined;
    const last = String(path[path.length - 1]);
    const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === last);
    const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
    return range ? { path: file, start: range[0], end: range[1] } : undefined;
  };
}

function check(text: string, file = 'compose.yaml'): SchemaProblem[] {
  const doc = parseDocument(text, { merge: true });
  return validateComposeSchema(doc.toJS({ maxAliasCount: -1 }), yamlLocator(doc, file));
}

/** Range of the only occurrence of `needle` (after `after`, when given). */
function at(text: string, needle: string, after = ''): { path: string; start: number; end: number } {
  const from = after ? text.indexOf(after) + after.length : 0;
  const start = text.indexOf(needle, from);
  assert.ok(start >= 0, `${needle} not in text`);
  return { path: 'compose.yaml', start, end: start + needle.length };
}

test('a scalar where top-level volumes wants a mapping', () => {
  const text = 'services:\n  db:\n    image: postgres\nvolumes: pg\n';
  assert.deepEqual(check(text), [
    {
      message: 'top-level `volumes` must be a mapping of volume names, not a string — write `pg:`',
      path: ['volumes'],
      range: { path: 'compose.yaml', start: 45, end: 47 },
      keyword: 'type',
    },
  ]);
});

test('a list where top-level networks wants a mapping', () => {
  const text = 'services:\n  db:\n    image: postgres\nnetworks: [front, back]\n';
  const [p] = check(text);
  assert.equal(p?.message, 'top-level `networks` must be a mapping of network names, not a list — write each name as a key, like `front:`');
  assert.deepEqual(p?.range, at(text, '[front, back]'));
});

test('a misspelt service key gets a suggestion and points at the key', () => {
  const text = 'services:\n  web:\n    image: nginx\n    depend_on: [db]\n  db:\n    image: postgres\n';
  assert.deepEqual(check(text), [
    {
      message: 'unknown key `depend_on` in service `web` — did you mean `depends_on`?',
      path: ['services', 'web', 'depend_on'],
      range: { path: 'compose.yaml', start: 38, end: 47 },
      keyword: 'additionalProperties',
    },
  ]);
});

test('case and dash slips are suggested, unrelated keys are not', () => {
  const text = 'services:\n  web:\n    image: nginx\n    Working-Dir: /app\n    flavour: mint\n';
  assert.deepEqual(
    check(text).map((p) => [p.message, p.range]),
    [
      ['unknown key `Working-Dir` in service `web` — did you mean `working_dir`?', at(text, 'Working-Dir')],
      ['unknown key `flavour` in service `web`', at(text, 'flavour')],
    ],
  );
});

test('a port of the wrong type says which forms are accepted', () => {
  const text = 'services:\n  web:\n    image: nginx\n    ports:\n      - true\n      - target: 80\n        publish: 8080\n';
  assert.deepEqual(
    check(text).map((p) => [p.message, p.keyword, p.path, p.range]),
    [
      [
        '`ports[0]` of service `web` must be a number, a string or a mapping, not a boolean — such as `"8080:80"`, `80` or a mapping with `target` and `published`',
        'type',
        ['services', 'web', 'ports', 0],
        at(text, 'true'),
      ],
      [
        'unknown key `publish` in `ports[1]` of service `web` — did you mean `published`?',
        'additionalProperties',
        ['services', 'web', 'ports', 1, 'publish'],
        at(text, 'publish'),
      ],
    ],
  );
});

test('enums list their values and suggest the nearest', () => {
  const text = [
    'services:',
    '  web:',
    '    image: nginx',
    '    cgroup: hots',
    '    gpus: any',
    '    depends_on:',
    '      db:',
    '        condition: service_healty',
    '    volumes:',
    '      - type: mount',
    '        target: /data',
    '  db:',
    '    image: postgres',
    '',
  ].join('\n');
  assert.deepEqual(
    check(text).map((p) => [p.message, p.range]),
    [
      ['`cgroup` of service `web` must be `host` or `private`, not `hots` — did you mean `host`?', at(text, 'hots')],
      ['`gpus` of service `web` must be `all` or a list, not `any`', at(text, 'any')],
      [
        '`depends_on.db.condition` of service `web` must be `service_started`, `service_healthy` or `service_completed_successfully`, not `service_healty` — did you mean `service_healthy`?',
        at(text, 'service_healty'),
      ],
      [
        '`volumes[0].type` of service `web` must be `bind`, `volume`, `tmpfs`, `cluster`, `npipe` or `image`, not `mount`',
        at(text, 'mount'),
      ],
    ],
  );
});

test('required keys are named and the parent key is pointed at', () => {
  const text = [
    'services:',
    '  web:',
    '    image: nginx',
    '    depends_on:',
    '      db:',
    '        restart: true',
    '    ulimits:',
    '      nofile: {soft: 1024}',
    '  db:',
    '    image: postgres',
    '',
  ].join('\n');
  assert.deepEqual(
    check(text).map((p) => [p.message, p.keyword, p.range]),
    [
      ['`depends_on.db` of service `web` is missing required key `condition`', 'required', at(text, 'db', 'depends_on:')],
      ['`ulimits.nofile` of service `web` is missing required key `hard`', 'required', at(text, 'nofile')],
    ],
  );
});

test('name rules, top-level mistakes and version 1 services', () => {
  const text = [
    'services:',
    '  "my web":',
    '    image: nginx',
    'servces: {}',
    'common: &c {restart: always}',
    'image: nginx',
    'db:',
    '  image: postgres',
    '',
  ].join('\n');
  assert.deepEqual(
    check(text).map((p) => [p.message, p.range]),
    [
      ['invalid service name `my web`: only letters, digits, `.`, `_` and `-` are allowed', at(text, '"my web"')],
      ['unknown top-level key `servces` — did you mean `services`?', at(text, 'servces')],
      ['unknown top-level key `common` — custom top-level keys must start with `x-`', at(text, 'common')],
      ['unknown top-level key `image` — service settings belong under `services.<name>`', at(text, 'image', '{restart: always}')],
      ['unknown top-level key `db` — services must be listed under `services:`', at(text, 'db')],
    ],
  );
});

test('a service setting indented as a service says so', () => {
  const text = 'services:\n  web:\n    image: nginx\n  restart: always\n';
  assert.deepEqual(
    check(text).map((p) => [p.message, p.range]),
    [['service `restart` must be a mapping, not a string — `restart` is a service setting, indent it under a service', at(text, 'always')]],
  );
});

test('an empty value is reported at its key', () => {
  const text = 'services:\n  web:\n    image: nginx\n    build:\n';
  assert.deepEqual(check(text), [
    {
      message: '`build` of service `web` must be a string or a mapping, not null — either a context path or a mapping with `context`',
      path: ['services', 'web', 'build'],
      range: at(text, 'build'),
      keyword: 'type',
    },
  ]);
});

test('numbers out of range, fractions, patterns and duplicates', () => {
  const text = [
    'services:',
    '  web:',
    '    image: nginx',
    '    cpu_percent: 150',
    '    scale: 1.5',
    '    pull_policy: sometimes',
    '    cap_add: [NET_ADMIN, SYS_TIME, NET_ADMIN]',
    '',
  ].join('\n');
  assert.deepEqual(
    check(text).map((p) => [p.message, p.keyword, p.range]),
    [
      ['`cpu_percent` of service `web` must be at most 100, not `150`', 'maximum', at(text, '150')],
      ['`scale` of service `web` must be an integer or a string, not a fractional number', 'type', at(text, '1.5')],
      [
        '`pull_policy` of service `web` must be `always`, `never`, `build`, `if_not_present`, `missing`, `refresh`, `daily`, `weekly` or `every_<duration>` such as `every_12h`, not `sometimes`',
        'pattern',
        at(text, 'sometimes'),
      ],
      ['`cap_add` of service `web` lists `NET_ADMIN` more than once', 'uniqueItems', at(text, 'NET_ADMIN', 'SYS_TIME')],
    ],
  );
});

test('every error of a file is reported once, in file order', () => {
  const text = [
    'services:',
    '  web:',
    '    image: 1',
    '    enviroment:',
    '      A: 1',
    '    environment:',
    '      NESTED: {a: 1}',
    '    restart: 5',
    '  worker:',
    '    build: {contxt: .}',
    'volumes: data',
    '',
  ].join('\n');
  assert.deepEqual(
    check(text).map((p) => [p.message, p.range.start, p.range.end]),
    [
      ['`image` of service `web` must be a string, not a number', 28, 29],
      ['unknown key `enviroment` in service `web` — did you mean `environment`?', 34, 44],
      ['`environment.NESTED` of service `web` must be a string, a number, a boolean or null, not a mapping', 88, 94],
      ['`restart` of service `web` must be a string, not a number', 108, 109],
      ['unknown key `contxt` in `build` of service `worker` — did you mean `context`?', 132, 138],
      ['top-level `volumes` must be a mapping of volume names, not a string — write `data:`', 152, 156],
    ],
  );
});

test('extension content is never reported', () => {
  const text = [
    'x-common: &common',
    '  restart: sometimes-maybe',
    '  whatever: [1, {a: b}]',
    'services:',
    '  web:',
    '    <<: *common',
    '    image: nginx',
    '    x-notes: {owner: [1, 2]}',
    '    ports:',
    '      - target: 80',
    '        x-reason: {any: thing}',
    '',
  ].join('\n');
  // `whatever` is merged into the service and is genuinely unknown there.
  assert.deepEqual(check(text).map((p) => p.message), ['unknown key `whatever` in service `web`']);
});

test('real files from the corpus are valid', () => {
  const dir = join(corpusDir, 'docker+awesome-compose');
  for (const name of ['react-express-mysql', 'nginx-flask-mysql', 'pihole-cloudflared-DoH', 'wordpress-mysql']) {
    const text = readFileSync(join(dir, name, 'compose.yaml'), 'utf8');
    assert.deepEqual(check(text), [], name);
  }
});

test('suggestions use optimal string alignment with a length-relative limit', () => {
  assert.equal(editDistance('netwroks', 'networks'), 1);
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(suggest('imgae', ['image', 'init']), 'image');
  assert.equal(suggest('img', ['image']), undefined);
  assert.equal(suggest('pre_start', ['restart']), undefined);
  assert.equal(suggest('helthcheck', ['healthcheck', 'hostname']), 'healthcheck');
});

test('smoke: every compose file in the corpus validates without throwing, every problem located', (t) => {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^(docker-)?compose.*\.ya?ml$/.test(entry.name)) files.push(full);
    }
  };
  walk(corpusDir);
  assert.ok(files.length > 1000, `only ${files.length} compose files found`);
  let validated = 0;
  let failing = 0;
  const counts = new Map<string, number>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const doc = parseDocument(text, { merge: true });
    if (doc.errors.length) continue;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: -1 });
    } catch {
      continue; // an alias to a missing anchor: a YAML error, not ours
    }
    validated++;
    const problems = validateComposeSchema(value, yamlLocator(doc, file));
    if (problems.length) failing++;
    for (const p of problems) {
      assert.equal(p.range.path, file, p.message);
      assert.ok(p.range.start < p.range.end && p.range.end <= text.length, `${file}: ${p.message}`);
      assert.ok(!/\.$/.test(p.message), p.message);
      const shape = p.message.replace(/`[^`]*`/g, '`…`');
      counts.set(shape, (counts.get(shape) ?? 0) + 1);
    }
  }
  assert.ok(validated > 1000);
  t.diagnostic(`${validated} files validated, ${failing} with problems`);
  for (const [shape, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 8)) t.diagnostic(`${n} × ${shape}`);
});
