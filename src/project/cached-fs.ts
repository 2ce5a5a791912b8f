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

/**
 * A folder's entries, to answer "what is at this name?". Most folders hold one to three entries
 * (1,956 of the corpus's 2,637 folders hold one), so small ones are kept as a flat
 * [name, kind, name, kind, …] array searched in order; only folders of more than SMALL entries
 * get a Map. A Map per folder took ~0.4 kB, the largest share of what a run keeps per folder
 * (15.9 of the 34 MB left by the walk of 16× the corpus).
 */
type Index = Map<string, EntryKind> | readonly string[];
const SMALL = 8;

function indexOfListing(listing: Listing): Index {
  if (listing.length > SMALL) return new Map(listing.map((e) => [e.name, e.kind] as const));
  // Sized once: an array grown by push keeps spare room.
  const flat = new Array<string>(listing.length * 2);
  listing.forEach((e, i) => {
    flat[2 * i] = e.name;
    flat[2 * i + 1] = e.kind;
  });
  return flat;
}

function lookUp(index: Index, name: string): EntryKind | undefined {
  if (index instanceof Map) return index.get(name);
  for (let i = 0; i < index.length; i += 2) if (index[i] === name) return index[i + 1] as EntryKind;
  return undefined;
}

function listingOf(index: Index): Listing {
  if (index instanceof Map) return Array.from(index, ([name, kind]) => ({ name, kind }));
  const out: Listing = [];
  for (let i = 0; i < index.length; i += 2) out.push({ name: index[i]!, kind: index[i + 1] as EntryKind });
  return out;
}

/**
 * A caching view. `keep` bounds the listings it holds: past that many, the oldest is forgotten.
 * One lint() keeps them all (its models outweigh them). A big run walked unit by unit keeps the
 * recent ones (src/engine/units.ts): each unit's lint() asks about the folders the walk has just
 * listed, and on 16× the corpus (42 k folders) keeping every listing was ~10 MB, what grew most
 * with the size of the tree.
 */
export function cachingFileSystem(fs: FileSystem, keep = Infinity): FileSystem {
  // A folder's entries are kept once, as the index "what is at this name": listings are made from
  // it when asked (a walk asks once per folder), and it answers every "does this exist?".
  const indexes = new Map<string, Index | undefined>();

  const indexOf = (dir: string): Index | undefined => {
    if (indexes.has(dir)) return indexes.get(dir);
    const listing = fs.readDir(dir);
    const index = listing && indexOfListing(listing);
    if (indexes.size >= keep) indexes.delete(indexes.keys().next().value!);
    indexes.set(dir, index);
    return index;
  };
  const readDir = (path: string): Listing | undefined => {
    const index = indexOf(path);
    return index && listingOf(index);
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
      return index ? lookUp(index, name) : fs.kind(path);
    },
  };
}
