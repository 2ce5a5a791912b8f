/**
 * `ONBUILD <instruction>` stores a trigger that runs in every image built FROM this one. The
 * model keeps ONBUILD generic (its args are the trigger's words), so rules that check RUN
 * commands ask here for the commands of `ONBUILD RUN …` as well.
 */
import type { Ranged } from '../parse/source.js';
import type { Dockerfile, Instruction, RunInstruction, Word } from '../parse/dockerfile/model.js';
import { parseShell } from '../parse/dockerfile/shell/lex.js';
import type { ShellCommand } from '../parse/dockerfile/shell/types.js';

export interface OnbuildTrigger {
  /** Upper-cased trigger keyword, e.g. `RUN`. */
  keyword: string;
  keywordWord: Word;
  /** The trigger's arguments. */
  args: Word[];
}

/** The instruction wrapped by an ONBUILD; undefined for other instructions or an empty ONBUILD. */
export function onbuildTrigger(ins: Instruction): OnbuildTrigger | undefined {
  if (ins.keyword !== 'ONBUILD' || ins.args.length === 0) return undefined;
  const first = ins.args[0]!;
  return { keyword: first.value.toUpperCase(), keywordWord: first, args: ins.args.slice(1) };
}

const cache = new WeakMap<Instruction, readonly ShellCommand[]>();
const NO_COMMANDS: readonly ShellCommand[] = [];

/** Forgets the commands lexed for an `ONBUILD RUN`; they are lexed again if asked. */
export function forgetCommandsOf(ins: Instruction): void {
  cache.delete(ins);
}

/**
 * The simple commands an instruction runs: a RUN's, or those of a shell-form `ONBUILD RUN`
 * (lexed here, with exact offsets). Empty for everything else.
 */
export function commandsOf(file: Dockerfile, ins: Instruction): readonly ShellCommand[] {
  if (ins.keyword === 'RUN') return (ins as RunInstruction).commands;
  const trigger = onbuildTrigger(ins);
  // Asked for every instruction by several rules: one shared empty list for all the others.
  if (!trigger || trigger.keyword !== 'RUN' || trigger.args.length === 0) return NO_COMMANDS;
  let out = cache.get(ins);
  if (!out) {
    // The trigger's own flags (`ONBUILD RUN --mount=… cmd`) are not shell text.
    const first = trigger.args.find((a) => !a.value.startsWith('--'));
    const start = first ? first.range.start : ins.argsRange.end;
    const end = ins.argsRange.end;
    const text = file.source.text.slice(start, end);
    out = text.startsWith('[') ? [] : parseShell(text, { path: file.path, offset: start, escape: file.escapeChar });
    cache.set(ins, out);
  }
  return out;
}

/**
 * The source span of a wrapper the lexer stripped (`sudo` in `xargs sudo rm`): the first word
 * spelled `name` (or a path ending in `/name`) between the start of the command and its name.
 */
export function wrapperRange(file: Dockerfile, cmd: ShellCommand, name: string): Ranged | undefined {
  const text = file.source.text;
  const end = cmd.nameWord.range.start;
  const re = new RegExp(`(?<![\\w./-])(?:[\\w./-]*/)?${name.replace(/[^\w]/g, '\\$&')}(?![\\w.-])`, 'g');
  re.lastIndex = cmd.range.start;
  const m = re.exec(text);
  if (!m || m.index >= end) return undefined;
  return { path: cmd.range.path, start: m.index, end: m.index + m[0].length };
}
