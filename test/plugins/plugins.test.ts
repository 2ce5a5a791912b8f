/**
 * Plugins end to end: a project with the sample plugin installed in its node_modules (built in a
 * temporary folder, with `compose-lint` linked to this repository as npm would install it), linted
 * through the CLI.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixturesDir, repoRoot } from '../helpers.js';
import { run } from '../cli/fake-io.js';
import { pluginNamespace } from '../../src/plugins/namespace.js';

const pluginsDir = join(fixturesDir, 'plugins');
let project: string;

before(() => {
  project = mkdtempSync(join(tmpdir(), 'compose-lint-plugins-'));
  cpSync(join(pluginsDir, 'project'), project, { recursive: true });
  mkdirSync(join(project, 'node_modules'));
  cpSync(join(pluginsDir, 'compose-lint-plugin-sample'), join(project, 'node_modules', 'compose-lint-plugin-sample'), { recursive: true });
  symlinkSync(repoRoot, join(project, 'node_modules', 'compose-lint'), 'dir');
});
after(() => rmSync(project, { recursive: true, force: true }));

interface Msg {
  ruleId: string;
  severity: number;
  line: number;
  column: number;
  endColumn: number;
  message: string;
}
const messages = (stdout: string): Msg[] => (JSON.parse(stdout) as { messages: Msg[] }[]).flatMap((r) => r.messages);
const brief = (m: Msg) => `${m.line}:${m.column}-${m.endColumn} ${m.severity} ${m.ruleId} ${m.message}`;

describe('plugins through the CLI', () => {
  it('runs plugin rules with the configured level and options, and obeys suppressions', async () => {
    const r = await run(['-f', 'json', '--rule', 'root-user=off', '.'], { cwd: project });
    assert.equal(r.stderr, '');
    assert.deepEqual(messages(r.stdout).map(brief), ['1:6-17 2 sample/no-alpine base image alpine:3.19 is Alpine']);
    assert.equal(r.code, 1);
  });

  it('works from the installed bin too', () => {
    const r = spawnSync(process.execPath, [join(repoRoot, 'bin', 'compose-lint.cjs'), '-f', 'compact', '--rule', 'root-user=off', '.'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    assert.equal(r.stdout, 'Dockerfile:1:6: error base image alpine:3.19 is Alpine [sample/no-alpine]\n');
    assert.equal(r.status, 1);
  });

  it('reports a crashing plugin rule as an internal error while the other rules still report', async () => {
    const r = await run(['-c', 'crash.compose-lint.yaml', '-f', 'json', '--rule', 'root-user=off', '.'], { cwd: project });
    // The preset enables the recommended no-alpine at its default level; no options, so 3.20 counts.
    assert.deepEqual(messages(r.stdout).map(brief), [
      '1:6-17 1 sample/no-alpine base image alpine:3.19 is Alpine',
      '5:6-17 1 sample/no-alpine base image alpine:3.20 is Alpine',
    ]);
    assert.match(r.stderr, /^compose-lint: internal error: rule sample\/crash crashed on .*Dockerfile: Error: boom/);
    assert.equal(r.code, 2);
  });

  it('lists plugin rules in `compose-lint rules` and in SARIF', async () => {
    const rules = await run(['rules', '-f', 'json'], { cwd: project });
    const ids = (JSON.parse(rules.stdout) as { id: string; recommended: boolean }[]).filter((e) => e.id.startsWith('sample/'));
    assert.deepEqual(ids.map((e) => [e.id, e.recommended]), [
      ['sample/no-alpine', true],
      ['sample/crash', false],
    ]);
    assert.equal(rules.code, 0);
    const sarif = await run(['-f', 'sarif', '.'], { cwd: project });
    const driver = JSON.parse(sarif.stdout).runs[0].tool.driver as { rules: { id: string; shortDescription?: { text: string } }[] };
    const mine = driver.rules.filter((d) => d.id.startsWith('sample/'));
    assert.deepEqual(mine.map((d) => [d.id, d.shortDescription?.text]), [
      ['sample/crash', 'Always throws'],
      ['sample/no-alpine', 'Base images must not be Alpine'],
    ]);
  });

  it('checks plugin rule options at run time', async () => {
    const dir = mkdtempSync(join(project, 'bad-options-'));
    cpSync(join(project, 'Dockerfile'), join(dir, 'Dockerfile'));
    const cfg = 'plugins: [compose-lint-plugin-sample]\nrules:\n  sample/no-alpine: [error, { allow: 3, deny: [] }]\n';
    writeFileSync(join(dir, '.compose-lint.yaml'), cfg);
    // The plugin resolves from the parent folder's node_modules, as Node resolves any package;
    // options are pointed at in the file (line 3, the options object).
    const r = await run(['.'], { cwd: dir });
    assert.equal(
      r.stderr,
      `compose-lint: ${join(dir, '.compose-lint.yaml')}:3:29: error: rule sample/no-alpine: unknown option "deny"\n` +
        `compose-lint: ${join(dir, '.compose-lint.yaml')}:3:29: error: rule sample/no-alpine: allow must be array\n`,
    );
    assert.equal(r.code, 2);
  });

  it('makes a plugin that cannot be loaded a config error naming the plugin and the file', async () => {
    const dir = join(pluginsDir, 'broken-project');
    const r = await run(['.'], { cwd: dir });
    assert.equal(
      r.stderr,
      `compose-lint: ${join(dir, '.compose-lint.yaml')}:4:5: error: plugin "compose-lint-plugin-missing" cannot be loaded: ` +
        `not found from ${join(dir, '.compose-lint.yaml')}'s folder; install it there (npm install --save-dev compose-lint-plugin-missing)\n`,
    );
    assert.equal(r.stdout, '');
    assert.equal(r.code, 2);
  });

  it('loads a CommonJS plugin from a local path, with did-you-mean for its rule ids', async () => {
    const dir = join(pluginsDir, 'local-project');
    const r = await run(['-f', 'compact', '.'], { cwd: dir });
    assert.equal(
      r.stderr,
      `compose-lint: ${join(dir, '.compose-lint.yaml')}:4:3: error: unknown rule "legacy/no-cmdd" (did you mean "legacy/no-cmd"?)\n`,
    );
    assert.equal(r.code, 2);
    const ok = await run(['-f', 'compact', '--rule', 'root-user=off', '-c', 'ok.compose-lint.yaml', '.'], { cwd: dir });
    assert.equal(ok.stdout, 'Dockerfile:2:1: warning CMD found [legacy/no-cmd]\n');
    assert.equal(ok.code, 0);
  });
});

describe('pluginNamespace', () => {
  it('drops the conventional prefix, keeps scopes, and names local paths by their file', () => {
    assert.deepEqual(
      ['compose-lint-plugin-acme', '@corp/compose-lint-plugin-acme', '@corp/compose-lint-plugin', 'acme', './x/compose-lint-plugin-legacy.cjs', '../tools/extra/'].map(pluginNamespace),
      ['acme', '@corp/acme', '@corp', 'acme', 'legacy', 'extra'],
    );
  });
});
