/**
 * The units of a folder (src/engine/units.ts) made as a walk of it goes, so that a run over a
 * big tree never holds the tree's list of files: what it holds is the walk's path from the root
 * (the entries still to visit in each open folder) and the unit being made.
 *
 * The cut is the one of `partition`: a compose folder's unit takes its compose files and the
 * Dockerfiles below it down to the next compose folders, which are units of their own; other
 * Dockerfiles are packed by neighbours. Units come in the order of their keys (a compose unit's
 * folder, a pack's first file), which is the order the stream reports in: a compose folder's
 * subtree is gathered when the walk enters it, and its nested compose folders are walked after.
 */
import { join, sep } from 'node:path';
import { kindFromName, unwalkable, walkEntries, type WalkEntry } from '../cli/discover.js';
import type { FileSystem } from '../project/fs.js';

/** A unit of the run as the plan makes it (before the stream packs neighbours together). */
export interface PlannedUnit {
  /** Target paths, in the order of the run. */
  paths: string[];
  /** Its results all sort at or after this path: its folder for a compose unit, else its first file. */
  key: string;
  /** Of a compose unit: the folder of its compose files, ending in a separator. */
  dir: string | undefined;
  /** Its compose files may name paths anywhere (src/engine/reach.ts). */
  wild: boolean;
}

/** Lone Dockerfiles linted in one lint() call: each call sets up every rule and a project. */
export const LONE_PACK_FILES = 32;

interface Frame {
  entries: WalkEntry[];
  next: number;
}

/** A Dockerfile named like a compose file (`Dockerfile.yml`) is linted alone, as partition() does. */
export const packable = (path: string) => !path.endsWith('.yaml') && !path.endsWith('.yml');

export class UnitWalk {
  private readonly stack: Frame[] = [];
  /** Units made but not handed out yet (a pack closed by a compose unit, then that unit). */
  private readonly out: PlannedUnit[] = [];
  private pack: PlannedUnit | undefined;
  /** Folders that cannot be walked, met so far (a compose folder's subtree is listed twice). */
  private readonly unwalkable = new Set<string>();

  constructor(
    root: string,
    private readonly fs: FileSystem,
    private readonly isIgnored: (path: string) => boolean,
    /** Compose folders (ending in a separator) whose units the stream has already: not given again. */
    private readonly known: ReadonlySet<string> = new Set(),
    private readonly packFiles = LONE_PACK_FILES,
  ) {
    this.enter(root);
  }

  /**
   * The walk's errors so far, in the order a whole walk (discover) says them: the order in which
   * a depth-first walk meets the folders, which gathering a compose folder's subtree first is not.
   */
  errors(): string[] {
    return [...this.unwalkable].sort((x, y) => (x + sep < y + sep ? -1 : 1)).map(unwalkable);
  }

  /** The next unit in the order of keys, or undefined once the walk is over. */
  next(): PlannedUnit | undefined {
    for (;;) {
      const made = this.out.shift();
      if (made) return made;
      const top = this.stack.at(-1);
      if (!top) {
        const last = this.pack;
        this.pack = undefined;
        return last;
      }
      const e = top.entries[top.next++];
      if (!e) this.stack.pop();
      else if (e.dir) this.enter(e.path);
      else if (this.isTarget(e.path) === 'dockerfile') this.lone(e.path);
    }
  }

  /**
   * Whether a unit not handed out yet may hold `path` as a target, or read it from a compose
   * folder above it (a compose unit reads only below its folder; the stream foresees units that
   * may read elsewhere and knows them from the start). Lone Dockerfiles read only themselves.
   */
  pending(path: string): boolean {
    for (const u of this.out) if (covers(u, path)) return true;
    if (this.pack && covers(this.pack, path)) return true;
    for (const f of this.stack) {
      // Entries are sorted, folders as `name/`: the one that may hold the path is the last not after it.
      let lo = f.next;
      let hi = f.entries.length - 1;
      let at = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (keyOf(f.entries[mid]!) <= path) {
          at = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (at < 0) continue;
      const e = f.entries[at]!;
      if (!e.dir) {
        if (path === e.path) return this.isTarget(path) !== undefined;
      } else if (path.startsWith(e.path + sep)) return this.pendingBelow(e.path, path);
    }
    return false;
  }

  /**
   * `path` below `top`, a folder the walk has not entered yet: pending if a compose folder on the
   * way down to it is a unit still to come, or if it is a lone Dockerfile (no compose folder above).
   * Folders the walk will not enter (links, skipped or unreadable names) hold no unit.
   */
  private pendingBelow(top: string, path: string): boolean {
    const names = path.slice(top.length + 1).split(sep);
    names.pop();
    let dir = top;
    let inKnown = false;
    for (let i = 0; ; i++) {
      const entries = this.list(dir);
      if (entries.some((e) => !e.dir && this.isTarget(e.path) === 'compose')) {
        if (!this.known.has(dir + sep)) return true;
        inKnown = true;
      }
      if (i === names.length) return !inKnown && this.isTarget(path) === 'dockerfile' && entries.some((e) => !e.dir && e.path === path);
      const child = join(dir, names[i]!);
      if (!entries.some((e) => e.dir && e.path === child)) return false;
      dir = child;
    }
  }

  /** A folder's entries to walk; those that cannot be walked are noted and left out. */
  private list(dir: string): WalkEntry[] {
    const entries = walkEntries(dir, this.fs);
    if (!entries.some((e) => e.badName)) return entries;
    for (const e of entries) if (e.badName && !this.isIgnored(e.path)) this.unwalkable.add(e.path);
    return entries.filter((e) => !e.badName);
  }

  private isTarget(path: string) {
    const kind = kindFromName(path);
    return kind && !this.isIgnored(path) ? kind : undefined;
  }

  /** A folder met by the walk: a compose folder becomes a unit at once, another is walked entry by entry. */
  private enter(dir: string): void {
    const entries = this.list(dir);
    if (!entries.some((e) => !e.dir && this.isTarget(e.path) === 'compose')) {
      this.stack.push({ entries, next: 0 });
      return;
    }
    const paths: string[] = [];
    const nested: WalkEntry[] = [];
    this.gather(entries, paths, nested);
    this.closePack();
    const key = dir.endsWith(sep) ? dir : dir + sep;
    if (!this.known.has(key)) this.out.push({ paths, key, dir: key, wild: false });
    // Compose folders below are walked after: sorted, and none inside another.
    if (nested.length) this.stack.push({ entries: nested, next: 0 });
  }

  /** A compose folder's targets, down to the compose folders below it (in `nested`). */
  private gather(entries: WalkEntry[], paths: string[], nested: WalkEntry[]): void {
    for (const e of entries) {
      if (!e.dir) {
        if (this.isTarget(e.path)) paths.push(e.path);
        continue;
      }
      const inner = this.list(e.path);
      if (inner.some((i) => !i.dir && this.isTarget(i.path) === 'compose')) nested.push(e);
      else this.gather(inner, paths, nested);
    }
  }

  private lone(path: string): void {
    if (!packable(path)) {
      this.closePack();
      this.out.push({ paths: [path], key: path, dir: undefined, wild: false });
    } else if (this.pack && this.pack.paths.length < this.packFiles) this.pack.paths.push(path);
    else {
      this.closePack();
      this.pack = { paths: [path], key: path, dir: undefined, wild: false };
    }
  }

  private closePack(): void {
    if (this.pack) this.out.push(this.pack);
    this.pack = undefined;
  }
}

const keyOf = (e: WalkEntry) => (e.dir ? e.path + sep : e.path);

/** Whether a unit holds a path, or would read it as a compose folder holding it. */
export const covers = (u: PlannedUnit, path: string): boolean => (u.dir !== undefined && path.startsWith(u.dir)) || u.paths.includes(path);
