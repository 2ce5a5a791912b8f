/**
 * Config discovery: the nearest `.compose-lint.{yaml,yml,json}` walking up from a linted file's
 * folder wins outright (no merging of ancestors, as with hadolint and dclint, so one file tells
 * the whole story). Lookups are cached per folder because a run asks for many sibling files.
 */
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAMES } from './schema.js';
import { remember } from './remember.js';

export type IsFile = (path: string) => boolean;

/**
 * Whether `path` is a file, asked of the disk (the default of lookups). Most names asked for do
 * not exist: `throwIfNoEntry` spares an exception for each of them.
 */
export const nodeIsFile: IsFile = (path) => {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
};

export class ConfigFinder {
  private readonly cache = new Map<string, string | null>();

  constructor(private isFile: IsFile = nodeIsFile) {}

  /**
   * Answers later lookups with `isFile` (e.g. from the folder listings a lint run has already
   * made). Cached answers stay: config files are never written during a run.
   */
  lookUpWith(isFile: IsFile): void {
    this.isFile = isFile;
  }

  /** The config file governing `dir` (absolute or relative to the process cwd), if any. */
  findForDir(dir: string): string | undefined {
    return this.findFrom(resolve(dir));
  }

  findForFile(file: string): string | undefined {
    // `resolve` of the file's path already gives an absolute, normal folder: not resolved twice.
    return this.findFrom(dirname(resolve(file)));
  }

  /**
   * The config file governing an absolute, normal folder path, which is kept as the cache's key:
   * a caller that keys its own caches by the same string stores it once (a run asks for every
   * folder of the tree).
   */
  findFrom(start: string): string | undefined {
    const visited: string[] = [];
    let found: string | null = null;
    for (let cur = start; ; ) {
      const cached = this.cache.get(cur);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      visited.push(cur);
      const hit = CONFIG_FILE_NAMES.map((n) => join(cur, n)).find((p) => this.isFile(p));
      if (hit) {
        found = hit;
        break;
      }
      const parent = dirname(cur);
      if (parent === cur) break;
      cur = parent;
    }
    for (const d of visited) remember(this.cache, d, found);
    return found ?? undefined;
  }
}
