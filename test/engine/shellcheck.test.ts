/**
 * ShellCheck integration: scripts extracted from RUN, findings mapped to exact Dockerfile
 * positions, config levels, suppressions, and the CLI flag without the binary. The tests that
 * need the binary skip (with a message) only when it is absent; CI installs it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseDockerfile } from '../../src/parse/dockerfile/parse.js';
import { scriptsOf, shellcheckAvailable, shellcheckRuleId, type ShellcheckSettings } from '../../src/engine/shellcheck.js';
import { lint, type ConfigProvider } from '../../src/engine/lint.js';
import { memoryFileSystem } from '../../src/project/fs.js';
import { resolveRuleCode } from '../../src/engine/registry.js';
import { AliasIndex } from '../../src/config/aliases.js';
import { repoRoot } from '../helpers.js';

const DOCKERFILE = [
  'FROM debian:12-slim',
  'ARG version=1',
  'RUN echo $HOME && \\',
  '    cd $version \\',
  '  && [[ -f x ]]',
  'SHELL ["/bin/bash", "-c"]',
  'RUN [[ -f y ]] && echo $undeclared',
  'RUN <<EOF',
  'echo $other',
  'EOF',
  '# hadolint ignore=SC2086',
  'RUN echo $x \\',
  '  $y',
  'RUN ["sh", "-c", "echo $z"]',
  '',
].join('\n');

describe('scriptsOf', () => {
  it('joins continuations, picks the shell, declares ARG names and maps offsets back', () => {
    const df = parseDockerfile('/p/Dockerfile', DOCKERFILE);
    const scripts = scriptsOf(df);
    assert.deepEqual(
      scripts.map((s) => [s.dialect, s.text]),
      [
        ['sh', 'echo $HOME &&     cd $version   && [[ -f x ]]'],
        ['bash', '[[ -f y ]] && echo $undeclared'],
        ['bash', 'echo $other\n'],
        ['bash', 'echo $x   $y'],
      ],
    );
    assert.ok(scripts[0]!.defined.includes('version'));
    assert.ok(scripts[0]!.defined.includes('HTTP_PROXY'));
    // `$version` on the second physical line of the first RUN.
    const i = scripts[0]!.text.indexOf('$version');
    assert.equal(DOCKERFILE.slice(scripts[0]!.toFile(i), scripts[0]!.toFile(i) + 8), '$version');
  });

  it('honours `# hadolint shell=` and skips heredocs fed to other programs', () => {
    const df = parseDockerfile('/p/Dockerfile', '# hadolint shell=bash\nFROM a\nRUN echo hi\nRUN python3 <<EOF\nprint(1)\nEOF\n');
    assert.deepEqual(scriptsOf(df).map((s) => s.dialect), ['bash']);
  });
});

describe('shellcheckRuleId', () => {
  it('maps SC codes to rule ids and lets config and directives resolve them', () => {
    assert.equal(shellcheckRuleId('SC2086'), 'shellcheck/SC2086');
    assert.equal(shellcheckRuleId('shellcheck/SC3010'), 'shellcheck/SC3010');
    assert.equal(shellcheckRuleId('DL3008'), undefined);
    assert.deepEqual(new AliasIndex([]).lookup('SC2086')?.ids, ['shellcheck/SC2086']);
  });
});

function provider(settings: ShellcheckSettings): ConfigProvider {
  const index = new AliasIndex([]);
  const config = { key: 'k', rules: [], settings: {}, shellcheck: settings, resolveId: (c: string) => index.lookup(c)?.ids ?? resolveRuleCode(c) };
  return { forFile: () => config, isIgnored: () => false };
}

async function run(levels: [string, 'off' | 'info' | 'warning' | 'error'][] = []) {
  const out = await lint({
    cwd: '/p',
    paths: ['/p/Dockerfile'],
    config: provider({ enabled: true, levels: new Map(levels) }),
    fs: memoryFileSystem({ '/p/Dockerfile': DOCKERFILE }),
    env: {},
  });
  assert.deepEqual(out.errors, []);
  return out.results[0]!.findings.map((f) => `${f.location.start.line}:${f.location.start.column}-${f.location.end.line}:${f.location.end.column} ${f.severity} ${f.ruleId}${f.suppressed ? ' suppressed' : ''}`);
}

describe('ShellCheck on a Dockerfile', { skip: shellcheckAvailable() ? false : 'shellcheck is not installed (CI installs it)' }, () => {
  it('reports each finding at its exact position, with ShellCheck levels', async () => {
    assert.deepEqual(await run(), [
      '3:10-3:15 info shellcheck/SC2086',
      '4:8-4:16 info shellcheck/SC2086',
      '5:6-5:16 warning shellcheck/SC3010',
      '7:24-7:35 info shellcheck/SC2086',
      '7:24-7:35 warning shellcheck/SC2154',
      '9:6-9:12 info shellcheck/SC2086',
      '9:6-9:12 warning shellcheck/SC2154',
      '12:10-12:12 info shellcheck/SC2086 suppressed',
      '12:10-12:12 warning shellcheck/SC2154',
      '13:3-13:5 info shellcheck/SC2086 suppressed',
      '13:3-13:5 warning shellcheck/SC2154',
    ]);
  });

  it('obeys levels from the config', async () => {
    const found = await run([['shellcheck/SC2086', 'off'], ['shellcheck/SC3010', 'error']]);
    assert.deepEqual(found.filter((f) => / shellcheck\/SC(2086|3010)/.test(f)), ['5:6-5:16 error shellcheck/SC3010']);
  });
});

describe('--shellcheck without the binary', () => {
  it('says that shellcheck is missing and exits 2', () => {
    const r = spawnSync(process.execPath, [join(repoRoot, 'bin', 'compose-lint.cjs'), '--shellcheck', join(repoRoot, 'rules', 'dockerfile', 'curl-pipe-shell', 'fixtures', 'valid.Dockerfile')], {
      encoding: 'utf8',
      env: { ...process.env, PATH: '/nonexistent' },
    });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--shellcheck needs the `shellcheck` program, which is not on the PATH/);
    assert.equal(r.stdout, '');
  });
});
