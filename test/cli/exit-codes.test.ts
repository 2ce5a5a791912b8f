import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { run, cliFixtures, type JsonResult, summary } from './fake-io.js';

test('a clean project exits 0 and prints nothing', async () => {
  assert.deepEqual(await run(['clean']), { code: 0, stdout: '', stderr: '' });
});

test('the default folder is the cwd', async () => {
  const r = await run([], { cwd: join(cliFixtures, 'latest') });
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^Dockerfile:1:13: warning .* \[latest-image-tag\]$/m);
});

test('an error finding exits 1; a warning alone exits 0 under the default --fail-on error', async () => {
  const err = await run(['compose-error']);
  assert.equal(err.code, 1);
  assert.match(err.stdout, /^compose-error\/compose\.yaml:5:9: error .* \[depends-on-unknown-service\]$/m);
  const warn = await run(['latest']);
  assert.equal(warn.code, 0);
  assert.match(warn.stdout, /^latest\/Dockerfile:1:13: warning .* \[latest-image-tag\]$/m);
});

test('--fail-on sets the lowest failing severity', async () => {
  const codes = async (extra: string[]) => {
    const out: Record<string, number> = {};
    for (const level of ['error', 'warning', 'info', 'never']) {
      out[level] = (await run(['latest', '--fail-on', level, ...extra])).code;
    }
    return out;
  };
  assert.deepEqual(await codes([]), { error: 0, warning: 1, info: 1, never: 0 });
  assert.deepEqual(await codes(['--rule', 'latest-image-tag=info']), { error: 0, warning: 0, info: 1, never: 0 });
  assert.equal((await run(['compose-error', '--fail-on', 'never'])).code, 0);
});

test('failOn of the config nearest to a file applies to it; --fail-on overrides it', async () => {
  assert.equal((await run(['fail-on-warning'])).code, 1);
  assert.equal((await run(['fail-on-warning', '--fail-on', 'error'])).code, 0);
  // The config of the linted files decides, not the config of the cwd.
  assert.equal((await run(['../fail-on-warning'], { cwd: join(cliFixtures, 'latest') })).code, 1);
  assert.equal((await run(['../latest'], { cwd: join(cliFixtures, 'fail-on-warning') })).code, 0);
});

test('--max-warnings fails when the warnings exceed it', async () => {
  assert.equal((await run(['latest', '--max-warnings', '1'])).code, 0);
  const over = await run(['latest', '--max-warnings', '0']);
  assert.equal(over.code, 1);
  assert.equal(over.stderr, 'compose-lint: 1 warning, more than --max-warnings 0\n');
  assert.equal((await run(['latest', '--max-warnings', 'many'])).code, 2);
  assert.equal((await run(['latest', '--max-warnings=-1'])).code, 2);
});

test('--quiet shows errors only, and the exit code still counts what it hides', async () => {
  const all = await run(['latest', 'compose-error', '-f', 'json']);
  const quiet = await run(['latest', 'compose-error', '-f', 'json', '-q']);
  assert.deepEqual(summary(JSON.parse(all.stdout) as JsonResult[], cliFixtures), [
    'compose-error/compose.yaml:5:9 depends-on-unknown-service',
    'latest/Dockerfile:1:13 latest-image-tag',
  ]);
  assert.deepEqual(summary(JSON.parse(quiet.stdout) as JsonResult[], cliFixtures), [
    'compose-error/compose.yaml:5:9 depends-on-unknown-service',
  ]);
  const hidden = await run(['latest', '-q', '--fail-on', 'warning']);
  assert.deepEqual([hidden.code, hidden.stdout], [1, '']);
  assert.equal((await run(['latest', '-q', '--max-warnings', '0'])).code, 1);
});

test('--rule turns a rule off by alias and raises it by id', async () => {
  const off = await run(['latest', '--rule', 'DL3007=off', '--fail-on', 'info']);
  assert.deepEqual(off, { code: 0, stdout: '', stderr: '' });
  const raised = await run(['latest', '--rule', 'latest-image-tag=error']);
  assert.equal(raised.code, 1);
  assert.match(raised.stdout, /^latest\/Dockerfile:1:13: error .* \[latest-image-tag\]$/m);
});

test('usage errors exit 2 with a message on stderr', async () => {
  const cases: [string[], string][] = [
    [['--bogus'], "compose-lint: Unknown option '--bogus'"],
    [['-f', 'xml', 'latest'], 'compose-lint: --format must be one of text, json, sarif, github, checkstyle, junit, gitlab, compact, pretty, not "xml"'],
    [['--fail-on', 'warn', 'latest'], 'compose-lint: --fail-on must be one of error, warning, info, never, not "warn"'],
    [['--preset', 'strict', 'latest'], 'compose-lint: --preset must be one of recommended, all, not "strict"'],
    [['--kind', 'yaml', 'latest'], 'compose-lint: --kind must be one of dockerfile, compose, not "yaml"'],
    [['-'], 'compose-lint: "-" reads standard input and needs --stdin-filename <path>'],
    [['rules', '-f', 'sarif'], 'compose-lint: `rules` prints text or json, not sarif'],
  ];
  for (const [argv, message] of cases) {
    const r = await run(argv, { stdin: '' });
    assert.equal(r.code, 2, argv.join(' '));
    assert.equal(r.stdout, '', argv.join(' '));
    assert.ok(r.stderr.startsWith(message), `${argv.join(' ')}: ${r.stderr.split('\n')[0]}`);
  }
});

test('a path that does not exist exits 2, after linting the others', async () => {
  const r = await run(['no-such-dir', 'latest']);
  assert.equal(r.code, 2);
  assert.equal(r.stderr, 'compose-lint: no-such-dir: no such file or directory\n');
  assert.match(r.stdout, /latest-image-tag/);
});

test('an unknown rule in a config file exits 2 with file:line:col and a did-you-mean', async () => {
  const r = await run(['bad-config']);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  const path = join(cliFixtures, 'bad-config', '.compose-lint.yaml');
  assert.equal(r.stderr, `compose-lint: ${path}:3:3: error: unknown rule "latest-imag-tag" (did you mean "latest-image-tag"?)\n`);
  // The same file named with --config.
  const named = await run(['clean', '--config', 'bad-config/.compose-lint.yaml']);
  assert.equal(named.code, 2);
  assert.match(named.stderr, /\.compose-lint\.yaml:3:3: error: unknown rule "latest-imag-tag" \(did you mean "latest-image-tag"\?\)/);
});

test('an unknown rule in --rule exits 2 with a did-you-mean', async () => {
  const r = await run(['latest', '--rule', 'latest-image-ta=error']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown rule "latest-image-ta" \(did you mean "latest-image-tag"\?\)/);
});

test('a missing --config file exits 2', async () => {
  const r = await run(['latest', '--config', 'nope.yaml']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /nope\.yaml: error: cannot read config/);
});

test('--preset all keeps the recommended findings and adds the rules that are off by default', async () => {
  const { rules } = await import('../../src/engine/registry.js');
  const all = await run(['latest', '--preset', 'all', '-f', 'json']);
  assert.equal(all.code, 0);
  const ids = summary(JSON.parse(all.stdout) as JsonResult[], cliFixtures);
  assert.ok(ids.includes('latest/Dockerfile:1:13 latest-image-tag'), ids.join('\n'));
  // Whatever --preset all adds over recommended must be rules that are off by default.
  const rec = summary(JSON.parse((await run(['latest', '-f', 'json'])).stdout) as JsonResult[], cliFixtures);
  const offByDefault = new Set(rules.filter((r) => !r.meta.recommended).map((r) => r.meta.id));
  for (const extra of ids.filter((i) => !rec.includes(i))) assert.ok(offByDefault.has(extra.split(' ')[1]!), extra);
  assert.deepEqual(rec.filter((i) => !ids.includes(i)), []);
});
