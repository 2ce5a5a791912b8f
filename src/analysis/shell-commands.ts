/**
 * Small questions about simple commands of a RUN that the security rules share: which commands
 * of a pipeline feed which, whether a command is a shell or interpreter, and how flags of tools
 * with bundled short options (`curl -fsSLk`) are spelled.
 */
import type { Instruction, RunInstruction } from '../parse/dockerfile/model.js';
import type { ShellCommand, ShellWord } from '../parse/dockerfile/shell/types.js';

/** Programs that execute a script read from stdin or given as text. */
const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'ash', 'mksh', 'fish', 'busybox']);
const INTERPRETERS = /^(?:python[0-9.]*|perl|ruby|node|nodejs|php[0-9.]*|pwsh|powershell)$/;

/** Basename of a command path (`/bin/sh` → `sh`). */
export function baseName(name: string): string {
  const i = name.lastIndexOf('/');
  return i >= 0 ? name.slice(i + 1) : name;
}

export function isShell(name: string): boolean {
  return SHELLS.has(baseName(name));
}

export function isInterpreter(name: string): boolean {
  const b = baseName(name);
  return SHELLS.has(b) || INTERPRETERS.test(b);
}

/** Every RUN's simple commands, ONBUILD RUN excluded (its commands are not lexed). */
export function runCommands(ins: Instruction): readonly ShellCommand[] {
  return ins.keyword === 'RUN' ? (ins as RunInstruction).commands : [];
}

/** Pipelines as lists of consecutive commands joined by `|`. */
export function pipelines(commands: readonly ShellCommand[]): ShellCommand[][] {
  const out: ShellCommand[][] = [];
  let current: ShellCommand[] = [];
  for (const c of commands) {
    current.push(c);
    if (c.next !== '|') {
      out.push(current);
      current = [];
    }
  }
  if (current.length) out.push(current);
  return out;
}

/**
 * Whether a short-option cluster (`-fsSLk`) turns on `letter`. Letters in `withValue` take an
 * argument, so whatever follows them in the cluster is that argument, not more options.
 */
export function clusterHas(word: string, letter: string, withValue: string): boolean {
  if (!/^-[A-Za-z0-9]/.test(word) || word.startsWith('--')) return false;
  for (let i = 1; i < word.length; i++) {
    const ch = word[i]!;
    if (ch === letter) return true;
    if (withValue.includes(ch)) return false;
  }
  return false;
}

/** Arguments before a `--` end-of-options marker. */
export function optionWords(cmd: ShellCommand): ShellWord[] {
  const end = cmd.args.findIndex((a) => a.value === '--');
  return end < 0 ? cmd.args : cmd.args.slice(0, end);
}
