/**
 * Builds the Project that cross-file rules read: each compose file's services with their build
 * context, Dockerfile, .dockerignore and env files, all read through the FileSystem port.
 */
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { ComposeFile } from '../parse/compose/model.js';
import type { Dockerfile } from '../parse/dockerfile/model.js';
import type { EnvFile } from '../parse/env/model.js';
import type { DockerIgnore } from '../parse/dockerignore/model.js';
import { listTree, type FileSystem } from './fs.js';
import type { BuildContext, ComposeProject, Project, ServiceBuildTarget } from './model.js';

/** Loaders the engine provides; each parses a file once and caches it. */
export interface ProjectLoaders {
  fs: FileSystem;
  dockerfile(path: string): Dockerfile | undefined;
  env(path: string): EnvFile | undefined;
  dockerignore(path: string): DockerIgnore | undefined;
}

function contextDir(composeDir: string, context: string): string {
  return isAbsolute(context) ? context : resolve(composeDir, context);
}

export function buildProject(composeFiles: ComposeFile[], dockerfiles: Dockerfile[], load: ProjectLoaders): Project {
  const contexts = new Map<string, BuildContext>();
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
      if (/^(?:https?:\/\/|git@|git:\/\/|github\.com\/)/.test(build.context)) continue;
      const ctxDir = contextDir(dir, build.context);
      const dockerfilePath = build.dockerfileInline !== undefined ? undefined : resolve(ctxDir, build.dockerfile ?? 'Dockerfile');
      let context = contexts.get(`${ctxDir}\0${dockerfilePath ?? ''}`);
      if (!context) {
        const exists = load.fs.kind(ctxDir) === 'dir';
        const { files, truncated } = exists ? listTree(load.fs, ctxDir) : { files: [], truncated: false };
        const ignore =
          (dockerfilePath && load.dockerignore(`${dockerfilePath}.dockerignore`)) || load.dockerignore(join(ctxDir, '.dockerignore'));
        context = { dir: ctxDir, exists, files, truncated };
        if (ignore) context.dockerignore = ignore;
        contexts.set(`${ctxDir}\0${dockerfilePath ?? ''}`, context);
      }
      const target: ServiceBuildTarget = { service, compose, context };
      if (dockerfilePath) {
        target.dockerfilePath = dockerfilePath;
        const df = load.dockerfile(dockerfilePath);
        if (df) target.dockerfile = df;
      }
      builds.push(target);
    }
    const cp: ComposeProject = { compose, envFiles, builds };
    if (dotEnv) cp.dotEnv = dotEnv;
    composeProjects.push(cp);
  }
  return { composeProjects, dockerfiles };
}
