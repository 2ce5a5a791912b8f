/**
 * Questions about build stages that several Dockerfile rules ask: which stages a stage is built
 * on, which SHELL and WORKDIR are in force at an instruction, and which stages count as images.
 * A stage built `FROM <earlier stage>` starts from that stage's image config, so SHELL and
 * WORKDIR carry over through such chains (hadolint resets them at every FROM; Docker does not).
 */
import type { Dockerfile, Instruction, Stage } from '../parse/dockerfile/model.js';

/** The stage itself, then the stage it is built on, and so on (cycle-safe). */
export function baseChain(file: Dockerfile, stage: Stage): Stage[] {
  if (stage.from.stageRef === undefined) return [stage];
  const out: Stage[] = [];
  const seen = new Set<number>();
  let s: Stage | undefined = stage;
  while (s && !seen.has(s.index)) {
    seen.add(s.index);
    out.push(s);
    s = s.from.stageRef === undefined ? undefined : file.stages[s.from.stageRef];
  }
  return out;
}

/**
 * A value computed for every stage from the value of the stage it is built on, once per stage:
 * `value(stage) = step(value(base), stage)`, with `undefined` for the base of a chain's first
 * stage (or a stage in a cycle). Rules asking something of "the stage and all its bases" for each
 * stage walked the whole chain every time, and a chain of n stages cost n².
 * `memo` belongs to the caller (one WeakMap per question, kept at module level).
 */
export function chainFold<T>(file: Dockerfile, stage: Stage, memo: WeakMap<Stage, T>, step: (base: T | undefined, stage: Stage) => T): T {
  if (memo.has(stage)) return memo.get(stage)!;
  // Up to the first stage already known (or the chain's start), then back down.
  const path: Stage[] = [];
  const onPath = new Set<number>();
  let s: Stage | undefined = stage;
  while (s && !memo.has(s) && !onPath.has(s.index)) {
    onPath.add(s.index);
    path.push(s);
    s = s.from.stageRef === undefined ? undefined : file.stages[s.from.stageRef];
  }
  let value = s && memo.has(s) ? memo.get(s) : undefined;
  for (let i = path.length - 1; i >= 0; i--) {
    value = step(value, path[i]!);
    memo.set(path[i]!, value);
  }
  return value!;
}

const roots = new WeakMap<Stage, Stage>();
/** The first stage of a stage's chain: `baseChain(file, stage).at(-1)`, in constant time. */
export function rootStage(file: Dockerfile, stage: Stage): Stage {
  if (stage.from.stageRef === undefined) return stage;
  return chainFold(file, stage, roots, (base, s) => base ?? s);
}

/**
 * The instructions a stage sees up to (not including) `before`: those of its base stages first,
 * then its own. Without `before`, all of them.
 */
export function visibleInstructions(file: Dockerfile, stage: Stage, before?: Instruction): Instruction[] {
  const chain = baseChain(file, stage).reverse();
  const out: Instruction[] = [];
  for (const s of chain) {
    for (const ins of s.instructions) {
      if (ins === before) return out;
      out.push(ins);
    }
  }
  return out;
}

/**
 * The last instruction with `keyword` visible at `before` (or at the end of the stage): what
 * `visibleInstructions` lists, searched backwards in place. Asked for every RUN and COPY by some
 * rules, listing the visible instructions each time cost an array per question.
 */
export function lastVisible(file: Dockerfile, stage: Stage, keyword: string, before?: Instruction): Instruction | undefined {
  const chain = baseChain(file, stage);
  // The listing runs from the chain's first stage to `stage` and stops at the first `before`.
  let cutStage = -1;
  let cutAt = -1;
  if (before) {
    for (let k = chain.length - 1; k >= 0 && cutStage < 0; k--) {
      const at = chain[k]!.instructions.indexOf(before);
      if (at >= 0) {
        cutStage = k;
        cutAt = at;
      }
    }
  }
  for (let k = Math.max(0, cutStage); k < chain.length; k++) {
    const list = chain[k]!.instructions;
    for (let i = (k === cutStage ? cutAt : list.length) - 1; i >= 0; i--) if (list[i]!.keyword === keyword) return list[i];
  }
  return undefined;
}

export interface EffectiveShell {
  /** The exec-form words of the SHELL in force, e.g. `["/bin/bash", "-o", "pipefail", "-c"]`. */
  words: string[];
  /** The SHELL instruction; undefined for Docker's default `/bin/sh -c`. */
  instruction?: Instruction;
}

const DEFAULT_SHELL = ['/bin/sh', '-c'];

/**
 * The SHELL in force for an instruction of a stage: the last SHELL before it in the stage or in
 * the stages it is built on; Docker's `/bin/sh -c` when there is none. A SHELL not written in
 * JSON form is rejected by Docker, so it is ignored here.
 */
export function effectiveShell(file: Dockerfile, stage: Stage, before?: Instruction): EffectiveShell {
  // Walked from the stage towards its bases without listing every visible instruction: rules
  // ask this for each RUN, and a listing per RUN made long Dockerfiles quadratic.
  const chain = baseChain(file, stage);
  const at = before ? chain.findIndex((s) => s.index === before.stageIndex) : -1;
  for (let k = Math.max(0, at); k < chain.length; k++) {
    const shells = shellsOf(chain[k]!);
    for (let i = shells.length - 1; i >= 0; i--) {
      const ins = shells[i]!;
      if (k === at && ins.range.start >= before!.range.start) continue;
      return { words: ins.args.map((a) => a.value), instruction: ins };
    }
  }
  return { words: DEFAULT_SHELL };
}

const shellCache = new WeakMap<Stage, Instruction[]>();
/** The stage's own SHELL instructions that Docker accepts (JSON form, not empty), in order. */
function shellsOf(stage: Stage): Instruction[] {
  let shells = shellCache.get(stage);
  if (!shells) {
    shells = stage.instructions.filter((ins) => ins.keyword === 'SHELL' && ins.jsonForm && ins.args.length > 0);
    shellCache.set(stage, shells);
  }
  return shells;
}

/** The WORKDIR in force for an instruction (in the stage or its base stages), if any. */
export function effectiveWorkdir(file: Dockerfile, stage: Stage, before?: Instruction): Instruction | undefined {
  return lastVisible(file, stage, 'WORKDIR', before);
}

/** The stage an instruction belongs to; undefined before the first FROM. */
export function stageOf(file: Dockerfile, ins: Instruction): Stage | undefined {
  return ins.stageIndex >= 0 ? file.stages[ins.stageIndex] : undefined;
}

/**
 * Stages that end up in an image someone runs or builds on: the final stage and every stage a
 * later `FROM` builds on. Stages read only through `COPY --from` are not.
 */
export function isImageStage(stage: Stage): boolean {
  return stage.final || stage.usedAsBase;
}

/**
 * Whether a stage runs on a Windows base image (no uid, `cmd` as default shell), judged from the
 * image its chain starts at: `mcr.microsoft.com/windows/…`, nanoserver and servercore tags.
 */
export function isWindowsStage(file: Dockerfile, stage: Stage): boolean {
  // Most stages are their chain's start: no walk for those.
  const root = stage.from.stageRef === undefined ? stage : rootStage(file, stage);
  return WINDOWS_IMAGE.test(root.from.image.resolved);
}
const WINDOWS_IMAGE = /(?:^|\/)windows(?:\/|$)|nanoserver|servercore/i;
