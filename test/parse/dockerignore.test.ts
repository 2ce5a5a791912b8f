import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanPath, parseDockerignore } from '../../src/parse/dockerignore/parse.js';

test('dockerignore patterns are cleaned and keep ranges', () => {
  const text = '# comment\n  /node_modules/  \n!./keep.txt\n\n./a//b/../c\n';
  const d = parseDockerignore('.dockerignore', text);
  assert.deepEqual(d.patterns, [
    { pattern: 'node_modules', negated: false, range: { path: '.dockerignore', start: 12, end: 26 } },
    { pattern: 'keep.txt', negated: true, range: { path: '.dockerignore', start: 29, end: 40 } },
    { pattern: 'a/c', negated: false, range: { path: '.dockerignore', start: 42, end: 53 } },
  ]);
  assert.equal(cleanPath('./x/./y/'), 'x/y');
  assert.equal(cleanPath('../a'), '../a');
  assert.equal(cleanPath('/'), '/');
});

test('dockerignore matching table', () => {
  const cases: [string, string, boolean][] = [
    ['node_modules', 'node_modules', true],
    ['node_modules', 'node_modules/x/y.js', true],
    ['node_modules', 'src/node_modules', false],
    ['*.log', 'a.log', true],
    ['*.log', 'dir/a.log', false],
    ['**/*.log', 'dir/sub/a.log', true],
    ['**/*.log', 'a.log', true],
    ['**/.git', '.git/config', true],
    ['**/.git', 'x/.git', true],
    ['docs/**', 'docs/a/b.md', true],
    ['docs/**', 'docs2/a', false],
    ['a/**/b', 'a/b', true],
    ['a/**/b', 'a/x/y/b', true],
    ['file?.txt', 'file1.txt', true],
    ['file?.txt', 'file10.txt', false],
    ['[a-c].md', 'b.md', true],
    ['[^a-c].md', 'b.md', false],
    ['[^a-c].md', 'x.md', true],
    ['*', 'anything/deep', true],
    ['.env', '.env', true],
    ['.env', 'x.env', false],
    ['**', 'a/b', true],
    ['\\*star', '*star', true],
    ['\\*star', 'xstar', false],
  ];
  for (const [pattern, path, expected] of cases) {
    assert.equal(parseDockerignore('.dockerignore', pattern).ignores(path), expected, `${pattern} vs ${path}`);
  }
});

test('dockerignore: negation and last match wins', () => {
  const d = parseDockerignore('.dockerignore', '*\n!src\nsrc/**/*.test.js\n!src/keep.test.js\n');
  assert.equal(d.ignores('README.md'), true);
  assert.equal(d.ignores('src/index.js'), false);
  assert.equal(d.ignores('src/a/b.test.js'), true);
  assert.equal(d.ignores('src/keep.test.js'), false);
  assert.equal(d.ignores('./src/index.js'), false);
  const e = parseDockerignore('.dockerignore', '[\n');
  assert.equal(e.problems?.length, 1);
  assert.equal(e.ignores('['), false);
});
