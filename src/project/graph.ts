/**
 * Builds the Project that cross-file rules read: each compose file's services with their build
 * context, Dockerfile, .dockerignore and env files, all read through the FileSystem port.
 * Every file is read and parsed once per run (the loaders cache by path); a Dockerfile that compose
 * builds with args is parsed once more per distinct set of args, from the text already read.
 */
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { ComposeFile, ComposeService, TopLevelResource } from '../parse/compose/model.js';
import type { Dockerfile } from '../parse/dockerfile/model.js';
import type { EnvFile } from '../parse/env/model.js';
import type { DockerIgnore } from '../parse/dockerignore/model.js';
import { parseDockerfile } from '../parse/dockerfile/parse.js';
import { listTree, type FileSystem } from './fs.js';
import type { BuildContext, ComposeProject, Project, ResourceFile, ServiceBuildTarget } from './model.js';

/** Loaders the engine provides; each parses a file once and caches it. */
export interface ProjectLoaders {
  fs: FileSystem;
  dockerfile(path: string): Dockerfile | undefined;
  env(path: string): EnvFile | undefined;
  dockerignore(path: string): DockerIgnore | undefined;
}

/** Bound of the compose folder listing: enough to judge whether it holds more than build files. */
const DIR_LISTING_LIMIT = 200;

const REMOTE_CONTEXT = /^(?:https?:\/\/|git@|git:\/\/|github\.com\/)/;

function contextDir(composeDir: string, context: string): string {
  return isAbsolute(context) ? context : resolve(composeDir, context);
}

/** The args `docker compose build` passes: a bare `NAME` takes its value from the variables, or is not passed. */
export function composeBuildArgs(service: ComposeService, variables: ReadonlyMap<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of service.build?.args ?? []) {
    const value = a.value ?? variables.get(a.name);
    if (value !== undefined) out[a.name] = value;
  }
  return out;
}

function resourceFiles(section: ResourceFile['section'], resources: TopLevelResource[], dir: string, fs: FileSystem): ResourceFile[] {
  const out: ResourceFile[] = [];
  for (const r of resources) {
    const file = r.node?.kind === 'map' ? r.node.get('file') : undefined;
    if (file?.kind !== 'scalar' || typeof file.value !== 'string' || file.value === '') continue;
    const path = contextDir(dir, file.value);
    out.push({ section, name: r.name, path, range: file.range, exists: fs.kind(path) !== undefined });
  }
  return out;
}

export function buildProject(composeFiles: ComposeFile[], dockerfiles: Dockerfile[], load: ProjectLoaders): Project {
  const contexts = new Map<string, BuildContext>();
  const listings = new Map<string, { exists: boolean; files: string[]; truncated: boolean }>();
  const withArgs = new Map<string, Dockerfile>();
  const dirListings = new Map<string, string[]>();
  const listContext = (dir: string) => {
    let l = listings.get(dir);
    if (!l) {
      const exists = load.fs.kind(dir) === 'dir';
      l = { exists, ...(exists ? listTree(load.fs, dir) : { files: [], truncated: false }) };
      listings.set(dir, l);
    }
    return l;
  };
  const composeProjects: ComposeProject[] = [];
  for (const compose of composeFiles) {
    const dir = dirname(compose.path);
    const dotEnv = load.env(join(dir, '.env'));
    const envFiles = new Map<string, EnvFile | undefined>();
    const builds: ServiceBuildTarget[] = [];
    for (const service of compose.services) {
      for (const ef of service.envFiles) {
        const p = resolve(dir, ef.path);
        if (!envFiles.has(p)) envFiles.set(p, load.env(p));
      }
      const build = service.build;
      if (!build) continue;
      // Remote contexts (git URLs, http tarballs) cannot be read statically.
      if (REMOTE_CONTEXT.test(build.context)) continue;
      const ctxDir = contextDir(dir, build.context);
      const dockerfilePath = build.dockerfileInline !== undefined ? undefined : resolve(ctxDir, build.dockerfile ?? 'Dockerfile');
      const key = `${ctxDir}\0${dockerfilePath ?? ''}`;
      let context = contexts.get(key);
      if (!context) {
        const { exists, files, truncated } = listContext(ctxDir);
        const ignore =
          (dockerfilePath && load.dockerignore(`${dockerfilePath}.dockerignore`)) || load.dockerignore(join(ctxDir, '.dockerignore'));
        context = { dir: ctxDir, exists, files, truncated };
        if (ignore) context.dockerignore = ignore;
        contexts.set(key, context);
      }
      const target: ServiceBuildTarget = { service, compose, context };
      const args = composeBuildArgs(service, compose.variables);
      if (Object.keys(args).length) target.buildArgs = args;
      if (dockerfilePath) {
        target.dockerfilePath = dockerfilePath;
        const plain = load.dockerfile(dockerfilePath);
        if (!plain) {
          if (load.fs.kind(dockerfilePath) === undefined) target.dockerfileMissing = true;
        } else if (!target.buildArgs) {
          target.dockerfile = plain;
        } else {
          // The args change what FROM resolves to; the file's own rules keep the plain model.
          const argsKey = `${dockerfilePath}\0${JSON.stringify(Object.entries(args).sort())}`;
          let df = withArgs.get(argsKey);
          if (!df) withArgs.set(argsKey, (df = parseDockerfile(dockerfilePath, plain.source.text, { buildArgs: args })));
          target.dockerfile = df;
        }
      } else if (build.dockerfileInline !== undefined) {
        target.inlineDockerfile = parseDockerfile(`${compose.path}#${service.name}`, build.dockerfileInline, { buildArgs: args });
      }
      builds.push(target);
    }
    const cp: ComposeProject = { compose, envFiles, builds };
    if (dotEnv) cp.dotEnv = dotEnv;
    let dirFiles = dirListings.get(dir);
    if (!dirFiles) {
      const entries = (load.fs.readDir(dir) ?? []).slice(0, DIR_LISTING_LIMIT);
      dirListings.set(dir, (dirFiles = entries.map((e) => (e.kind === 'dir' ? `${e.name}/` : e.name)).sort()));
    }
    cp.dirFiles = dirFiles;
    const resources = [...resourceFiles('secrets', compose.secrets, dir, load.fs), ...resourceFiles('configs', compose.configs, dir, load.fs)];
    if (resources.length) cp.resourceFiles = resources;
    composeProjects.push(cp);
  }
  return { composeProjects, dockerfiles };
}
