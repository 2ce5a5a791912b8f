/**
 * The pre-scan that decides whether a unit's results may be streamed before the run ends: every
 * answer false must mean "reads nothing outside the folder"; true may be over-cautious.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { stringify } from 'yaml';
import { createConfigProvider } from '../../src/cli/config-provider.js';
import { lint } from '../../src/engine/lint.js';
import { composeMayReachOut, envMayReachOut, scanComposeReach } from '../../src/engine/reach.js';
import { recordingFileSystem } from '../../src/engine/recording-fs.js';
import { rules } from '../../src/engine/registry.js';
import { nodeFileSystem } from '../../src/project/fs.js';
import { corpusDir } from '../helpers.js';

const reaching: [string, string][] = [
  ['build to the parent folder', 'services:\n  web:\n    build: ..\n'],
  ['build: ..', 'build: ..'],
  ['build.context upwards', 'build:\n  context: ../app'],
  ['env_file upwards', 'env_file:\n  - ../common.env'],
  ['env_file from a variable', 'env_file: ${ENV_FILE}'],
  ['absolute build context', 'build: /abs/path'],
  ['dockerfile in the home folder', 'dockerfile: ~/x'],
  ['include', 'include:\n  - other.yml'],
  ['extends with file', 'extends:\n  file: base.yml\n  service: web'],
  ['anchored extension with a path', 'x-build: &b\n  context: ../x'],
  ['anchored environment', 'environment: &env\n  PATH: ${PATH}'],
  ['secret file upwards', 'secrets:\n  s:\n    file: ../s.txt'],
  ['tab in the indentation', 'build:\n\tcontext: ..'],
  ['flow mapping', 'services: {web: {build: ..}}'],
  ['double-quoted path', 'build: "../x"'],
  ['single-quoted absolute path', "build: '/x'"],
  // Beyond the brief's list: shapes that must not be excused.
  ['include in a flow mapping at line start', '{include: [a.yml]}'],
  ['extends in flow form', 'services:\n  web:\n    extends: {file: base.yml, service: web}'],
  ['extends from an alias', 'services:\n  web:\n    extends: *base'],
  ['project_directory', 'include:\n  - path: a.yml\n    project_directory: ../p'],
  ['Windows drive path', 'build: C:\\src\\app'],
  ['Windows drive path with slashes', 'build:\n  context: "D:/src"'],
  ['Windows drive-relative path', 'build: C:app'],
  ['service named like a harmless key', 'services:\n  dns:\n    build: ../dns'],
  ['secret named like a harmless key', 'secrets:\n  labels:\n    file: /run/s.txt'],
  ['anchored list item', 'x-files:\n  - &f ../a.env\nservices:\n  web:\n    env_file: [*f]'],
  ['anchored block scalar', 'x-p: &p |\n  ../x'],
  ['key out of line with its siblings', 'environment:\n    A: b\n  build: ../x'],
  ['escape in a double-quoted scalar', 'build: "\\x2e\\x2e"'],
  ['lone CR line breaks', 'environment:\r  A: b\rbuild: ../x'],
  ['quoted scalar whose continuation is under-indented', 'services:\n  web:\n    command: "a\n#b\n    build: ../x'],
  ['env=absolute path under a non-harmless key', 'build:\n  ssh:\n    - key=/opt/id'],
  ['anchor followed by a flow indicator', 'env_file: [&a,/abs.env]'],
  ['hash inside quotes is no comment', 'build: "a #../x"'],
  ['anchored bind mount', 'volumes:\n  - &v /x:/y'],
  ['multi-line flow under a non-harmless key', 'env_file: [\n  a.env,\n  ../b.env\n]'],
  ['merge of an extends block', 'services:\n  web:\n    extends:\n      <<: *ext'],
];

const staying: [string, string][] = [
  ['variable in the image tag', 'image: nginx:${TAG:-latest}'],
  ['paths and variables in environment', 'environment:\n  - PGDATA=/var/lib/postgresql/data\n  - URL=$HOST'],
  ['bind mounts', 'volumes:\n  - /var/run/docker.sock:/var/run/docker.sock\n  - ./data:/data\n  - ../x:/y'],
  ['command', 'command: sh -c "cd .. && $X"'],
  ['folded command', 'command: >\n  echo $HOME/..'],
  ['healthcheck', 'healthcheck:\n  test: ["CMD", "curl", "-f", "http://localhost/"]'],
  ['build: .', 'build: .'],
  ['build below the folder', 'build:\n  context: ./app\n  dockerfile: Dockerfile.dev'],
  ['env_file in the folder', 'env_file: .env.local'],
  ['comment', '# context: ../x'],
  ['ports with a variable', 'ports:\n  - "${PORT}:80"'],
  ['labels with a variable', 'labels:\n  traefik.http.routers.x.rule: Host(`$DOMAIN`)'],
  ['top-level volume device', 'volumes:\n  data:\n    driver_opts:\n      device: /mnt/data'],
  // Beyond the brief's list.
  ['a whole service', 'services:\n  web:\n    image: "nginx:${TAG}"\n    volumes:\n      - ../x:/y\n    build:\n      context: ./app\n    environment:\n      HOME: ~\n'],
  ['extends within the file', 'services:\n  web:\n    extends:\n      service: base\n  api:\n    extends: web'],
  ['trailing comment', 'build: ./app # was ../app'],
  ['block scalar ends where its key ends', 'command: |\n  cd ..\nbuild: .'],
  ['documents', 'environment:\n  A: /x\n---\nbuild: .'],
  ['include as a word in a command', 'command: make include'],
  ['include inside a block scalar', 'command: |\n  include: x\n  cd ..'],
  ['multi-line quoted scalar under a harmless key', 'command: "a\n  ../b #c"\nbuild: .'],
  ['version 1 service attributes', 'web:\n  volumes:\n    - /var/run/docker.sock:/x\n  working_dir: /data'],
  ['an anchored item ends at its next sibling', 'volumes:\n  - &v ./data:/data\n  - /var/run/docker.sock:/x'],
  ['an anchored node ends at its indentation', 'x-a: &a\n  image: x\nservices:\n  web:\n    volumes:\n      - /x:/y'],
  ['extends a quoted service name', 'services:\n  web:\n    extends: "base"'],
  ['tab inside block scalar content', 'command: |\n  \techo $X'],
  ['build arguments and platform', 'build:\n  context: .\n  args:\n    - DIR=/opt\n    - V=${V}\nplatform: ${PLATFORM}'],
];

for (const [name, text] of reaching) {
  test(`reaches out: ${name}`, () => assert.equal(composeMayReachOut(text), true));
}
for (const [name, text] of staying) {
  test(`stays home: ${name}`, () => assert.equal(composeMayReachOut(text), false));
}

test('a document marker resets the key stack', () => {
  assert.equal(composeMayReachOut('environment:\n---\n  build: ../x'), true);
});

test('.env: COMPOSE_FILE reaches out', () => {
  assert.equal(envMayReachOut('COMPOSE_FILE=a.yml:b.yml'), true);
  assert.equal(envMayReachOut('A=1\n  export COMPOSE_FILE=x\n'), true);
  assert.equal(envMayReachOut('\uFEFFCOMPOSE_FILE = x'), true);
  assert.equal(envMayReachOut('COMPOSE_FILE: x'), true);
  assert.equal(envMayReachOut('A=1\r\nCOMPOSE_FILE\r\n'), true);
});

test('.env: other variables, comments and longer names do not', () => {
  assert.equal(envMayReachOut('COMPOSE_PROJECT_NAME=x'), false);
  assert.equal(envMayReachOut('# COMPOSE_FILE=x'), false);
  assert.equal(envMayReachOut('MY_COMPOSE_FILE=x'), false);
  assert.equal(envMayReachOut('COMPOSE_FILES=x'), false);
  assert.equal(envMayReachOut(''), false);
});

function corpusComposeFiles(): string[] {
  return readdirSync(corpusDir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && /compose.*\.ya?ml$/i.test(d.name))
    .map((d) => join(d.parentPath, d.name));
}

test('corpus: the scan never throws, and files without any trigger stay home', () => {
  const files = corpusComposeFiles();
  assert.ok(files.length > 1000, `only ${files.length} compose files found`);
  let quiet = 0;
  for (const path of files) {
    const text = readFileSync(path, 'utf8');
    let answer: boolean | undefined;
    assert.doesNotThrow(() => (answer = scanComposeReach(text)), basename(path));
    if (!['..', '$', '~', 'include', 'extends', '/'].some((s) => text.includes(s))) {
      quiet++;
      assert.equal(answer, false, path);
    }
  }
  assert.ok(quiet > 0, 'no corpus file without triggers');
});

test('corpus: a folder judged to stay home reads nothing outside it when linted', async () => {
  const byDir = new Map<string, string[]>();
  for (const path of corpusComposeFiles()) {
    const list = byDir.get(dirname(path)) ?? [];
    list.push(path);
    byDir.set(dirname(path), list);
  }
  const config = await createConfigProvider({ cwd: corpusDir, rules, preset: 'all', ruleFlags: [] });
  let home = 0;
  let away = 0;
  for (const [dir, paths] of byDir) {
    const dotEnv = join(dir, '.env');
    const wild =
      (existsSync(dotEnv) && envMayReachOut(readFileSync(dotEnv, 'utf8'))) ||
      paths.some((p) => composeMayReachOut(readFileSync(p, 'utf8')));
    const reads = new Set<string>();
    await lint({ cwd: dir, paths, config, env: {}, fs: recordingFileSystem(nodeFileSystem, reads) });
    const outside = [...reads].filter((p) => !p.startsWith(dir + sep));
    if (!wild) {
      home++;
      assert.deepEqual(outside, [], dir);
    } else if (outside.length > 0) away++;
  }
  // The check means something only if both kinds occur: most folders stay home, a few do not
  // (files that do not exist are not reads: most wild folders only look for files elsewhere).
  assert.ok(home > 1000, `${home} folders judged to stay home`);
  assert.ok(away >= 2, `${away} folders judged to reach out really read outside`);
});

/**
 * Generated documents, written by the YAML library in all its styles (block, flow, quoted, block
 * scalars, anchors for shared nodes, odd indentations): wherever a suspicious scalar lies outside
 * the harmless keys in the parsed data, the line scan must answer true.
 */
test('generated YAML: no suspicious scalar outside harmless keys goes unseen', () => {
  const harmless = new Set(['environment', 'labels', 'command', 'volumes', 'ports', 'image', 'networks', 'dns', 'args']);
  const keys = ['services', 'web', 'build', 'context', 'env_file', 'environment', 'labels', 'command', 'volumes'];
  keys.push('ports', 'image', 'networks', 'dns', 'x-a', 'secrets', 'file', 'args', 'k');
  const values = ['.', './a', '../x', '/abs', '${V}', 'a b', 'x:/y', '~/h', 'C:/w', 'KEY=/v', 'plain', 'a: b', '# c'];
  values.push("it's", '"q"', 'l1\nl2 ../z', '\n../nl', 'a #b', '[x]');
  let seed = 12345;
  const rnd = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  type Node = string | Node[] | { [k: string]: Node };
  const pool: Node[] = [];
  const gen = (depth: number): Node => {
    // A node used twice is written once with an anchor and then as an alias.
    if (pool.length > 0 && rnd(8) === 0) return pool[rnd(pool.length)]!;
    const r = rnd(10);
    let node: Node;
    if (depth > 3 || r < 4) return values[rnd(values.length)]!;
    if (r < 6) node = Array.from({ length: 1 + rnd(3) }, () => gen(depth + 1));
    else {
      node = {};
      for (let i = 1 + rnd(3); i > 0; i--) node[keys[rnd(keys.length)]!] = gen(depth + 1);
    }
    pool.push(node);
    return node;
  };
  const suspicious = (s: string) =>
    s.includes('..') || s.includes('$') || s.includes('~') || /^(\/|[A-Za-z]:[/\\])/.test(s) || s.includes('=/');
  const reaches = (node: Node, path: string[]): boolean => {
    const excused = path.some((k, i) => harmless.has(k) && !(i === 1 && path[0] === 'services'));
    if (typeof node === 'string') return !excused && suspicious(node);
    if (Array.isArray(node)) return node.some((v) => reaches(v, path));
    return Object.entries(node).some(([k, v]) => (!excused && suspicious(k)) || reaches(v, [...path, k]));
  };
  const styles = ['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'] as const;
  let reaching = 0;
  let home = 0;
  for (let k = 0; k < 3000; k++) {
    pool.length = 0;
    const data = gen(0);
    if (typeof data !== 'object' || Array.isArray(data)) continue;
    const text = stringify(data, {
      indent: 1 + rnd(4),
      indentSeq: rnd(2) === 0,
      collectionStyle: (['any', 'block', 'flow'] as const)[rnd(3)]!,
      defaultStringType: styles[rnd(styles.length)]!,
      lineWidth: 20 + rnd(60),
    });
    const answer = composeMayReachOut(text);
    if (reaches(data, [])) {
      reaching++;
      assert.equal(answer, true, text);
    } else if (!answer) home++;
  }
  assert.ok(reaching > 300 && home > 100, `${reaching} reaching, ${home} judged home`);
});
