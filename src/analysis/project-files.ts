/**
 * Judging file listings of a project. The corpus we test on (and some checkouts) keep only the
 * build files — Dockerfiles, compose files, `.dockerignore`, `.env` — so "this file is missing" is
 * only said about a folder whose listing holds something else too, i.e. looks like a real checkout.
 */
import type { Ranged } from '../parse/source.js';
import type { ComposeFile, ComposeService } from '../parse/compose/model.js';
import type { Dockerfile, Stage } from '../parse/dockerfile/model.js';

/** Names the stripped-down corpus keeps: Dockerfiles, YAML, ignore files and env files. */
export function isBuildFileName(name: string): boolean {
  const base = name.replace(/\/+$/, '').split('/').pop() ?? name;
  return /dockerfile/i.test(base) || /\.ya?ml$/i.test(base) || /(^|\.)dockerignore$/i.test(base) || /^\.env(\.|$)/i.test(base) || /\.env$/i.test(base);
}

/** True when the listing holds a file that is not a build file: the folder was not stripped. */
export function listingLooksComplete(files: readonly string[]): boolean {
  return files.some((f) => !f.endsWith('/') && !isBuildFileName(f));
}

/** Where a service's build is written: the `build: .` scalar, else its `context` (or the key). */
export function buildAt(service: ComposeService): Ranged {
  const b = service.build!;
  return b.node.kind === 'scalar' ? b.node.range : b.contextRange;
}

/** True when a compose value at `at` uses a variable with no value: its real text is unknown. */
export function usesUnsetVariable(compose: ComposeFile, at: Ranged): boolean {
  return compose.varRefs.some(
    (v) => !v.defined && v.range.path === at.path && v.range.start >= at.start && v.range.end <= at.end && (v.operator === '' || v.operator === '?' || v.operator === ':?'),
  );
}

/**
 * The stage `docker build --target` builds (the last one without a target), or undefined when the
 * target names no stage.
 */
export function builtStage(df: Dockerfile, target: string | undefined): Stage | undefined {
  if (target === undefined) return df.stages[df.stages.length - 1];
  return df.stages.find((s) => s.name === target.toLowerCase());
}

/** The stage and the stages it is based on (`FROM builder`), nearest first. */
export function stageChain(df: Dockerfile, stage: Stage): Stage[] {
  const chain: Stage[] = [];
  let s: Stage | undefined = stage;
  while (s && !chain.includes(s)) {
    chain.push(s);
    s = s.from.stageRef !== undefined ? df.stages[s.from.stageRef] : undefined;
  }
  return chain;
}

/** Replaces the value of a YAML scalar written at `at`, keeping its quotes. */
export function scalarValueEdit(compose: ComposeFile, at: Ranged, value: string): { path: string; start: number; end: number; text: string } {
  const raw = compose.source.text.slice(at.start, at.end);
  const quoted = raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0];
  return quoted ? { path: at.path, start: at.start + 1, end: at.end - 1, text: value } : { path: at.path, start: at.start, end: at.end, text: value };
}

/** The range of `name` at the start of a compose `KEY=VALUE` item or `KEY: VALUE` entry. */
export function keyRangeIn(compose: ComposeFile, range: Ranged, name: string): Ranged {
  const text = compose.source.text;
  const at = text[range.start] === '"' || text[range.start] === "'" ? range.start + 1 : range.start;
  return text.slice(at, at + name.length) === name ? { path: range.path, start: at, end: at + name.length } : range;
}

/** Every ARG name the Dockerfile declares, globally or in a stage. */
export function declaredArgs(df: Dockerfile): Map<string, Ranged> {
  const out = new Map<string, Ranged>();
  for (const ins of df.instructions) {
    if (ins.keyword !== 'ARG') continue;
    for (const v of (ins as import('../parse/dockerfile/model.js').ArgInstruction).vars) if (!out.has(v.name)) out.set(v.name, v.nameRange);
  }
  return out;
}

/** Build args BuildKit defines without an ARG (proxies, BuildKit switches). */
export const PREDEFINED_ARGS = new Set([
  'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy',
  'SOURCE_DATE_EPOCH', 'BUILDKIT_INLINE_CACHE', 'BUILDKIT_SYNTAX', 'BUILDKIT_CONTEXT_KEEP_GIT_DIR', 'BUILDKIT_MULTI_PLATFORM',
  'BUILDKIT_SANDBOX_HOSTNAME', 'BUILDKIT_CACHE_MOUNT_NS',
]);

/**
 * The stages `docker build --target` runs: the built stage, the stages it is based on, and those
 * it copies from (`COPY --from=<stage>`), transitively. BuildKit skips the others.
 */
export function reachableStages(df: Dockerfile, target: string | undefined): Set<Stage> {
  const out = new Set<Stage>();
  const start = builtStage(df, target);
  const queue = start ? [start] : [];
  while (queue.length) {
    const s = queue.pop()!;
    if (out.has(s)) continue;
    out.add(s);
    if (s.from.stageRef !== undefined && df.stages[s.from.stageRef]) queue.push(df.stages[s.from.stageRef]!);
    for (const ins of s.instructions) {
      const from = ins.flags.find((f) => f.name === 'from')?.value;
      if (!from) continue;
      const dep = /^\d+$/.test(from) ? df.stages[Number(from)] : df.stages.find((x) => x.name === from.toLowerCase());
      if (dep && dep.index < s.index) queue.push(dep);
    }
  }
  return out;
}
