/**
 * The project as cross-file rules see it: each compose service with what it builds. Built by the
 * engine (graph.ts) through the FileSystem port; rules only read it.
 */
import type { ComposeFile, ComposeService } from '../parse/compose/model.js';
import type { Dockerfile } from '../parse/dockerfile/model.js';
import type { EnvFile } from '../parse/env/model.js';
import type { DockerIgnore } from '../parse/dockerignore/model.js';

export interface BuildContext {
  /** Absolute folder. */
  dir: string;
  exists: boolean;
  /** File paths relative to `dir` (POSIX separators), bounded; directories end with '/'. */
  files: string[];
  /** True when the listing stopped at its bound. */
  truncated: boolean;
  /** The `.dockerignore` that applies (`<Dockerfile>.dockerignore` first, then the context's). */
  dockerignore?: DockerIgnore;
}

export interface ServiceBuildTarget {
  service: ComposeService;
  compose: ComposeFile;
  context: BuildContext;
  /** Absolute path of the Dockerfile, or undefined for `dockerfile_inline`. */
  dockerfilePath?: string;
  /** The parsed Dockerfile, or undefined when it is missing or unreadable. */
  dockerfile?: Dockerfile;
}

export interface ComposeProject {
  compose: ComposeFile;
  /** The `.env` beside the compose file, when present. */
  dotEnv?: EnvFile;
  /** env_file entries by absolute path; undefined value: missing. */
  envFiles: Map<string, EnvFile | undefined>;
  builds: ServiceBuildTarget[];
}

export interface Project {
  composeProjects: ComposeProject[];
  dockerfiles: Dockerfile[];
}
