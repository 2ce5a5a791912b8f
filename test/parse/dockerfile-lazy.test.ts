import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../src/parse/dockerfile/parse.js';
import type { RunInstruction } from '../../src/parse/dockerfile/model.js';
import { releaseShell } from '../../src/analysis/release-shell.js';
import { runViews } from '../../src/analysis/shell-query.js';

const span = (r: { start: number; end: number }): [number, number] => [r.start, r.end];

test('RUN args are split on first read, with exact ranges across continuation lines', () => {
  const text = 'FROM a\nRUN --mount=type=cache,target=/c echo "a b" \\\n  # note\n  x\\ y \'q\'\n';
  const run = parseDockerfile('/p/Dockerfile', text).instructions[1] as RunInstruction;
  assert.deepEqual(
    run.args.map((a) => [a.value, ...span(a.range)]),
    [['echo', 40, 44], ['a b', 45, 50], ['x y', 64, 68], ['q', 69, 72]],
  );
  assert.equal(text.slice(64, 68), 'x\\ y');
  // Read twice: the same array; written: kept like a plain field.
  assert.equal(run.args, run.args);
  assert.deepEqual(Object.keys(run).slice(0, 7), ['keyword', 'keywordRaw', 'keywordRange', 'range', 'flags', 'args', 'argsRange']);
  run.args = [];
  assert.deepEqual(run.args, []);
});

test('a RUN holding `<<` still reads its heredoc markers; exec form args come from the JSON', () => {
  const df = parseDockerfile('/p/Dockerfile', 'FROM a\nRUN cat <<EOF > /f\nhi\nEOF\nRUN ["sh", "-c", "x"]\n');
  const [, heredoc, exec] = df.instructions as RunInstruction[];
  assert.deepEqual(heredoc!.heredocs.map((h) => [h.name, h.body]), [['EOF', 'hi\n']]);
  assert.deepEqual(heredoc!.args.map((a) => a.value), ['cat', '<<EOF', '>', '/f']);
  assert.deepEqual(exec!.args.map((a) => [a.value, ...span(a.range)]), [['sh', 38, 42], ['-c', 44, 48], ['x', 50, 53]]);
});

test('CR line breaks and trailing blanks after a continuation keep exact positions', () => {
  const text = 'FROM a\r\nCOPY x \\\r\n   y   \r\n';
  const copy = parseDockerfile('/p/Dockerfile', text).instructions[1]!;
  assert.deepEqual(copy.args.map((a) => [a.value, ...span(a.range)]), [['x', 13, 14], ['y', 21, 22]]);
  assert.deepEqual(span(copy.range), [8, 22]);
});

test('RUN commands are lexed on first read, and lexed again, equal but new, after the file is released', () => {
  const text = 'FROM a\nRUN apt-get update && apt-get install -y curl\nRUN ["sh", "-c", "make all"]\nRUN <<EOF\nset -e\ncd /x\nEOF\n';
  const df = parseDockerfile('/p/Dockerfile', text);
  const runs = df.instructions.slice(1) as RunInstruction[];
  const first = runs.map((r) => r.commands);
  assert.deepEqual(first.map((cs) => cs.map((c) => [c.name, ...span(c.range)])), [
    [['apt-get', 11, 25], ['apt-get', 29, 52]],
    [['make', 71, 79]],
    [['set', 92, 98], ['cd', 99, 104]],
  ]);
  // Read twice: the same objects, until released.
  assert.equal(runs[0]!.commands, first[0]);
  const [view] = runViews(df);
  releaseShell(df);
  const again = runs.map((r) => r.commands);
  assert.notEqual(again[0], first[0]);
  assert.deepEqual(again, first);
  assert.notEqual(runViews(df)[0], view);
  assert.deepEqual(runViews(df)[0]!.commands, view!.commands);
  // Written by hand: nothing to lex it from, so a release keeps it.
  runs[0]!.commands = [];
  releaseShell(df);
  assert.deepEqual(runs[0]!.commands, []);
});
