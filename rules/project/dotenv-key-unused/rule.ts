import { dirname, relative, resolve, sep } from 'node:path';
import { defineRule } from '../../../src/engine/types.js';
import type { ComposeFile } from '../../../src/parse/compose/model.js';
import type { EnvFile } from '../../../src/parse/env/model.js';
import type { ComposeProject, Project } from '../../../src/project/model.js';
import { usesUnsetVariable } from '../../../src/analysis/project-files.js';

/** Variables Compose, the Docker CLI or BuildKit read themselves: a `.env` is a normal place for them. */
const TOOL_VARIABLE = /^(COMPOSE_|DOCKER_|BUILDKIT_)/;

const inside = (dir: string, path: string): boolean => {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-z]:/i.test(rel));
};

/** The compose files of `dir`, their stacks' files and the files they include or extend. */
function composeFilesOf(project: Project, dir: string): { projects: ComposeProject[]; files: ComposeFile[] } {
  const projects = project.composeProjects.filter((cp) => dirname(cp.compose.path) === dir);
  const files = new Set<ComposeFile>();
  for (const cp of projects) {
    files.add(cp.compose);
    for (const f of [...(cp.stack?.files ?? []), ...(cp.stack?.related ?? [])]) files.add(f);
  }
  return { projects, files: [...files] };
}

/**
 * Whether the app could read the `.env` by itself: a service bind-mounts a folder holding it, or
 * builds a context that holds it without a `.dockerignore` excluding it (`COPY . .` takes it).
 */
function fileReachesContainer(env: EnvFile, projects: readonly ComposeProject[]): boolean {
  for (const cp of projects) {
    const dir = dirname(cp.compose.path);
    for (const service of cp.compose.services) {
      for (const v of service.volumes) {
        if (v.type !== 'bind' || v.source === undefined || /\$/.test(v.source)) continue;
        if (inside(resolve(dir, v.source.replace(/^~(?=\/|$)/, '/nonexistent-home')), env.path)) return true;
      }
    }
    for (const b of cp.builds) {
      if (!inside(b.context.dir, env.path)) continue;
      const rel = relative(b.context.dir, env.path).split(sep).join('/');
      if (!b.context.dockerignore?.ignores(rel)) return true;
    }
  }
  return false;
}

export default defineRule<Record<string, never>, 'unused'>(
  {
    id: 'dotenv-key-unused',
    kind: 'project',
    summary: 'Key of the project `.env` that no compose file interpolates and no service receives',
    category: 'correctness',
    severity: 'info',
    recommended: true,
    aliases: [],
    messages: {
      unused:
        '`{key}` is set in `.env`, but no compose file of the project uses `${{key}}` and no service lists it, and `.env` only feeds interpolation of the compose file, so no container receives `{key}`; pass it to the service that needs it with `{key}: ${{key}}` under `environment:` (or list the file under `env_file:`), or remove the line',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    project(project) {
      const seen = new Set<string>();
      for (const cp of project.composeProjects) {
        const env = cp.dotEnv;
        if (!env || seen.has(env.path)) continue;
        seen.add(env.path);
        const { projects, files } = composeFilesOf(project, dirname(env.path));
        // Listed as an env_file somewhere, the file does reach containers.
        if (projects.some((p) => p.envFiles.has(env.path))) continue;
        if (files.some((f) => f.services.some((s) => s.envFiles.some((ef) => resolve(dirname(f.path), ef.path) === env.path)))) continue;
        if (fileReachesContainer(env, projects)) continue;
        // An env_file whose path uses an unset variable (`${APP_DATA_DIR}/.env`) may be this very file.
        if (projects.some((p) => p.compose.services.some((s) => s.envFiles.some((ef) => usesUnsetVariable(p.compose, ef.range))))) continue;
        const used = new Set<string>();
        for (const f of files) {
          for (const v of f.varRefs) used.add(v.name);
          for (const s of f.services) {
            // A bare `NAME` under `environment:` or `build.args` takes the value from the variables.
            for (const e of s.environment) if (e.value === null) used.add(e.name);
            for (const a of s.build?.args ?? []) if (a.value === null) used.add(a.name);
          }
        }
        // `B=${A}` in the same file: A feeds B.
        for (const e of env.entries) for (const m of env.source.slice(e.valueRange).matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) used.add(m[1]!);
        const reported = new Set<string>();
        for (const e of env.entries) {
          if (used.has(e.key) || TOOL_VARIABLE.test(e.key) || reported.has(e.key)) continue;
          reported.add(e.key);
          ctx.report({ at: e.keyRange, messageId: 'unused', data: { key: e.key } });
        }
      }
    },
  }),
);
