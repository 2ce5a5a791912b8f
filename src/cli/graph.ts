/**
 * `compose-lint graph [dir] --format mermaid|dot|text`: draws the compose projects found under a
 * folder. The files are found, read and merged as for linting (overrides, include, extends).
 */
import { parseArgs } from 'node:util';
import { dirname, resolve } from 'node:path';
import { discover } from './discover.js';
import { nodeFileSystem, type FileSystem } from '../project/fs.js';
import { parseCompose } from '../parse/compose/parse.js';
import { parseEnvFile } from '../parse/env/parse.js';
import type { ComposeFile } from '../parse/compose/model.js';
import type { EnvFile } from '../parse/env/model.js';
import { projectVariables, resolveStacks } from '../project/compose-project.js';
import { pictureOf, toDot, toMermaid, toText } from '../project/picture.js';

export interface GraphIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  env: Record<string, string | undefined>;
  cwd: string;
  fs?: FileSystem;
}

const FORMATS = ['mermaid', 'dot', 'text'] as const;

export const GRAPH_HELP = `Usage: compose-lint graph [dir…] [--format mermaid|dot|text] [--file <compose file>…] [--profile <name>…]

Draws each compose project found: services, depends_on edges with their conditions, networks,
named volumes, build contexts and Dockerfiles. Cycles and references to things that do not exist
are drawn in red (marked [!] in text).`;

export async function graphCommand(argv: string[], io: GraphIo): Promise<number> {
  let values: { format?: string; file?: string[]; profile?: string[]; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { format: { type: 'string', short: 'f' }, file: { type: 'string', multiple: true }, profile: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (e) {
    io.stderr.write(`compose-lint: ${(e as Error).message}\n\n${GRAPH_HELP}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(GRAPH_HELP + '\n');
    return 0;
  }
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    io.stderr.write(`compose-lint: --format for graph is one of ${FORMATS.join(', ')}, not ${format}\n`);
    return 2;
  }
  const fs = io.fs ?? nodeFileSystem;
  const files = (values.file ?? []).map((f) => resolve(io.cwd, f));
  const found = await discover(positionals.length || files.length ? [...positionals, ...(values.file ?? [])] : ['.'], { cwd: io.cwd, fs, isIgnored: () => false });
  for (const e of found.errors) io.stderr.write(`compose-lint: ${e}\n`);
  const envCache = new Map<string, EnvFile | undefined>();
  const loadEnv = (p: string) => {
    if (!envCache.has(p)) {
      const t = fs.readFile(p);
      envCache.set(p, t === undefined ? undefined : parseEnvFile(p, t));
    }
    return envCache.get(p);
  };
  const composeCache = new Map<string, ComposeFile | undefined>();
  const loadCompose = (p: string, variables: Map<string, string>) => {
    const key = `${p}\0${JSON.stringify([...variables])}`;
    if (!composeCache.has(key)) {
      const t = fs.readFile(p);
      composeCache.set(key, t === undefined ? undefined : parseCompose(p, t, { variables }));
    }
    return composeCache.get(key);
  };
  const composeFiles: ComposeFile[] = [];
  for (const f of found.files) {
    if (f.kind !== 'compose') continue;
    const c = loadCompose(f.path, projectVariables(dirname(f.path), { env: io.env, loadEnv }));
    if (c) composeFiles.push(c);
  }
  const stacks = resolveStacks(composeFiles, { fs, env: io.env, files, profiles: values.profile ?? [], loadEnv, loadCompose });
  if (!stacks.length) {
    io.stderr.write('compose-lint: no compose file found\n');
    return 2;
  }
  stacks.sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
  const pictures = stacks.map((s) => pictureOf(s, (p) => fs.kind(p) !== undefined));
  io.stdout.write(format === 'mermaid' ? toMermaid(pictures) : format === 'dot' ? toDot(pictures) : toText(pictures));
  return pictures.some((p) => p.nodes.some((n) => n.problem) || p.edges.some((e) => e.problem)) ? 1 : 0;
}
