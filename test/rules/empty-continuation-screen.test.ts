import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../src/parse/dockerfile/parse.js';
import { runRules } from '../../src/engine/run.js';
import type { Dockerfile } from '../../src/parse/dockerfile/model.js';
import rule from '../../rules/dockerfile/empty-continuation-line/rule.js';

/** Offsets the rule reports, for the text. */
function reported(text: string): number[] {
  const df = parseDockerfile('/p/Dockerfile', text);
  const out = runRules([{ rule, severity: 'warning', options: {} }], {
    dockerfiles: [df],
    composeFiles: [],
    project: {} as never,
    settings: {} as never,
    sourceOf: () => df.source,
  });
  assert.deepEqual(out.internalErrors, []);
  return out.findings.map((f) => f.location.start.offset);
}

/** The line-by-line check with `slice().trim()`, on every line of every instruction. */
function oracle(df: Dockerfile): number[] {
  const out: number[] = [];
  const text = df.source.text;
  for (const ins of df.instructions) {
    const end = ins.heredocs.length ? Math.min(...ins.heredocs.map((h) => h.bodyRange.start)) : ins.range.end;
    const first = df.source.positionAt(ins.range.start).line;
    const last = df.source.positionAt(end).line;
    for (let line = first + 1; line < last; line++) {
      if (text.slice(df.source.lineStart(line), df.source.lineEnd(line)).trim() === '') out.push(df.source.lineEnd(line));
    }
  }
  return out;
}

test('empty-continuation-line: blank lines judged in place as by trim (CRLF, lone CR, tabs, NBSP)', () => {
  const cases = [
    'FROM a\nRUN a \\\n\n  b\n',
    'FROM a\r\nRUN a \\\r\n\r\n  b\r\n',
    'FROM a\rRUN a \\\r\r  b\r',
    'FROM a\nRUN a \\\n \t\v\f \n  b\n',
    'FROM a\nRUN a \\\n\u00a0\u2003\n  b\n',
    'FROM a\nRUN a \\\n\u00a0x\n  b\n',
    'FROM a\nRUN a \\\n  b \\\n  c\n',
    'FROM a\nRUN a \\\n# note\n\n  b\n',
    'FROM a\nRUN <<EOF\n\necho\n\nEOF\n',
    'FROM a\nLABEL a=1 \\\n\n\n  b=2\n',
  ];
  const got = cases.map(reported);
  assert.deepEqual(got, cases.map((t) => oracle(parseDockerfile('/p/Dockerfile', t))));
  // Not vacuous: blank lines found with LF, CRLF and lone CR. (A line of other blank characters
  // ends the instruction in the parser, so it never reaches the rule.)
  assert.deepEqual(got.map((g) => g.length), [1, 1, 1, 0, 0, 0, 0, 1, 0, 2]);
});
