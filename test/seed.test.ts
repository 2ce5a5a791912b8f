/**
 * The example project compose-lint was made for: every mistake its README lists must be reported
 * at the right place, with a message that says how to fix it. The whole text report is pinned
 * in test/fixtures/seed-example.expected.txt.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';
import { fixturesDir, sharedDir } from './helpers.js';

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s) },
    readStdin: () => '',
    env: {},
    cwd: sharedDir,
  });
  return { code, stdout, stderr };
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; line: number; column: number; endLine: number; endColumn: number; message: string }[];
}

test('every mistake of the seed example is reported at its place', async () => {
  const { code, stdout, stderr } = await run(['seed-example', '--format', 'json']);
  assert.equal(stderr, '');
  assert.equal(code, 1, 'errors make the run fail');
  const found = (JSON.parse(stdout) as JsonResult[]).flatMap((r) =>
    r.messages.map((m) => `${r.filePath.split('/').pop()}:${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId}`),
  );
  assert.deepEqual(found, [
    // the image runs as root: no USER in the final stage
    'Dockerfile:1:6-1:41 root-user',
    // COPY . . with no .dockerignore bakes .env (the database password) into the image
    'Dockerfile:9:6-9:7 secret-file-in-image',
    // postgres:latest
    'docker-compose.yml:4:21-4:27 latest-image-tag',
    // pg/var/lib/postgresql/data: the colon after the volume name is missing
    'docker-compose.yml:8:9-8:35 volume-target-not-absolute',
    // PostgreSQL published on every host interface
    'docker-compose.yml:10:9-10:32 port-published-on-all-interfaces',
    // redis:latest
    'docker-compose.yml:14:18-14:24 latest-image-tag',
    // Redis published on every host interface
    'docker-compose.yml:18:9-18:29 port-published-on-all-interfaces',
    // depends_on without a health condition (queue, then app)
    'docker-compose.yml:31:9-31:15 depends-on-without-healthcheck',
    'docker-compose.yml:32:9-32:17 depends-on-without-healthcheck',
    // build: . twice: the same image built under two names
    'docker-compose.yml:37:12-37:13 image-built-twice',
    'docker-compose.yml:46:9-46:15 depends-on-without-healthcheck',
    'docker-compose.yml:47:9-47:17 depends-on-without-healthcheck',
    // top-level volumes: pg is not a mapping
    'docker-compose.yml:53:3-53:5 compose-schema-violation',
  ]);
});

test('the messages say how to fix each mistake', async () => {
  const { stdout } = await run(['seed-example', '--format', 'json']);
  const messages = (JSON.parse(stdout) as JsonResult[]).flatMap((r) => r.messages.map((m) => [m.ruleId, m.message] as const));
  const of = (id: string) => messages.filter(([r]) => r === id).map(([, m]) => m);
  assert.match(of('volume-target-not-absolute')[0]!, /did you mean `pg:\/var\/lib\/postgresql\/data`\?/);
  assert.match(of('compose-schema-violation')[0]!, /write `pg:`/);
  assert.match(of('latest-image-tag')[0]!, /pin a version/);
  assert.match(of('port-published-on-all-interfaces')[0]!, /127\.0\.0\.1:/);
  assert.match(of('depends-on-without-healthcheck')[0]!, /condition: service_healthy/);
  assert.match(of('secret-file-in-image')[0]!, /\.env/);
  assert.match(of('secret-file-in-image')[0]!, /\.dockerignore/);
  assert.match(of('root-user')[0]!, /USER/);
  assert.match(of('image-built-twice')[0]!, /image: /);
});

test('the text report of the seed example is pinned', async () => {
  const { stdout } = await run(['seed-example']);
  const expected = readFileSync(join(fixturesDir, 'seed-example.expected.txt'), 'utf8');
  assert.equal(stdout, expected);
});

test('the leak of .env and the double build come with their fixes', async () => {
  const { stdout } = await run(['seed-example', '--format', 'json']);
  interface Fixed {
    ruleId: string;
    fixes?: { safety: string; edits: { path: string; start: number; end: number; text: string }[] }[];
  }
  const found = (JSON.parse(stdout) as { messages: Fixed[] }[]).flatMap((r) => r.messages);
  const edits = (id: string) =>
    found.find((m) => m.ruleId === id)?.fixes?.[0]?.edits.map((e) => `${e.path.split('/').pop()}@${e.start}-${e.end} ${JSON.stringify(e.text)}`);
  assert.deepEqual(edits('secret-file-in-image'), ['.dockerignore@0-0 ".env\\n"']);
  assert.deepEqual(edits('image-built-twice'), [
    'docker-compose.yml@361-361 "    image: seed-example-queue\\n"',
    'docker-compose.yml@660-668 "image: seed-example-queue"',
  ]);
});
