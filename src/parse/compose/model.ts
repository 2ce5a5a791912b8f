/**
 * The compose model rules see. `parseCompose` (parse.ts) builds it from a `yaml` Document:
 * every value keeps the range where it is written, aliases and `<<` merges are resolved (a merged
 * value keeps the range of the anchor it came from), and scalars are interpolated.
 */
import type { Document } from 'yaml';
import type { Ranged, SourceFile } from '../source.js';
import type { ImageRef } from '../image-ref.js';

export type YPath = (string | number)[];

interface YBase {
  /** Where the value is written (for an alias-resolved value: where the anchor's value is). */
  range: Ranged;
  /** Path from the document root, e.g. ['services', 'db', 'ports', 0]. */
  path: YPath;
}

/** One `${…}` or `$VAR` reference found in a scalar. */
export interface VarRef {
  name: string;
  /** `${VAR:-x}` → ':-'; plain `$VAR` / `${VAR}` → ''. */
  operator: '' | ':-' | '-' | ':?' | '?' | ':+' | '+';
  /** Range of the whole `${…}` in the source. */
  range: Ranged;
  /** Whether the variable had a value (from .env, the environment or --env-file). */
  defined: boolean;
}

export interface YScalar extends YBase {
  kind: 'scalar';
  /** Value after interpolation (strings) or as YAML typed it (numbers, booleans, null). */
  value: string | number | boolean | null;
  /** The scalar's source text, quotes included. */
  source: string;
  /** The string value before interpolation (what YAML produced). */
  raw: string | number | boolean | null;
  style: 'plain' | 'single' | 'double' | 'block';
  vars: VarRef[];
  /** Interpolation errors, e.g. `${VAR` unterminated or `${VAR:?msg}` unset (message given). */
  interpolationErrors: { message: string; range: Ranged }[];
}

export interface YMapEntry {
  key: string;
  keyRange: Ranged;
  value: YNode;
  /** True when the entry came in through a `<<` merge key. */
  merged: boolean;
}

export interface YMap extends YBase {
  kind: 'map';
  entries: YMapEntry[];
  get(key: string): YNode | undefined;
  entry(key: string): YMapEntry | undefined;
}

export interface YSeq extends YBase {
  kind: 'seq';
  items: YNode[];
}

export type YNode = YScalar | YMap | YSeq;

export interface ServiceDependency {
  service: string;
  /** Range of the service name as written (list item, or map key). */
  range: Ranged;
  /** undefined for the short (list) form. */
  condition?: string;
  short: boolean;
  /** `required: false` (Compose ≥ 2.20). */
  required: boolean;
}

/** A service `volumes:` entry, short or long syntax. */
export interface ServiceVolume {
  node: YNode;
  /** `bind` for paths, `volume` for names, `tmpfs`, …; short syntax guesses like Compose. */
  type: string;
  /** Host path or volume name; undefined for anonymous volumes. */
  source?: string;
  target?: string;
  readOnly: boolean;
  short: boolean;
  /** Short syntax: the third section as written (`ro`, `rw,z`, …). */
  mode?: string;
  /** Short syntax that Compose rejects (`too many colons`, …): the reason. */
  error?: string;
}

/** A service `ports:` entry. */
export interface PortMapping {
  node: YNode;
  hostIp?: string;
  /** Published host port or range as written (`8080`, `8000-8010`); undefined when container-only. */
  published?: string;
  /** Container port or range. */
  target: string;
  protocol: string;
  short: boolean;
  /** Short syntax that could not be parsed: the reason. */
  error?: string;
}

export interface EnvFileRef {
  path: string;
  range: Ranged;
  required: boolean;
}

export interface ServiceBuild {
  node: YNode;
  /** `build: .` or `build.context`; defaults to `.`. */
  context: string;
  contextRange: Ranged;
  /** `build.dockerfile`, if set. */
  dockerfile?: string;
  dockerfileRange?: Ranged;
  dockerfileInline?: string;
  target?: string;
  targetRange?: Ranged;
  args: { name: string; value: string | null; range: Ranged }[];
}

export interface NamedRef {
  name: string;
  range: Ranged;
}

export interface ComposeService {
  name: string;
  nameRange: Ranged;
  node: YMap;
  image?: { value: string; range: Ranged; ref: ImageRef };
  build?: ServiceBuild;
  containerName?: { value: string; range: Ranged };
  dependsOn: ServiceDependency[];
  volumes: ServiceVolume[];
  ports: PortMapping[];
  envFiles: EnvFileRef[];
  /** Keys given by `environment:` (map or list), with the range of each entry. */
  environment: { name: string; value: string | null; range: Ranged }[];
  networks: NamedRef[];
  secrets: NamedRef[];
  configs: NamedRef[];
  healthcheck?: YMap;
  profiles: string[];
  user?: { value: string; range: Ranged };
  command?: YNode;
}

/** A top-level `volumes`/`networks`/`secrets`/`configs` entry. */
export interface TopLevelResource {
  name: string;
  range: Ranged;
  node?: YNode;
  external: boolean;
}

export interface ComposeFile {
  kind: 'compose';
  path: string;
  source: SourceFile;
  /** The parsed YAML document (for schema validation and fixes that need the tree). */
  document: Document.Parsed;
  /** The root mapping; undefined when the document is empty or not a mapping. */
  root?: YMap;
  /** YAML syntax errors and duplicate keys: the parser never throws. */
  yamlErrors: { code: string; message: string; range: Ranged }[];
  duplicateKeys: { key: string; range: Ranged; first: Ranged }[];
  /** Variables available for interpolation (.env then the process environment). */
  variables: Map<string, string>;
  /** Every variable reference found in the file. */
  varRefs: VarRef[];
  name?: { value: string; range: Ranged };
  version?: { value: string; range: Ranged };
  services: ComposeService[];
  volumes: TopLevelResource[];
  networks: TopLevelResource[];
  secrets: TopLevelResource[];
  configs: TopLevelResource[];
}
