import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../helpers.js';
import { parseDockerfile } from '../../src/parse/dockerfile/parse.js';
import type {
  ArgInstruction,
  CopyInstruction,
  Dockerfile,
  EnvInstruction,
  FromInstruction,
  Instruction,
  RunInstruction,
  UserInstruction,
} from '../../src/parse/dockerfile/model.js';
import type { Ranged } from '../../src/parse/source.js';

const fixture = (name: string): { path: string; text: string } => {
  const path = join(fixturesDir, 'dockerfile', name);
  return { path, text: readFileSync(path, 'utf8') };
};
const span = (r: Ranged | undefined): [number, number] | undefined => (r ? [r.start, r.end] : undefined);
const parse = (text: string, buildArgs?: Record<string, string>): Dockerfile =>
  parseDockerfile('/p/Dockerfile', text, buildArgs ? { buildArgs } : {});
const problems = (df: Dockerfile): [string, number, number][] =>
  df.problems.map((p) => [p.message, p.range.start, p.range.end]);
const ins = <T extends Instruction>(df: Dockerfile, i: number): T => df.instructions[i] as T;

test('parser directives: names, values, ranges; comments exclude them', () => {
  const { path, text } = fixture('multistage.Dockerfile');
  const df = parseDockerfile(path, text);
  assert.deepEqual(
    df.directives.map((d) => [d.name, d.value, span(d.range), span(d.valueRange)]),
    [
      ['syntax', 'docker/dockerfile:1.7', [0, 30], [9, 30]],
      ['check', 'skip=JSONArgsRecommended', [31, 63], [39, 63]],
    ],
  );
  assert.deepEqual(df.comments.map((c) => [c.text, span(c.range)]), [['base image', [114, 126]]]);
  assert.equal(df.escapeChar, '\\');
  assert.deepEqual(df.problems, []);
});

test('directives: case-insensitive, stop at the first non-directive line, bad escape, duplicates', () => {
  const df = parse('# ESCAPE = `\n# unknown=1\n# syntax=x\nFROM a\n');
  assert.deepEqual(df.directives.map((d) => [d.name, d.value, span(d.valueRange)]), [['escape', '`', [11, 12]]]);
  assert.equal(df.escapeChar, '`');
  // After an unknown directive, a later `# syntax=` is just a comment.
  assert.deepEqual(df.comments.map((c) => c.text), ['unknown=1', 'syntax=x']);

  const blank = parse('\n# escape=`\nFROM a\n');
  assert.equal(blank.directives.length, 0);
  assert.equal(blank.escapeChar, '\\');

  const bad = parse('# escape=x\nFROM a\n');
  assert.equal(bad.escapeChar, '\\');
  assert.deepEqual(problems(bad), [["invalid escape token 'x': must be \\ or `", 9, 10]]);

  const dup = parse('# syntax=a\n# syntax=b\nFROM a\n');
  assert.deepEqual(problems(dup), [['only one syntax parser directive can be used', 11, 21]]);
});

test('multi-stage: global ARG resolution, tag ranges, stage refs, stages', () => {
  const { path, text } = fixture('multistage.Dockerfile');
  const df = parseDockerfile(path, text);
  assert.equal(df.globalArgs.length, 3);
  assert.deepEqual(
    df.instructions.map((i) => [i.keyword, i.stageIndex]),
    [
      ['ARG', -1], ['ARG', -1], ['ARG', -1], ['FROM', 0], ['ARG', 0], ['ARG', 0], ['ENV', 0], ['RUN', 0],
      ['FROM', 1], ['FROM', 2], ['ENV', 2], ['FROM', 3], ['COPY', 3], ['USER', 3], ['FROM', 4],
    ],
  );

  const f0 = ins<FromInstruction>(df, 3);
  assert.equal(f0.image.raw, '${REGISTRY}/acme/python:${VERSION}-slim');
  assert.equal(f0.image.resolved, 'ghcr.io/acme/python:3.12-slim');
  assert.equal(f0.image.registry, 'ghcr.io');
  assert.equal(f0.image.repository, 'acme/python');
  assert.equal(f0.image.tag, '3.12-slim');
  assert.equal(f0.image.tagRange, undefined, 'the tag is partly produced by ${VERSION}');
  assert.deepEqual(span(f0.image.range), [158, 197]);
  assert.deepEqual(f0.image.unresolved, []);
  assert.deepEqual([f0.platform?.value, span(f0.platform?.range), span(f0.platform?.valueRange)], ['$BUILDPLATFORM', [132, 157], [143, 157]]);
  assert.deepEqual(f0.stageName && [f0.stageName.value, span(f0.stageName.range), span(f0.stageName.asRange)], ['Builder', [201, 208], [198, 200]]);

  // Substitution before the tag: the literal tag is still found in the source.
  const f1 = ins<FromInstruction>(df, 8);
  assert.equal(f1.image.resolved, 'ghcr.io/acme/tool:1.2');
  assert.deepEqual(span(f1.image.tagRange), [412, 415]);
  assert.equal(text.slice(412, 415), '1.2');

  const f2 = ins<FromInstruction>(df, 9);
  assert.equal(f2.stageRef, 0, 'FROM BUILDER names stage "builder" case-insensitively');

  const f3 = ins<FromInstruction>(df, 11);
  assert.deepEqual([f3.image.tag, span(f3.image.tagRange)], ['3.19', [479, 483]]);
  assert.deepEqual([f3.image.digest, span(f3.image.digestRange)], ['sha256:0123abcd', [484, 499]]);
  assert.equal(f3.stageRef, undefined);

  const f4 = ins<FromInstruction>(df, 14);
  assert.deepEqual(f4.image.unresolved, ['VARIANT']);
  assert.equal(f4.image.resolved, 'python:$VARIANT');
  assert.equal(f4.image.tagRange, undefined);

  assert.deepEqual(
    df.stages.map((s) => [s.index, s.name, s.instructions.length, s.usedAsBase, s.final]),
    [
      [0, 'builder', 4, true, false],
      [1, 'tool', 0, false, false],
      [2, 'test', 1, false, false],
      [3, undefined, 2, false, false],
      [4, undefined, 0, false, true],
    ],
  );
  assert.equal(df.stages[2]!.from, f2);
});

test('FROM: build args override global defaults; predefined and undeclared args stay unresolved', () => {
  const df = parse('ARG TAG=1\nARG IMG=base:${TAG}\nFROM $IMG\nFROM img:${TAG:-x}\nFROM ${NOPE}\nFROM scratch\n', { TAG: '2' });
  const [a, b, c, d] = [3, 4, 5, 6].map((k) => ins<FromInstruction>(df, k - 1));
  assert.equal(a!.image.resolved, 'base:2');
  assert.equal(a!.image.tagRange, undefined);
  assert.equal(b!.image.resolved, 'img:2');
  assert.deepEqual(c!.image.unresolved, ['NOPE']);
  assert.equal(d!.scratch, true);
  assert.equal(a!.scratch, false);
});

test('ARG scopes: a global ARG reaches a stage only when re-declared', () => {
  const { path, text } = fixture('multistage.Dockerfile');
  const df = parseDockerfile(path, text);
  const s0 = df.stages[0]!;
  assert.deepEqual([...s0.args.keys()], ['VERSION', 'EXTRA', 'OTHER']);
  const version = s0.args.get('VERSION')!;
  assert.equal(version.defaultValue, '3.12');
  assert.deepEqual(span(version.nameRange), [213, 220]);
  assert.deepEqual(span(version.defaultRange), [97, 101], 'the default written on the global ARG');
  assert.equal(df.stages[1]!.args.size, 0);

  const multi = ins<ArgInstruction>(df, 5);
  assert.deepEqual(
    multi.vars.map((v) => [v.name, v.defaultValue, span(v.nameRange), span(v.defaultRange)]),
    [
      ['EXTRA', '1', [225, 230], [231, 232]],
      ['OTHER', 'a b', [233, 238], [239, 244]],
    ],
  );
  const bare = ins<ArgInstruction>(df, 2);
  assert.deepEqual(bare.vars, [{ name: 'VARIANT', nameRange: { path, start: 106, end: 113 } }]);
});

test('ENV: pairs, quote removal, legacy form, inheritance from the base stage', () => {
  const { path, text } = fixture('multistage.Dockerfile');
  const df = parseDockerfile(path, text);
  const env = ins<EnvInstruction>(df, 6);
  assert.deepEqual(
    env.pairs.map((p) => [p.key, p.value, span(p.keyRange), span(p.valueRange), p.legacy]),
    [
      ['APP_HOME', '/app', [249, 257], [258, 262], false],
      ['PATH', '/app/bin:$PATH', [263, 267], [268, 284], false],
    ],
  );
  const legacy = ins<EnvInstruction>(df, 10);
  assert.deepEqual(
    legacy.pairs.map((p) => [p.key, p.value, span(p.keyRange), span(p.valueRange), p.legacy]),
    [['LEGACY', 'some value', [449, 455], [456, 466], true]],
  );
  assert.deepEqual([...df.stages[2]!.env.keys()], ['APP_HOME', 'PATH', 'LEGACY']);
  assert.deepEqual([...df.stages[3]!.env.keys()], []);

  const cont = parse('FROM a\nENV A="x y" \\\n    B= \\\n    C=\'$q\'\n');
  const pairs = ins<EnvInstruction>(cont, 1).pairs;
  assert.deepEqual(
    pairs.map((p) => [p.key, p.value, span(p.valueRange)]),
    [
      ['A', 'x y', [13, 18]],
      ['B', '', [27, 27]],
      ['C', '$q', [36, 40]],
    ],
  );
});

test('flags, RUN mounts, shell-form args across a continuation', () => {
  const { path, text } = fixture('multistage.Dockerfile');
  const df = parseDockerfile(path, text);
  const run = ins<RunInstruction>(df, 7);
  assert.equal(run.form, 'shell');
  assert.deepEqual(span(run.range), [285, 384]);
  assert.deepEqual(span(run.keywordRange), [285, 288]);
  const f = run.flags[0]!;
  assert.deepEqual([f.name, span(f.range), span(f.nameRange), span(f.valueRange)], ['mount', [289, 346], [291, 296], [297, 346]]);
  assert.deepEqual(run.mounts.map((m) => [m.type, m.options]), [['cache', { target: '/root/.cache/pip', sharing: 'locked' }]]);
  assert.equal(run.argsText, 'pip install -r requirements.txt');
  assert.deepEqual(span(run.argsRange), [353, 384]);
  assert.deepEqual(run.args.map((a) => a.value), ['pip', 'install', '-r', 'requirements.txt']);

  const bare = parse('FROM a\nRUN --mount=type=bind,source=.,target=/src,ro --network=none make\n');
  const r = ins<RunInstruction>(bare, 1);
  assert.deepEqual(r.mounts.map((m) => [m.type, m.options]), [['bind', { source: '.', target: '/src', ro: '' }]]);
  assert.deepEqual(r.flags.map((x) => [x.name, x.value]), [['mount', 'type=bind,source=.,target=/src,ro'], ['network', 'none']]);
  const noValue = parse('FROM a\nCOPY --link src /dst\n');
  const link = ins<CopyInstruction>(noValue, 1).flags[0]!;
  assert.deepEqual([link.name, link.value, span(link.range), link.valueRange], ['link', null, [12, 18], undefined]);
});

test('continuation lines: comment and blank lines inside are skipped; argsText joins lines', () => {
  const text = 'FROM a\nRUN apt-get update && \\\n# a comment\n\n    apt-get install -y curl\nEXPOSE 80\n';
  const df = parse(text);
  const run = ins<RunInstruction>(df, 1);
  assert.equal(run.argsText, 'apt-get update &&     apt-get install -y curl');
  assert.deepEqual(span(run.range), [7, 71]);
  assert.deepEqual(run.args.map((a) => [a.value, span(a.range)]).slice(2, 4), [['&&', [26, 28]], ['apt-get', [48, 55]]]);
  assert.deepEqual(df.comments.map((c) => [c.text, span(c.range)]), [['a comment', [31, 42]]]);
  assert.equal(df.instructions[2]!.keyword, 'EXPOSE');

  const split = parse('FROM a\nRU\\\n  # c\nN echo hi\n');
  const r = split.instructions[1]!;
  assert.deepEqual([r.keyword, r.keywordRaw, span(r.keywordRange), r.argsText, split.problems], ['RUN', 'RUN', [7, 18], 'echo hi', []]);
});

test('Windows: backtick escape, CRLF, C:\\ paths', () => {
  const { path, text } = fixture('windows.Dockerfile');
  const df = parseDockerfile(path, text);
  assert.equal(df.escapeChar, '`');
  assert.deepEqual(df.problems, []);
  const run = ins<RunInstruction>(df, 1);
  assert.deepEqual(span(run.range), [64, 155]);
  assert.equal(run.argsText, 'powershell -Command     New-Item -ItemType Directory C:\\app ;     Write-Host done');
  assert.deepEqual(
    run.args.filter((a) => a.value.startsWith('C:')).map((a) => [a.value, span(a.range)]),
    [['C:\\app', [124, 130]]],
  );
  const copy = ins<CopyInstruction>(df, 2);
  assert.deepEqual(copy.sources.map((s) => s.value), ['app.exe']);
  assert.deepEqual([copy.destination?.value, span(copy.destination?.range)], ['C:\\app\\', [170, 177]]);
  assert.deepEqual(df.instructions.map((i) => df.source.positionAt(i.range.start).line), [2, 3, 6, 7]);
  assert.deepEqual(df.instructions[3]!.args.map((a) => a.value), ['C:\\app']);
});

test('heredocs: bodies, exact body ranges, <<-, quoted names, several per line, COPY, unterminated', () => {
  const { path, text } = fixture('heredoc.Dockerfile');
  const df = parseDockerfile(path, text);
  const run1 = ins<RunInstruction>(df, 1);
  assert.equal(run1.form, 'heredoc');
  assert.deepEqual(span(run1.range), [12, 48]);
  const h1 = run1.heredocs[0]!;
  assert.deepEqual(
    [h1.name, h1.stripTabs, h1.quoted, span(h1.markerRange), h1.body, span(h1.bodyRange), h1.terminated],
    ['EOF', false, false, [16, 21], 'apk add curl\necho done\n', [22, 45], true],
  );

  const run2 = ins<RunInstruction>(df, 2);
  assert.deepEqual(
    run2.heredocs.map((h) => [h.name, h.stripTabs, h.quoted, span(h.markerRange), h.body, span(h.bodyRange)]),
    [
      ['INNER', true, true, [53, 63], 'echo $HOME\n', [79, 91]],
      ['ONE', false, false, [68, 73], 'line one\n', [98, 107]],
    ],
  );
  assert.equal(text.slice(79, 91), '\techo $HOME\n');
  assert.equal(run2.argsText, '<<-"INNER" cat <<ONE > /x');
  assert.deepEqual(span(run2.range), [49, 110]);

  const copy = ins<CopyInstruction>(df, 3);
  assert.deepEqual(copy.sources.map((s) => [s.value, span(s.range)]), [['<<EOF', [116, 121]]]);
  assert.equal(copy.destination?.value, '/etc/app.conf');
  assert.deepEqual([copy.heredocs[0]!.body, span(copy.heredocs[0]!.bodyRange)], ['key=value\n', [136, 146]]);

  const open = ins<RunInstruction>(df, 5);
  assert.deepEqual([open.heredocs[0]!.terminated, span(open.heredocs[0]!.bodyRange)], [false, [186, 199]]);
  assert.deepEqual(problems(df), [['unterminated heredoc EOF', 180, 185]]);
  assert.equal(df.instructions.length, 6);

  // Outside RUN/COPY/ADD `<<` is plain text.
  const label = parse('FROM a\nLABEL x=<<EOF\nRUN true\n');
  assert.deepEqual(label.instructions.map((i) => [i.keyword, i.heredocs.length]), [['FROM', 0], ['LABEL', 0], ['RUN', 0]]);
  // A terminator on the last line without a newline still closes the body.
  const eof = parse('FROM a\nRUN <<EOF\nx\nEOF');
  assert.deepEqual(eof.problems, []);
  assert.deepEqual(span(eof.instructions[1]!.range), [7, 22]);
});

test('exec form: JSON items with exact ranges; malformed JSON falls back to shell form', () => {
  const text = 'FROM a\nRUN ["apt-get", "install", "-y", "curl"]\nCMD ["echo", "a\\"b"]\nRUN ["bad", ]\n';
  const df = parse(text);
  const run = ins<RunInstruction>(df, 1);
  assert.equal(run.form, 'exec');
  assert.equal(run.jsonForm, true);
  assert.deepEqual(run.args.map((a) => [a.value, span(a.range)]), [
    ['apt-get', [12, 21]],
    ['install', [23, 32]],
    ['-y', [34, 38]],
    ['curl', [40, 46]],
  ]);
  assert.equal(text.slice(12, 21), '"apt-get"');
  assert.equal(run.commands.length, 1);
  const cmd = run.commands[0]!;
  assert.deepEqual([cmd.name, span(cmd.nameWord.range), cmd.args.map((a) => a.value), span(cmd.range)], [
    'apt-get',
    [12, 21],
    ['install', '-y', 'curl'],
    [12, 46],
  ]);
  assert.deepEqual(df.instructions[2]!.args.map((a) => a.value), ['echo', 'a"b']);
  const bad = ins<RunInstruction>(df, 3);
  assert.deepEqual([bad.form, bad.jsonForm, df.problems], ['shell', false, []]);
});

test('USER and COPY sources', () => {
  const { path, text } = fixture('multistage.Dockerfile');
  const df = parseDockerfile(path, text);
  const user = ins<UserInstruction>(df, 13);
  assert.deepEqual([user.user?.value, span(user.user?.range), user.group], ['app', [545, 548], 'staff']);
  const plain = ins<UserInstruction>(parse('FROM a\nUSER 1000\n'), 1);
  assert.deepEqual([plain.user?.value, span(plain.user?.range), plain.group], ['1000', [12, 16], undefined]);

  const copy = ins<CopyInstruction>(df, 12);
  assert.deepEqual(copy.sources.map((s) => [s.value, span(s.range)]), [['/app/a', [520, 526]], ['/app/b', [527, 533]]]);
  assert.deepEqual([copy.destination?.value, span(copy.destination?.range)], ['/dst/', [534, 539]]);
  assert.deepEqual([copy.from?.value, span(copy.from?.valueRange)], ['builder', [512, 519]]);
  // COPY splits on blanks only, as Docker does (quotes do not group words).
  const q = ins<CopyInstruction>(parse('FROM a\nCOPY "my file" /d\n'), 1);
  assert.deepEqual(q.args.map((a) => a.value), ['my', 'file', '/d']);
});

test('problems: unknown instruction, before FROM, no FROM, empty file, FROM/ARG/COPY without arguments', () => {
  assert.deepEqual(problems(parse('')), [['file with no instructions', 0, 0]]);
  assert.deepEqual(problems(parse('# only\n\n')), [['file with no instructions', 0, 8]]);
  assert.deepEqual(problems(parse('ARG A=1\n')), [['the Dockerfile has no `FROM`, so there is no build stage; start it with `FROM <image>`', 0, 3]]);
  assert.deepEqual(problems(parse('RUN x\nFROM a\nCOPPY a b\n')), [
    ['`RUN` comes before the first `FROM` (no build stage in current context); only `ARG` may precede `FROM`, so move it below one', 0, 3],
    ['unknown instruction `COPPY`; did you mean `COPY`?', 13, 18],
  ]);
  const df = parse('FROM\nARG\nCOPY x\nFROM a b\nFROM a AS 1x\n');
  assert.deepEqual(problems(df), [
    ['FROM requires either one or three arguments', 0, 4],
    ['ARG requires at least one argument', 5, 8],
    ['COPY requires at least two arguments', 9, 13],
    ['FROM requires either one or three arguments', 21, 24],
    ['the second argument of FROM must be AS', 23, 24],
    ['invalid name for build stage: "1x"', 35, 37],
  ]);
  // A malformed FROM still makes a stage, so the rest stays attached to it.
  assert.equal(df.stages.length, 3);
  assert.equal(df.stages[0]!.instructions.length, 2);
});

test('never throws on hostile input', () => {
  for (const text of ['\\', '`', 'FROM a \\', 'RUN <<', 'FROM ${', 'FROM a\nRUN ["', '\uFEFF# escape=`\nFROM a `\n', '\r\r\n\r', 'FROM a\nENV =x A']) {
    const df = parse(text);
    assert.equal(df.kind, 'dockerfile');
  }
  const bom = parse('\uFEFF# syntax=x\nFROM a\n');
  assert.deepEqual(bom.directives.map((d) => [d.value, span(d.range)]), [['x', [1, 11]]]);
});
