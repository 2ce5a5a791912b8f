/**
 * A FileSystem view for one lint() call that lists each folder once and answers "what is at this
 * path?" from the listing of its parent. A run asks that question thousands of times (default
 * compose and override names in every project folder, Dockerfiles and contexts of every build),
 * mostly about paths that do not exist, and each `lstat` of a missing path costs a failed system
 * call plus a JavaScript exception; one `readdir` per folder answers all of them.
 *
 * Listings are kept for the call only: `--fix` writes between passes and each pass makes its own
 * view. A folder that cannot be listed (no read permission, yet its files can be opened) falls
 * back to asking the path itself.
 */
import { basename, dirname } from 'node:path';
import type { EntryKind, FileSystem } from './fs.js';

type Listing = { name: string; kind: EntryKind }[];

export function cachingFileSystem(fs: FileSystem): FileSystem {
  const listings = new Map<string, Listing | undefined>();
  const indexes = new Map<string, Map<string, EntryKind> | undefined>();

  const readDir = (path: string): Listing | undefined => {
    if (listings.has(path)) return listings.get(path);
    const listing = fs.readDir(path);
    listings.set(path, listing);
    return listing;
  };
  const indexOf = (dir: string): Map<string, EntryKind> | undefined => {
    if (indexes.has(dir)) return indexes.get(dir);
    const listing = readDir(dir);
    const index = listing && new Map(listing.map((e) => [e.name, e.kind] as const));
    indexes.set(dir, index);
    return index;
  };

  // Spelled out rather than spread: a FileSystem may be a class instance (the --fix overlay).
  return {
    readFile: (path) => fs.readFile(path),
    ...(fs.size ? { size: (path: string) => fs.size!(path) } : {}),
    ...(fs.readError ? { readError: (path: string) => fs.readError!(path) } : {}),
    ...(fs.readFileWithin ? { readFileWithin: (path: string, max: number) => fs.readFileWithin!(path, max) } : {}),
    readDir,
    kind(path) {
      const parent = dirname(path);
      const name = basename(path);
      // The root, and paths that are not in normal form, are asked directly.
      if (parent === path || name === '' || name === '.' || name === '..') return fs.kind(path);
      const index = indexOf(parent);
      return index ? index.get(name) : fs.kind(path);
    },
  };
}
