import type { ShellCommand } from './types.js';

export interface ShellLexOptions {
  /** Path of the Dockerfile, copied into every range. */
  path: string;
  /** Offset in the Dockerfile of `src[0]`. */
  offset: number;
  /** The Dockerfile escape character: `\` + newline (or `` ` `` + newline) continues a line. */
  escape: '\\' | '`';
}

/**
 * Split shell text (a RUN's shell form, or a heredoc script) into simple commands.
 * TEMPORARY STUB: replaced by the real lexer.
 */
export function parseShell(src: string, opts: ShellLexOptions): ShellCommand[] {
  void src;
  void opts;
  return [];
}
