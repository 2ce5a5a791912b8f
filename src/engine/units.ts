/**
 * How a big run is cut into lint() calls ("units"), shared by the worker threads
 * (src/engine/parallel.ts) and the unit-by-unit run of this thread (src/engine/stream.ts).
 *
 * lint() judges each compose project together with the Dockerfiles it builds and the files it
 * reads (overrides, includes, `.env`, env_file), and nothing else: rules look no further than a
 * stack. The cut is a guess made from folders (a compose file's folder takes the Dockerfiles below
 * it); the callers check it against the files every unit really read and merge units that
 * touched each other's files, so a wrong guess costs time, never correctness.
 */
import { dirname, join, resolve, sep } from 'node:path';
import { discoverSync, kindFromName, type FileKind } from '../cli/discover.js';
import type { LintRequest } from './lint.js';
import { nodeFileSystem, type FileSystem } from '../project/fs.js';
import { cachingFileSystem } from '../project/cached-fs.js';
import { composeMayReachOut, envMayReachOut } from './reach.js';
import { OVERRIDE_FILES } from '../project/compose-project.js';
import { covers, LONE_PACK_FILES, packable, UnitWalk, type PlannedUnit } from './walk-units.js';

export type { PlannedUnit } from './walk-units.js';

/**
 * The first guess: compose files of one folder form a unit, a Dockerfile joins the unit of the
 * nearest folder above it (or its own) that holds a compose file, other Dockerfiles stand alone.
 * Units are listed in the order of their first target.
 */
export function partition(targets: readonly { path: string; kind: FileKind }[]): string[][] {
  const composeDirs = new Set(targets.filter((t) => t.kind === 'compose').map((t) => dirname(t.path)));
  const units = new Map<string, string[]>();
  for (const t of targets) {
    let key = `file:${t.path}`;
    if (t.kind === 'compose') key = `dir:${dirname(t.path)}`;
    else {
      for (let dir = dirname(t.path); ; dir = dirname(dir)) {
        if (composeDirs.has(dir)) {
          key = `dir:${dir}`;
          break;
        }
        if (dirname(dir) === dir) break;
      }
    }
    let unit = units.get(key);
    if (!unit) units.set(key, (unit = []));
    unit.push(t.path);
  }
  return [...units.values()];
}

/**
 * A run cut into units. Units whose compose files may reach anywhere (`wild`) are known before
 * anything is linted; the others come one by one in the order of their keys, as the stream
 * needs them, so that a walk of a big folder never lists the whole tree at once.
 */
export interface UnitPlan {
  /** The run's view of the file system, shared by every unit. */
  fs: FileSystem;
  /** Errors of the walk (folders that cannot be read, …), before any unit's. */
  walkErrors: string[];
  /** Units that may read anywhere: the stream lints them before all others. */
  wild: PlannedUnit[];
  /** The other units, in the order of their keys; undefined once all have been given. */
  next(): PlannedUnit | undefined;
  /** Whether a unit not given by next() yet may hold `path` as a target or read it. */
  pending(path: string): boolean;
  /** Orders two targets as the run does (lint() reports its errors in that order). */
  compare(a: string, b: string): number;
  /** Its folders are walked as the run goes (else its targets were listed in full first). */
  walked: boolean;
  /** Units in all. */
  units: number;
  /** No target's config runs ShellCheck (whose SCnnnn codes are not rules of the run). */
  onlyRunRules: boolean;
}

/** Folder listings a big run keeps (src/project/cached-fs.ts): the most recent ones. */
export const KEPT_LISTINGS = 4096;

/**
 * Cuts the request's targets into units, or says why the run should be one lint() instead:
 * `''` when it is too small to be worth splitting, else the reason. A run of folders (the usual
 * `compose-lint .`, or several folders none inside another) is walked twice, holding only a
 * walk's path at a time: once to count and foresee (src/engine/reach.ts), keeping only the wild
 * units, then again as the stream goes. Other runs (named files, nested folders) are listed in
 * full first.
 */
export function planUnits(req: LintRequest, minFiles: number): UnitPlan | { single: string } {
  if (req.stdin) return { single: 'standard input is linted in one thread' };
  if (req.files?.length) return { single: '--file stacks are linted in one thread' };
  // Folders are listed once by the walk and read again by the config lookups and by each unit's
  // lint() (one lint() per unit listing anew made `readdir` the largest native cost of a
  // unit-by-unit run): the run keeps the recent listings. Nothing is written during a run.
  const fs = cachingFileSystem(req.fs ?? nodeFileSystem, KEPT_LISTINGS);
  req.config.lookUpThrough?.(fs);
  const roots = (req.paths.length ? req.paths : ['.']).map((p) => resolve(req.cwd, p));
  if (roots.every((r) => fs.kind(r) === 'dir') && !nested(roots)) return walkedPlan(req, roots, fs, minFiles);
  return listedPlan(req, fs, minFiles);
}

/** Whether a folder is named twice, or inside another one named. */
function nested(roots: readonly string[]): boolean {
  const within = (a: string, b: string) => a === b || a.startsWith(b.endsWith(sep) ? b : b + sep);
  return roots.some((a, i) => roots.some((b, j) => i !== j && within(a, b)));
}

/** What both plans learn of every target: config problems and plugins are gathered as lint() does. */
function survey(req: LintRequest) {
  const seen = { files: 0, shellcheck: false, otherKind: false };
  return {
    seen,
    add(path: string, kind: FileKind | undefined) {
      seen.files++;
      if (req.config.forFile(path).shellcheck?.enabled) seen.shellcheck = true;
      if (req.kind && kind !== req.kind) seen.otherKind = true;
    },
    /** Why the run is one lint(), if it should be. */
    single(minFiles: number): string | undefined {
      if (seen.files < minFiles) return '';
      // A unit lints its files as named ones: a forced kind would then apply to walked files too.
      if (seen.otherKind) return '--kind with folders is linted in one thread';
      return undefined;
    },
  };
}

const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A unit whose compose files may reach anywhere: it comes first (key ''), and owns no folder. */
const wildUnit = (paths: string[]): PlannedUnit => ({ paths, key: '', dir: undefined, wild: true });

/**
 * Folders walked as the run goes. Each folder's units come in the order of their keys; the
 * folders (none inside another) are merged by key, and a unit taken from a walk to compare keys
 * is pending until given. Targets are ordered as discover lists them: by folder as named, then
 * by path.
 */
function walkedPlan(req: LintRequest, roots: readonly string[], fs: FileSystem, minFiles: number): UnitPlan | { single: string } {
  const isIgnored = (p: string) => req.config.isIgnored(p);
  const env = req.env ?? {};
  const targets = survey(req);
  const wild: PlannedUnit[] = [];
  const wildDirs = new Set<string>();
  const walkErrors: string[] = [];
  let units = 0;
  for (const root of roots) {
    const first = new UnitWalk(root, fs, isIgnored);
    for (let u = first.next(); u; u = first.next()) {
      units++;
      for (const p of u.paths) targets.add(p, kindFromName(p));
      if (u.dir === undefined) continue;
      if (!reachOf(u.paths.filter((p) => kindFromName(p) === 'compose'), fs, env).wild) continue;
      wild.push(wildUnit(u.paths));
      wildDirs.add(u.dir);
    }
    walkErrors.push(...first.errors());
  }
  const single = targets.single(minFiles);
  if (single !== undefined) return { single };
  const walks = roots.map((root) => new UnitWalk(root, fs, isIgnored, wildDirs));
  const heads = walks.map((w) => w.next());
  const homes = roots.map((r) => (r.endsWith(sep) ? r : r + sep));
  const rootOf = (path: string) => homes.findIndex((h) => path.startsWith(h));
  return {
    fs,
    walkErrors,
    wild,
    next() {
      let at = -1;
      heads.forEach((h, i) => {
        if (h && (at < 0 || h.key < heads[at]!.key)) at = i;
      });
      if (at < 0) return undefined;
      const unit = heads[at];
      heads[at] = walks[at]!.next();
      return unit;
    },
    pending: (path) => heads.some((h) => h !== undefined && covers(h, path)) || walks.some((w) => w.pending(path)),
    compare: roots.length === 1 ? byPath : (a, b) => rootOf(a) - rootOf(b) || byPath(a, b),
    walked: true,
    units,
    onlyRunRules: !targets.seen.shellcheck,
  };
}

function listedPlan(req: LintRequest, fs: FileSystem, minFiles: number): UnitPlan | { single: string } {
  const found = discoverSync(req.paths, {
    cwd: req.cwd,
    fs,
    isIgnored: (p) => req.config.isIgnored(p),
    ...(req.kind ? { kind: req.kind } : {}),
  });
  const targets = survey(req);
  for (const t of found.files) targets.add(t.path, t.kind);
  const single = targets.single(minFiles);
  if (single !== undefined) return { single };
  const order = new Map(found.files.map((t, i) => [t.path, i]));
  const compare = (a: string, b: string) => order.get(a)! - order.get(b)!;
  const compose = new Set(found.files.filter((t) => t.kind === 'compose').map((t) => t.path));
  const composeDirs = new Set([...compose].map((p) => dirname(p)));
  const env = req.env ?? {};
  const wild: PlannedUnit[] = [];
  const rest: PlannedUnit[] = [];
  let pack: PlannedUnit | undefined;
  for (const atom of partition(found.files)) {
    const alone = atom.length === 1 && !composeDirs.has(dirname(atom[0]!)) && packable(atom[0]!);
    if (alone && pack && pack.paths.length < LONE_PACK_FILES) {
      pack.paths.push(atom[0]!);
      if (atom[0]! < pack.key) pack.key = atom[0]!;
      continue;
    }
    pack = undefined;
    const reach = reachOf(atom.filter((p) => compose.has(p)), fs, env);
    if (reach.wild) wild.push(wildUnit(atom));
    else {
      const unit: PlannedUnit = { paths: atom, key: reach.dir ?? atom.reduce((k, p) => (p < k ? p : k)), dir: reach.dir, wild: false };
      rest.push(unit);
      if (alone) pack = unit;
    }
  }
  rest.sort((a, b) => byPath(a.key, b.key) || compare(a.paths[0]!, b.paths[0]!));
  // Which unit still to come holds a target, or a compose folder.
  const unitOfTarget = new Map<string, number>();
  const unitOfDir = new Map<string, number>();
  rest.forEach((u, i) => {
    for (const p of u.paths) unitOfTarget.set(p, i);
    if (u.dir !== undefined) unitOfDir.set(u.dir, i);
  });
  let given = 0;
  return {
    fs,
    walkErrors: found.errors,
    wild,
    next: () => rest[given++],
    pending(path) {
      if ((unitOfTarget.get(path) ?? -1) >= given) return true;
      for (let dir = dirname(path); ; dir = dirname(dir)) {
        if ((unitOfDir.get(dir.endsWith(sep) ? dir : dir + sep) ?? -1) >= given) return true;
        if (dirname(dir) === dir) return false;
      }
    },
    compare,
    walked: false,
    units: wild.length + rest.length,
    onlyRunRules: !targets.seen.shellcheck,
  };
}

/** What a unit may read, from its compose files (all in one folder, by the cut of partition). */
export function reachOf(compose: readonly string[], fs: FileSystem, env: Record<string, string | undefined>): { wild: boolean; dir?: string } {
  if (compose.length === 0) return { wild: false };
  const dir = dirname(compose[0]!);
  // COMPOSE_FILE may list files anywhere; the process environment sets it for every folder.
  if (env['COMPOSE_FILE'] !== undefined) return { wild: true };
  const dotEnv = join(dir, '.env');
  if (fs.kind(dotEnv) !== undefined) {
    const text = fs.readFile(dotEnv);
    if (text === undefined || envMayReachOut(text)) return { wild: true };
  }
  // An override file next to a compose file is read with it, linted or not (an `ignore` glob).
  const overrides = OVERRIDE_FILES.map((n) => join(dir, n)).filter((p) => !compose.includes(p) && fs.kind(p) !== undefined);
  for (const p of [...compose, ...overrides]) {
    const text = fs.readFile(p);
    if (text !== undefined && composeMayReachOut(text)) return { wild: true };
  }
  return { wild: false, dir: dir.endsWith(sep) ? dir : dir + sep };
}
