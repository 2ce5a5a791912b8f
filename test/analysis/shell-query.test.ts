import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../src/parse/dockerfile/parse.js';
import { parseShell } from '../../src/parse/dockerfile/shell/lex.js';
import {
  cacheMountTargets, canAppendAfter, commandsAfter, earlierRunText, fedByYes, hasOption, insertAfter, parseArgs, removes,
  runViews, stageShipsLayers, unknownValue,
} from '../../src/analysis/shell-query.js';

const cmds = (src: string) => parseShell(src, { path: '/p', offset: 0, escape: '\\' });
const words = (src: string) => cmds(src)[0]!.args;

test('parseArgs: clusters, values of short and long options, `--`', () => {
  const p = parseArgs(words('cmd x -qy -o Foo=1 -tbookworm --target-release sid --yes=no -- -n pkg'), { shortValue: 'ot', longValue: ['target-release'] });
  assert.deepEqual(
    p.options.map((o) => [o.name, o.long, o.value ?? null]),
    [['q', false, null], ['y', false, null], ['o', false, 'Foo=1'], ['t', false, 'bookworm'], ['target-release', true, 'sid'], ['yes', true, 'no']],
  );
  assert.deepEqual(p.operands.map((w) => w.value), ['x', '-n', 'pkg']);
  assert.equal(hasOption(p, 'y'), true);
  assert.equal(hasOption(p, 'n'), false);
  assert.equal(hasOption(p, '', ['target-release']), true);
});

test('parseArgs: Go-style single-dash long options', () => {
  const p = parseArgs(words('go install -ldflags "-s -w" -v -tags=netgo example.com/x'), { singleDashLong: true, longValue: ['ldflags'] });
  assert.deepEqual(p.options.map((o) => [o.name, o.value ?? null]), [['ldflags', '-s -w'], ['v', null], ['tags', 'netgo']]);
  assert.deepEqual(p.operands.map((w) => w.value), ['install', 'example.com/x']);
});

test('removes: rm of a folder needs -r; a glob of its files does not', () => {
  const lists = (p: string) => p === '/var/lib/apt/lists';
  assert.equal(removes(cmds('rm -rf /var/lib/apt/lists/*')[0]!, lists), true);
  assert.equal(removes(cmds('rm -f /var/lib/apt/lists/*')[0]!, lists), true);
  assert.equal(removes(cmds('rm -r -f /var/lib/apt/lists/')[0]!, lists), true);
  assert.equal(removes(cmds('rm -f /var/lib/apt/lists')[0]!, lists), false);
  assert.equal(removes(cmds('rm -rf /tmp/*')[0]!, lists), false);
  assert.equal(removes(cmds('echo -rf /var/lib/apt/lists')[0]!, lists), false);
});

test('unknownValue: variables and substitutions, not globs', () => {
  const [a, b, c, d] = words('x $PKG "v$(date)" uvicorn[standard] plain');
  assert.deepEqual([a, b, c, d].map((w) => unknownValue(w!)), [true, true, false, false]);
});

const df = (text: string) => parseDockerfile('/p/Dockerfile', text);

test('runViews: RUN and ONBUILD RUN (flags, heredoc), with exact positions', () => {
  const text = 'FROM x\nRUN a\nONBUILD RUN --mount=type=cache,target=/c/ b \\\n  c\nONBUILD RUN <<EOF\nd e\nEOF\nONBUILD COPY . .\n';
  const file = df(text);
  const views = runViews(file);
  assert.deepEqual(views.map((v) => [v.onbuild, v.form, v.commands.map((c) => c.name)]), [
    [false, 'shell', ['a']],
    [true, 'shell', ['b']],
    [true, 'heredoc', ['d']],
  ]);
  const b = views[1]!.commands[0]!;
  assert.equal(text.slice(b.args[0]!.range.start, b.args[0]!.range.end), 'c');
  assert.deepEqual(cacheMountTargets(views[1]!), ['/c']);
  const d = views[2]!.commands[0]!;
  assert.equal(text.slice(d.nameWord.range.start, d.args[0]!.range.end), 'd e');
  assert.equal(runViews(file), views, 'computed once per file');
});

test('commandsAfter, fedByYes, canAppendAfter', () => {
  const [v] = runViews(df('FROM x\nRUN yes | apt-get install a && b || c; (d)\n'));
  const [yes, apt, b, c, d] = v!.commands;
  assert.equal(fedByYes(v!, apt!), true);
  assert.equal(fedByYes(v!, b!), false);
  assert.deepEqual(commandsAfter(v!, b!).map((x) => x.name), ['c', 'd']);
  assert.deepEqual([yes, apt, b, c, d].map((x) => canAppendAfter(v!, x!)), [false, true, false, true, false]);
});

test('stageShipsLayers: last stage and bases of later stages only', () => {
  const file = df('FROM a AS builder\nRUN x\nFROM b AS base\nFROM base\nCOPY --from=builder / /\n');
  assert.deepEqual([0, 1, 2].map((i) => stageShipsLayers(file, i)), [false, true, true]);
});

test('earlierRunText: earlier RUNs of the stage and its bases, not of other stages', () => {
  const file = df('FROM a AS one\nRUN echo 1\nFROM a AS two\nRUN echo 2\nFROM one\nRUN echo 3\nRUN echo 4\n');
  const views = runViews(file);
  assert.equal(earlierRunText(file, views[3]!), 'RUN echo 1\nRUN echo 3');
});

test('insertAfter: a word in shell text, a JSON item in exec form', () => {
  const text = 'FROM x\nRUN ["apk", "add", "a"]\nRUN apk add a\n';
  const file = df(text);
  const [exec, shell] = runViews(file);
  assert.deepEqual(insertAfter(file, exec!.commands[0]!.args[0]!, '--no-cache'), { path: '/p/Dockerfile', start: 24, end: 24, text: ', "--no-cache"' });
  assert.deepEqual(insertAfter(file, shell!.commands[0]!.args[0]!, '--no-cache'), { path: '/p/Dockerfile', start: 42, end: 42, text: ' --no-cache' });
});
