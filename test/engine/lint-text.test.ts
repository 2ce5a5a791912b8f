/**
 * The engine hands a file's text to the reporters only where they may show it: files with
 * findings, and files that a fix edits. A clean file's text would only hold memory until the end.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, type ConfigProvider } from '../../src/engine/lint.js';
import { memoryFileSystem } from '../../src/project/fs.js';
import { rules, resolveRuleCode } from '../../src/engine/registry.js';

function provider(ids: string[]): ConfigProvider {
  const active = rules.filter((r) => ids.includes(r.meta.id)).map((rule) => ({ rule, severity: 'warning' as const, options: {} }));
  assert.equal(active.length, ids.length);
  const config = { key: 'k', rules: active, settings: {}, resolveId: resolveRuleCode };
  return { forFile: () => config, isIgnored: () => false };
}

const FILES: Record<string, string> = {
  '/p/clean/Dockerfile': 'FROM alpine\nRUN echo hi\n',
  '/p/old/Dockerfile': 'FROM alpine\nMAINTAINER me\n',
  '/p/comment/Dockerfile': 'FROM alpine\n# compose-lint disable-next-line maintainer-deprecated\nRUN echo hi\n',
  '/p/compose.yaml': 'services:\n  web:\n    image: nginx\n',
};

test('keeps the text of files with findings only', async () => {
  const out = await lint({
    cwd: '/p',
    paths: Object.keys(FILES),
    config: provider(['maintainer-deprecated', 'unused-suppression']),
    fs: memoryFileSystem(FILES),
    env: {},
  });
  assert.deepEqual(out.errors, []);
  assert.deepEqual(
    out.results.map((r) => [r.path, r.findings.map((f) => f.ruleId), r.text === undefined ? 'no text' : r.text === FILES[r.path] ? 'text' : 'wrong text']),
    [
      ['/p/clean/Dockerfile', [], 'no text'],
      ['/p/comment/Dockerfile', ['unused-suppression'], 'text'],
      ['/p/compose.yaml', [], 'no text'],
      ['/p/old/Dockerfile', ['maintainer-deprecated'], 'text'],
    ],
  );
});

test('keeps the text of a clean file when it holds a suppressed finding', async () => {
  const out = await lint({
    cwd: '/p',
    paths: ['/p/Dockerfile'],
    config: provider(['maintainer-deprecated']),
    fs: memoryFileSystem({ '/p/Dockerfile': 'FROM alpine\n# hadolint ignore=maintainer-deprecated\nMAINTAINER me\n' }),
    env: {},
  });
  const [r] = out.results;
  assert.deepEqual(r!.findings.map((f) => [f.ruleId, f.suppressed?.by]), [['maintainer-deprecated', 'inline']]);
  assert.equal(r!.text, 'FROM alpine\n# hadolint ignore=maintainer-deprecated\nMAINTAINER me\n');
});
