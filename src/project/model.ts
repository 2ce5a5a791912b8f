/**
 * The project as cross-file rules see it: each compose service with what it builds. Built by the
 * engine (graph.ts) through the FileSystem port; rules only read it.
 */
import type { ComposeFile, ComposeService, TopLevelResource, YMap } from '../parse/compose/model.js';
import type { Ranged } from '../parse/source.js';
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
  /**
   * The parsed Dockerfile, or undefined when it is missing or unreadable. When compose passes
   * build args, this model is parsed with them (so `FROM ${BASE}` resolves); it is a separate
   * object from the one the Dockerfile's own rules see, with the same path and ranges.
   */
  dockerfile?: Dockerfile;
  /** True when nothing exists at `dockerfilePath` (as opposed to a file that cannot be read). */
  dockerfileMissing?: boolean;
  /** The build args compose passes, values resolved (`args: [NAME]` takes NAME from the variables). */
  buildArgs?: Record<string, string>;
  /**
   * `dockerfile_inline` parsed; its ranges point into the inline text (path `<compose>#<service>`),
   * so rules read it for facts and report at compose ranges.
   */
  inlineDockerfile?: Dockerfile;
}

/** A top-level `secrets:`/`configs:` entry read from a `file:`. */
export interface ResourceFile {
  section: 'secrets' | 'configs';
  name: string;
  /** Absolute path. */
  path: string;
  /** The `file:` value. */
  range: Ranged;
  exists: boolean;
}

export interface ComposeProject {
  compose: ComposeFile;
  /** The `.env` beside the compose file, when present. */
  dotEnv?: EnvFile;
  /** env_file entries by absolute path; undefined value: missing. */
  envFiles: Map<string, EnvFile | undefined>;
  builds: ServiceBuildTarget[];
  /** Names in the compose file's folder (folders end with '/'), bounded; for completeness checks. */
  dirFiles?: string[];
  /** Top-level secrets and configs backed by a `file:`. */
  resourceFiles?: ResourceFile[];
  /** The stack (merged multi-file project) this file belongs to. */
  stack?: ComposeStack;
}

/** A service of the merged project: `extends` applied, overrides merged, profiles judged. */
export interface StackService extends ComposeService {
  /** Whether Compose would start it: no `profiles`, or one of them is selected. */
  active: boolean;
}

/** Something Compose refuses while resolving a stack (extends, include); reported by rules. */
export interface StackProblem {
  kind: 'extends-unknown-service' | 'extends-missing-file' | 'extends-cycle' | 'include-missing-file' | 'include-cycle';
  at: Ranged;
  /** `service`, `target`, `file`, `chain` as the problem needs. */
  data: Record<string, string>;
}

/**
 * Several compose files resolved into one project the way Compose does it (compose.yaml +
 * compose.override.yaml, `--file` lists, COMPOSE_FILE), with `include` and `extends` applied.
 * Every merged node keeps the range of the file where its value is written.
 */
export interface ComposeStack {
  /** Project folder: the folder of the first file. */
  dir: string;
  /** The files merged, in order (later ones override earlier ones). */
  files: ComposeFile[];
  /** Files read for `include` and `extends` from another file. */
  related: ComposeFile[];
  /** Project name: COMPOSE_PROJECT_NAME, else the last `name:`, else the folder name. */
  name: string;
  /** Profiles selected with --profile or COMPOSE_PROFILES. */
  profiles: string[];
  /** True when the user selected profiles; otherwise only services without profiles are active. */
  profilesSelected: boolean;
  root?: YMap;
  services: StackService[];
  volumes: TopLevelResource[];
  networks: TopLevelResource[];
  secrets: TopLevelResource[];
  configs: TopLevelResource[];
  problems: StackProblem[];
  /** Any file of the stack (merged, included or extended) by path. */
  fileOf(path: string): ComposeFile | undefined;
}

export interface Project {
  composeProjects: ComposeProject[];
  dockerfiles: Dockerfile[];
  /** Merged multi-file projects; absent when the engine built none. */
  composeStacks?: ComposeStack[];
}
