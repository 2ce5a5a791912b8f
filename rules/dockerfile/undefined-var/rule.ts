import { defineRule, type Ranged } from '../../../src/engine/types.js';
import type { ArgInstruction, Dockerfile, EnvInstruction, Instruction, Stage } from '../../../src/parse/dockerfile/model.js';
import { variableRefs, type VarRef } from '../../../src/analysis/buildkit.js';
import { chainFold, rootStage } from '../../../src/analysis/stages.js';
import { editDistance } from '../../../src/text/did-you-mean.js';

/** A defined name one slip away (two for long names); base-image names such as `JAVA_HOME` are further. */
function nearName(name: string, defined: Iterable<string>): string | undefined {
  const limit = name.length >= 8 ? 2 : 1;
  for (const d of defined) if (d !== name && Math.abs(d.length - name.length) <= limit && editDistance(d, name) <= limit) return d;
  return undefined;
}

// The names a stage and the stages it is built on define, once per stage (shared with the base
// when a stage defines none): collecting them from the whole chain for each stage cost n².
const chainNames = new WeakMap<Stage, ReadonlySet<string>>();
function namesOfChain(file: Dockerfile, stage: Stage): ReadonlySet<string> {
  return chainFold(file, stage, chainNames, (base, s) => {
    const added = s.instructions.flatMap(definedBy).filter((n) => !base?.has(n));
    return base && added.length === 0 ? base : new Set([...(base ?? ALWAYS), ...added]);
  });
}

type Msg = 'globalNotInScope' | 'typo' | 'undefinedInScratch';

/** Instructions whose arguments Docker expands (RUN, CMD and ENTRYPOINT are left to the shell). */
const EXPANDED = new Set(['ADD', 'COPY', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);
/** Set in every Linux container by the runtime or virtually every base image. */
const ALWAYS = ['PATH', 'HOME', 'HOSTNAME'];

/** Where an instruction uses variables: spans of source text, heredoc bodies excluded. */
function spansOf(ins: Instruction): readonly Ranged[] {
  if (ins.keyword === 'ENV') return (ins as EnvInstruction).pairs.map((p) => p.valueRange);
  if (ins.keyword === 'ARG') return (ins as ArgInstruction).vars.flatMap((v) => (v.defaultRange ? [v.defaultRange] : []));
  // Asked for every instruction of every stage: most have nothing to look at.
  if (ins.keyword === 'RUN' ? ins.flags.length === 0 : !EXPANDED.has(ins.keyword)) return NONE;
  const flags = ins.flags.filter((f) => (f.name === 'chown' || f.name === 'chmod' || (ins.keyword === 'RUN' && f.name === 'mount')) && f.valueRange).map((f) => f.valueRange!);
  if (ins.keyword === 'RUN') return flags;
  if (!EXPANDED.has(ins.keyword)) return [];
  const end = ins.heredocs.length ? Math.min(ins.argsRange.end, ...ins.heredocs.map((h) => h.bodyRange.start)) : ins.argsRange.end;
  return [...flags, { ...ins.argsRange, end }];
}

/** Names an instruction defines for the instructions after it. */
function definedBy(ins: Instruction): readonly string[] {
  if (ins.keyword === 'ENV') return (ins as EnvInstruction).pairs.map((p) => p.key);
  if (ins.keyword === 'ARG') return (ins as ArgInstruction).vars.map((v) => v.name);
  return NONE;
}
const NONE: readonly never[] = [];

export default defineRule<Record<string, never>, Msg>(
  {
    id: 'undefined-var',
    kind: 'dockerfile',
    summary: 'A variable used in an instruction is defined by no `ARG` or `ENV` of its stage',
    category: 'correctness',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'buildkit', code: 'UndefinedVar', fidelity: 'partial' }],
    messages: {
      globalNotInScope:
        '`{ref}` refers to the global `ARG {name}`, which is not visible after `FROM` unless re-declared, so it expands to an empty string here; add `ARG {name}` to this stage',
      typo: '`{ref}` is not defined in this stage, so it expands to an empty string; did you mean `{suggestion}`?',
      undefinedInScratch:
        '`{ref}` is defined by no `ARG` or `ENV` of this stage, which starts from `scratch`, so it expands to an empty string; declare it with `ARG {name}` or `ENV {name}=…`',
    },
    hasSuggestions: true,
    since: '0.1.0',
  },
  (ctx) => {
    const reportRef = (file: Dockerfile, ref: VarRef, msg: Msg, suggestion?: string) => {
      const written = file.source.text.slice(ref.range.start, ref.range.end);
      const replacement = suggestion ? written.replace(ref.name, suggestion) : '';
      ctx.report({
        at: ref.range,
        messageId: msg,
        data: { ref: written, name: ref.name, suggestion: replacement },
        ...(suggestion ? { suggest: [{ title: `write \`${replacement}\``, edits: [{ ...ref.range, text: replacement }] }] } : {}),
      });
    };
    const checkStage = (file: Dockerfile, stage: Stage, globals: Set<string>) => {
      // The names in scope are only worked out at the stage's first variable use: most stages
      // use none, and their base chain's names (a set per stage) are then never needed.
      let inherited: ReadonlySet<string> | undefined;
      let defined: ReadonlySet<string> | undefined;
      /** Names the stage defines before its first variable use, in order. */
      const pending: string[] = [];
      const text = file.source.text;
      // The next `$` at or after the instruction: an instruction without one uses no variable,
      // and most do not (found once per stretch of text, not per instruction).
      let dollar = -1;
      for (const ins of stage.instructions) {
        if (dollar < ins.range.start) dollar = text.indexOf('$', ins.range.start);
        for (const span of dollar >= 0 && dollar < ins.range.end ? spansOf(ins) : NONE) {
          for (const ref of variableRefs(file, span.start, span.end)) {
            // `${X:-default}` states what happens when X is unset: a deliberate choice.
            if (ref.operator !== '') continue;
            if (!defined) {
              const base = stage.from.stageRef === undefined ? undefined : file.stages[stage.from.stageRef];
              inherited = defined = base && base !== stage ? namesOfChain(file, base) : new Set(ALWAYS);
              // Copied on the stage's first own definition only: most stages of a long chain define none.
              if (pending.length) defined = new Set([...inherited, ...pending]);
            }
            if (defined.has(ref.name)) continue;
            const near = nearName(ref.name, defined);
            if (near) reportRef(file, ref, 'typo', near);
            else if (globals.has(ref.name)) reportRef(file, ref, 'globalNotInScope');
            // Only a scratch chain has no base image ENV that could define the name.
            else if (rootStage(file, stage).from.scratch) reportRef(file, ref, 'undefinedInScratch');
          }
        }
        const own = definedBy(ins);
        if (!own.length) continue;
        if (!defined) {
          for (const n of own) pending.push(n);
          continue;
        }
        if (defined === inherited) defined = new Set(inherited);
        for (const n of own) (defined as Set<string>).add(n);
      }
    };
    return {
      dockerfile(file) {
        if (file.source.text.indexOf('$') < 0) return;
        const globals = new Set(file.globalArgs.flatMap((a) => a.vars.map((v) => v.name)));
        for (const stage of file.stages) checkStage(file, stage, globals);
      },
    };
  },
);
