import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../src/parse/dockerfile/parse.js';
import { commandsNamed, runViews } from '../../src/analysis/shell-query.js';
import { keywordCase, variableRefs } from '../../src/analysis/buildkit.js';

test('commandsNamed: the commands of one or several names, in the order of the RUN', () => {
  const df = parseDockerfile('/p/Dockerfile', 'FROM a\nRUN apt update && /usr/bin/apt-get install -y x && apk add y && apt purge z\n');
  const view = runViews(df)[0]!;
  assert.deepEqual(commandsNamed(view, ['apt-get', 'apt']).map((c) => c.name), ['apt', '/usr/bin/apt-get', 'apt']);
  assert.deepEqual(commandsNamed(view, ['apk']).map((c) => c.args[0]!.value), ['add']);
  assert.deepEqual(commandsNamed(view, ['yum']), []);
});

test('variableRefs: bare and braced names, operators, a brace left open', () => {
  const text = 'FROM a\nLABEL x="$A ${B:-c} ${C+d}" y=\'$D\' z=${E:x} w=${F\n';
  const df = parseDockerfile('/p/Dockerfile', text);
  const label = df.instructions[1]!;
  const refs = variableRefs(df, label.argsRange.start, label.argsRange.end);
  assert.deepEqual(
    refs.map((r) => [r.name, r.operator, text.slice(r.range.start, r.range.end)]),
    [['A', '', '$A'], ['B', ':-', '${B:-c}'], ['C', '+', '${C+d}'], ['E', '', '${E:x}']],
  );
});

test('keywordCase: ASCII by letters, other text as before', () => {
  assert.deepEqual(['RUN', 'run', 'Run', '', 'ÄRG', 'ärg'].map(keywordCase), ['upper', 'lower', 'mixed', 'upper', 'upper', 'lower']);
});
