import { it } from 'node:test';
import assert from 'node:assert/strict';
import { pretty, stripAnsi } from '../../src/report/pretty.js';
import { getReporter } from '../../src/report/index.js';
import { ctx, sampleResults } from './sample.js';

const pad = (s: string, width: number) => s.padEnd(width);

it('pretty without colour: ESLint pretty layout, files relative to the cwd, our own counts', () => {
  const longest = 'Volume pg/var/lib/postgresql/data has no colon, so it is an anonymous volume (suggestion: did you mean pg:/var/lib/postgresql/data, +1 more)';
  const w = longest.length;
  const expected = [
    '',
    '  Dockerfile:1:11',
    `  ⚠  2:1   ${pad('ADD of a local archive extracts it (fix: Replace ADD with COPY)', w)}  add-instead-of-copy`,
    `  ⚠  4:5   ${pad('info Add -y so apt-get install never waits for input', w)}  apt-get-without-yes`,
    `  ✖  1:11  ${pad('Image node:latest uses the latest tag, which moves under you', w)}  latest-image-tag`,
    '',
    '  services/compose.yaml:5:9',
    `  ✖  5:9   ${longest}  volume-missing-colon`,
    '',
    '  4 problems (2 errors, 1 warning, 1 info)',
    '',
  ].join('\n');
  const out = pretty(sampleResults(), ctx);
  assert.equal(out, expected);
  assert.doesNotMatch(out, /\u001b/);
});

it('pretty with colour: the same text, coloured, whatever chalk guessed from stdout', () => {
  const out = pretty(sampleResults(), { ...ctx, color: true });
  assert.match(out, /\u001b\[33m⚠\u001b\[39m/);
  assert.match(out, /\u001b\[31m {2}4 problems \(2 errors, 1 warning, 1 info\)|\u001b\[31m4 problems \(2 errors, 1 warning, 1 info\)\u001b\[39m/);
  assert.equal(stripAnsi(out), pretty(sampleResults(), ctx));
});

it('pretty prints nothing without findings, and is registered as --format pretty', () => {
  assert.equal(pretty([], ctx), '');
  assert.equal(getReporter('pretty'), pretty);
});
