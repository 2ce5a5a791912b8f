import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../src/parse/dockerfile/parse.js';
import { runViews, viewsCalling } from '../../src/analysis/shell-query.js';
import { lastVisible, visibleInstructions } from '../../src/analysis/stages.js';

const TEXT = [
  'FROM a AS base',
  'RUN apt-get update && /sbin/apk add x',
  'RUN echo hi',
  'ONBUILD RUN apk add y',
  'RUN apt install z && apt-get clean && apt-get purge q',
  'FROM base',
  'RUN yum install -y w',
  '',
].join('\n');

test('viewsCalling: the RUN views calling one of the names, once each, in file order', () => {
  const df = parseDockerfile('/p/Dockerfile', TEXT);
  const views = runViews(df);
  assert.equal(views.length, 5);
  const lines = (vs: readonly { instruction: { range: { start: number } } }[]) =>
    vs.map((v) => df.source.positionAt(v.instruction.range.start).line);
  assert.deepEqual(lines(viewsCalling(df, ['apt-get'])), [2, 5]);
  assert.deepEqual(lines(viewsCalling(df, ['apk'])), [2, 4]);
  assert.deepEqual(lines(viewsCalling(df, ['apt', 'apk'])), [2, 4, 5]);
  assert.deepEqual(lines(viewsCalling(df, ['apt', 'yum', 'dnf'])), [5, 7]);
  assert.deepEqual(lines(viewsCalling(df, ['zypper', 'dnf'])), []);
  assert.deepEqual(lines(viewsCalling(df, ['dnf', 'yum'])), [7]);
  // Same answer (same array) when asked again for the same names.
  assert.equal(viewsCalling(df, ['apt', 'apk']), viewsCalling(df, ['apt', 'apk']));
  assert.equal(viewsCalling(df, ['apt-get'])[0], views[0]);
});

test('lastVisible: what visibleInstructions lists, searched from the end', () => {
  const text = [
    'FROM a AS one',
    'USER u1',
    'WORKDIR /w1',
    'FROM one AS two',
    'RUN x',
    'USER u2',
    'RUN y',
    'FROM two',
    'COPY a b',
    'WORKDIR /w3',
    'FROM b',
    'RUN z',
    '',
  ].join('\n');
  const df = parseDockerfile('/p/Dockerfile', text);
  const oracle = (stageIndex: number, keyword: string, before?: (typeof df.instructions)[number]) =>
    visibleInstructions(df, df.stages[stageIndex]!, before).filter((i) => i.keyword === keyword).at(-1);
  let checked = 0;
  for (const stage of df.stages) {
    for (const keyword of ['USER', 'WORKDIR', 'RUN', 'FROM', 'COPY']) {
      for (const before of [undefined, ...df.instructions]) {
        assert.equal(lastVisible(df, stage, keyword, before), oracle(stage.index, keyword, before));
        checked++;
      }
    }
  }
  assert.equal(checked, 4 * 5 * 13);
  const user = lastVisible(df, df.stages[2]!, 'USER');
  assert.equal(user && df.source.positionAt(user.range.start).line, 6);
  const early = lastVisible(df, df.stages[2]!, 'USER', df.instructions[4]);
  assert.equal(early && df.source.positionAt(early.range.start).line, 2);
  assert.equal(lastVisible(df, df.stages[3]!, 'USER'), undefined);
});
