import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../src/parse/dockerfile/parse.js';
import { baseChain, effectiveShell, effectiveWorkdir, isImageStage, isWindowsStage, lastVisible, stageOf, visibleInstructions } from '../../src/analysis/stages.js';
import { commandsOf, onbuildTrigger, wrapperRange } from '../../src/analysis/run-commands.js';
import { deleteInstruction, overridden } from '../../src/analysis/duplicates.js';

const parse = (text: string) => parseDockerfile('/p/Dockerfile', text);

test('baseChain follows FROM <stage> back to an image, and stops on cycles', () => {
  const df = parse('FROM alpine:3.20 AS a\nFROM a AS b\nFROM debian:12 AS c\nFROM b\n');
  assert.deepEqual(baseChain(df, df.stages[3]!).map((s) => s.index), [3, 1, 0]);
  assert.deepEqual(baseChain(df, df.stages[2]!).map((s) => s.index), [2]);
});

test('visibleInstructions lists base stages first and stops before the given instruction', () => {
  const df = parse('FROM alpine:3.20 AS a\nWORKDIR /a\nFROM a\nRUN one\nRUN two\n');
  const s = df.stages[1]!;
  const two = s.instructions[1]!;
  assert.deepEqual(visibleInstructions(df, s, two).map((i) => i.argsText), ['/a', 'one']);
  assert.deepEqual(visibleInstructions(df, s).map((i) => i.keyword), ['WORKDIR', 'RUN', 'RUN']);
  assert.equal(lastVisible(df, s, 'RUN')?.argsText, 'two');
  assert.equal(lastVisible(df, s, 'USER'), undefined);
});

test('effectiveShell: default, own SHELL after it only, inherited from the base stage', () => {
  const df = parse('FROM alpine:3.20 AS a\nRUN x\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\nRUN y\nFROM a\nRUN z\nFROM alpine:3.20\nSHELL /bin/bash -c\nRUN w\n');
  const [a, b, c] = df.stages;
  assert.deepEqual(effectiveShell(df, a!, a!.instructions[0]).words, ['/bin/sh', '-c']);
  assert.equal(effectiveShell(df, a!, a!.instructions[0]).instruction, undefined);
  assert.deepEqual(effectiveShell(df, a!, a!.instructions[2]).words, ['/bin/ash', '-o', 'pipefail', '-c']);
  assert.deepEqual(effectiveShell(df, b!, b!.instructions[0]).words, ['/bin/ash', '-o', 'pipefail', '-c']);
  // A SHELL that is not JSON is refused by Docker, so the default stays.
  assert.deepEqual(effectiveShell(df, c!).words, ['/bin/sh', '-c']);
});

test('effectiveWorkdir sees WORKDIR of the stage and its base stages, before the instruction only', () => {
  const df = parse('FROM alpine:3.20 AS a\nCOPY x y\nWORKDIR /w\nFROM a\nCOPY . .\nFROM alpine:3.20\nCOPY . .\n');
  const [a, b, c] = df.stages;
  assert.equal(effectiveWorkdir(df, a!, a!.instructions[0]), undefined);
  assert.equal(effectiveWorkdir(df, b!, b!.instructions[0])?.argsText, '/w');
  assert.equal(effectiveWorkdir(df, c!, c!.instructions[0]), undefined);
});

test('stageOf and isImageStage', () => {
  const df = parse('ARG V=1\nFROM alpine:3.20 AS base\nFROM golang:1.22 AS build\nFROM base\nCOPY --from=build /a /a\n');
  assert.equal(stageOf(df, df.instructions[0]!), undefined);
  assert.equal(stageOf(df, df.instructions.at(-1)!)?.index, 2);
  assert.deepEqual(df.stages.map(isImageStage), [true, false, true]);
});

test('commandsOf lexes ONBUILD RUN with exact offsets, skipping its flags', () => {
  const text = 'FROM alpine:3.20\nONBUILD RUN --mount=type=cache,target=/c cd /x \\\n  && sudo make\nONBUILD COPY a b\nONBUILD RUN ["a"]\n';
  const df = parse(text);
  const cmds = commandsOf(df, df.instructions[1]!);
  assert.deepEqual(cmds.map((c) => [c.name, text.slice(c.nameWord.range.start, c.nameWord.range.end)]), [['cd', 'cd'], ['make', 'make']]);
  const sudo = wrapperRange(df, cmds[1]!, 'sudo')!;
  assert.equal(text.slice(sudo.start, sudo.end), 'sudo');
  assert.equal(wrapperRange(df, cmds[0]!, 'sudo'), undefined);
  assert.deepEqual(commandsOf(df, df.instructions[2]!), []);
  assert.deepEqual(commandsOf(df, df.instructions[3]!), []);
  assert.equal(onbuildTrigger(df.instructions[2]!)?.keyword, 'COPY');
  assert.equal(onbuildTrigger(df.instructions[0]!), undefined);
});

test('wrapperRange finds a wrapper written as a path', () => {
  const text = 'FROM alpine:3.20\nRUN find . | xargs /usr/bin/sudo rm\n';
  const df = parse(text);
  const rm = commandsOf(df, df.instructions[1]!).find((c) => c.name === 'rm')!;
  const r = wrapperRange(df, rm, 'sudo')!;
  assert.equal(text.slice(r.start, r.end), '/usr/bin/sudo');
});

test('overridden and deleteInstruction remove the whole lines of a dead instruction', () => {
  const text = 'FROM alpine:3.20\nCMD a \\\n  b\nCMD ["c"]\n';
  const df = parse(text);
  const found = overridden(df.stages[0]!, 'CMD')!;
  assert.equal(found.dead.length, 1);
  const edit = deleteInstruction(df, found.dead[0]!)!;
  assert.equal(text.slice(0, edit.start) + text.slice(edit.end), 'FROM alpine:3.20\nCMD ["c"]\n');
  assert.equal(overridden(df.stages[0]!, 'ENTRYPOINT'), undefined);
});

test('isWindowsStage looks at the image the chain starts from', () => {
  const df = parse('FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS w\nFROM w\nFROM golang:1.22-nanoserver-ltsc2022\nFROM alpine:3.20\n');
  assert.deepEqual(df.stages.map((s) => isWindowsStage(df, s)), [true, true, true, false]);
});
