import type { Ranged } from '../../source.js';

export interface ShellWord {
  /** After quote removal and line-continuation removal; `$VAR` left as written. */
  value: string;
  /** Exact source span in the Dockerfile (may cross continuation lines). */
  range: Ranged;
  /** True when part of the word came from an expansion (`$x`, `$(…)`, backticks) or a glob. */
  dynamic: boolean;
}

export interface ShellCommand {
  /** The command name after unwrapping (`sudo apt-get …` → `apt-get`). */
  name: string;
  nameWord: ShellWord;
  /** Arguments after the name. */
  args: ShellWord[];
  /** Wrappers that were stripped, outermost first: `sudo`, `env`, `xargs`, `sh -c`, … */
  wrappers: string[];
  /** `VAR=value` assignments written before the command. */
  assignments: ShellWord[];
  /** Span of the whole simple command. */
  range: Ranged;
  /** True when the command runs in a subshell `( … )` (so `cd` does not leak). */
  subshell: boolean;
  /** The operator that follows this command: `&&`, `||`, `;`, `|`, `&`, or '' at the end. */
  next: '&&' | '||' | ';' | '|' | '&' | '';
}
