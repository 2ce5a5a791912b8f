import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../src/parse/dockerfile/parse.js';
import type { RunInstruction } from '../../src/parse/dockerfile/model.js';

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
