/**
 * Drops everything lexed from a Dockerfile's RUN instructions: the commands and words on the
 * model and the views the analysis helpers built on them. They are most of what a Dockerfile
 * model holds, and the rules that read them run while the file is walked: dropped after that
 * walk, they die young instead of being copied to the old generation and marked there to the
 * end of the run (issue 7). Anything that asks later has them lexed again, equal but new.
 */
import type { Dockerfile } from '../parse/dockerfile/model.js';
import { releaseRunCommands } from '../parse/dockerfile/instructions.js';
import { forgetRunViews } from './shell-query.js';
import { forgetCommandsOf } from './run-commands.js';

export function releaseShell(file: Dockerfile): void {
  forgetRunViews(file);
  for (const ins of file.instructions) {
    forgetCommandsOf(ins);
    releaseRunCommands(ins);
  }
}
