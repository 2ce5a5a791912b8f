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
import { dirname } from 'node:path';
import { discoverSync, type DiscoveredFile, type FileKind } from '../cli/discover.js';
import type { LintRequest } from './lint.js';
import { nodeFileSystem, type FileSystem } from '../project/fs.js';
import { cachingFileSystem } from '../project/cached-fs.js';

/** Dockerfiles that no compose folder takes are packed by neighbours, this many to a lint() call. */
const PACK_FILES = 32;

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

export interface UnitPlan {
  /** The run's view of the file system: the walk's listings, shared by every unit. */
  fs: FileSystem;
  targets: DiscoveredFile[];
  /** Errors of the walk (folders that cannot be read, …), before any unit's. */
  walkErrors: string[];
  /** Target paths of each unit, in the order of the run. */
  units: string[][];
}

/**
 * Walks the request's paths and cuts the targets into units, or says why the run should be one
 * lint() instead: `''` when it is too small to be worth splitting, else the reason.
 */
export function planUnits(req: LintRequest, minFiles: number): UnitPlan | { single: string } {
  if (req.stdin) return { single: 'standard input is linted in one thread' };
  if (req.files?.length) return { single: '--file stacks are linted in one thread' };
  // Every folder listed once for the whole run: by the walk, then read again by the config
  // lookups and by each unit's lint() (one lint() per unit listing anew made `readdir` the
  // largest native cost of a unit-by-unit run). Nothing is written during a run.
  const fs = cachingFileSystem(req.fs ?? nodeFileSystem);
  req.config.lookUpThrough?.(fs);
  const found = discoverSync(req.paths, {
    cwd: req.cwd,
    fs,
    isIgnored: (p) => req.config.isIgnored(p),
    ...(req.kind ? { kind: req.kind } : {}),
  });
  const targets = found.files;
  if (targets.length < minFiles) return { single: '' };
  // A unit lints its files as named ones: a forced kind would then apply to walked files too.
  if (req.kind && targets.some((t) => t.kind !== req.kind)) return { single: '--kind with folders is linted in one thread' };
  // Configs are found per file: asking here gathers their problems and plugins as lint() would.
  for (const t of targets) req.config.forFile(t.path);
  // Units list what else they need in their own lint() (src/project/cached-fs.ts).
  fs.seal();

  // Each lint() call instantiates all rules and builds a project, which costs as much as a small
  // file: lone Dockerfiles are packed by neighbours.
  const composeDirs = new Set(targets.filter((t) => t.kind === 'compose').map((t) => dirname(t.path)));
  const units: string[][] = [];
  let pack: string[] | undefined;
  for (const atom of partition(targets)) {
    const alone = atom.length === 1 && !composeDirs.has(dirname(atom[0]!)) && !atom[0]!.endsWith('.yaml') && !atom[0]!.endsWith('.yml');
    if (!alone) {
      units.push(atom);
      pack = undefined;
    } else if (pack && pack.length < PACK_FILES) pack.push(atom[0]!);
    else units.push((pack = [atom[0]!]));
  }
  return { fs, targets, walkErrors: found.errors, units };
}
