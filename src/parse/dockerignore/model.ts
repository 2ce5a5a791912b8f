import type { Ranged, SourceFile } from '../source.js';

export interface DockerIgnore {
  kind: 'dockerignore';
  path: string;
  source: SourceFile;
  patterns: { pattern: string; negated: boolean; range: Ranged }[];
  /** True when the context-relative POSIX path is excluded (last matching pattern wins). */
  ignores(relPath: string): boolean;
  /** Patterns Docker cannot compile (e.g. an unclosed `[`); they match nothing here. */
  problems?: { message: string; range: Ranged }[];
}
