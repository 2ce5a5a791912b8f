/**
 * The project graph: Dockerfiles parsed with the args compose passes, and every file read once
 * however many services and projects reference it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { lint, type ConfigProvider } from '../src/engine/lint.js';
import { nodeFileSystem, memoryFileSystem, type FileSystem } from '../src/project/fs.js';
import { buildProject } from '../src/project/graph.js';
import { parseCompose } from '../src/parse/compose/parse.js';
import { parseDockerfile } from '../src/parse/dockerfile/parse.js';
import { rules } from '../src/engine/registry.js';
import { fixturesDir } from './helpers.js';

const config: ConfigProvider = {
  forFile: () => ({ key: 'all', rules: rules.map((rule) => ({ rule, severity: rule.meta.severity, options: rule.meta.options?.defaults ?? {} })), settings: {}, resolveId: () => undefined }),
  isIgnored: () => false,
};

test('each file of a monorepo is read once, however many services reference it', async () => {
  const reads = new Map<string, number>();
  const fs: FileSystem = {
    readFile: (p) => {
      reads.set(p, (reads.get(p) ?? 0) + 1);
      return nodeFileSystem.readFile(p);
    },
    kind: (p) => nodeFileSystem.kind(p),
    readDir: (p) => nodeFileSystem.readDir(p),
  };
  const dir = join(fixturesDir, 'scale-monorepo');
  const out = await lint({ cwd: dir, paths: ['.'], config, fs });
  assert.deepEqual(out.internalErrors, []);
  const counts = [...reads].map(([p, n]) => `${p.slice(dir.length + 1)} ${n}`).sort();
  assert.deepEqual(counts, [
    'a/.env 1',
    'a/compose.yaml 1',
    'b/.env 1',
    'b/compose.yaml 1',
    'shared/.dockerignore 1',
    'shared/Dockerfile 1',
    'shared/Dockerfile.dockerignore 1',
    'shared/app.env 1',
  ]);
});

test('a Dockerfile built with args gets its own model per set of args; the plain one stays for its own rules', () => {
  const files: Record<string, string> = {
    '/p/compose.yaml': 'services:\n  a:\n    build:\n      context: .\n      args: {BASE: "node:20"}\n  b:\n    build:\n      context: .\n      args: [BASE]\n  c:\n    build: .\n  d:\n    build:\n      context: .\n      args: {BASE: "node:20"}\n  e:\n    build:\n      context: .\n      dockerfile_inline: "FROM alpine:3.20 AS base\\n"\n',
    '/p/Dockerfile': 'ARG BASE\nFROM ${BASE}\n',
    '/p/secret.txt': 'x',
  };
  const fs = memoryFileSystem(files);
  const plain = parseDockerfile('/p/Dockerfile', files['/p/Dockerfile']!);
  const compose = parseCompose('/p/compose.yaml', files['/p/compose.yaml']!, { variables: new Map([['BASE', 'node:22']]) });
  const project = buildProject([compose], [plain], {
    fs,
    dockerfile: (p) => (p === '/p/Dockerfile' ? plain : undefined),
    env: () => undefined,
    dockerignore: () => undefined,
  });
  const [a, b, c, d, e] = project.composeProjects[0]!.builds;
  assert.equal(a!.dockerfile!.stages[0]!.from.image.resolved, 'node:20');
  assert.deepEqual(a!.buildArgs, { BASE: 'node:20' });
  assert.equal(b!.dockerfile!.stages[0]!.from.image.resolved, 'node:22', 'a bare arg takes its value from the variables');
  assert.equal(c!.dockerfile, plain, 'no args: the plain model');
  assert.equal(d!.dockerfile, a!.dockerfile, 'the same args share one model');
  assert.notEqual(a!.dockerfile, plain);
  assert.equal(e!.dockerfile, undefined);
  assert.equal(e!.inlineDockerfile!.stages[0]!.name, 'base');
  assert.deepEqual(project.composeProjects[0]!.dirFiles, ['Dockerfile', 'compose.yaml', 'secret.txt']);
});
