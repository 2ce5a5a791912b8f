/** Config mistakes are the user's: reported with a place to look, never thrown. */
import type { Position } from '../parse/source.js';
import { SourceFile } from '../parse/source.js';

export interface ConfigProblem {
  severity: 'error' | 'warning';
  message: string;
  /** A did-you-mean or a spelling hint. */
  hint?: string;
  /** The config file; absent for problems with command-line flags. */
  file?: string;
  /** The flag a command-line problem comes from, e.g. `--rule`. */
  flag?: string;
  /** Offsets into the config file, end exclusive. */
  range?: { start: number; end: number };
  start?: Position;
  end?: Position;
}

export function fileProblem(
  source: SourceFile,
  severity: ConfigProblem['severity'],
  message: string,
  range: { start: number; end: number } | undefined,
  hint?: string,
): ConfigProblem {
  const r = range ?? { start: 0, end: 0 };
  const p: ConfigProblem = {
    severity,
    message,
    file: source.path,
    range: { start: r.start, end: r.end },
    start: source.positionAt(r.start),
    end: source.positionAt(r.end),
  };
  if (hint !== undefined) p.hint = hint;
  return p;
}

/** One line per problem: `path:line:column: error: message (hint)`. */
export function formatConfigProblem(p: ConfigProblem): string {
  const where = p.file ? `${p.file}${p.start ? `:${p.start.line}:${p.start.column}` : ''}` : (p.flag ?? 'command line');
  return `${where}: ${p.severity}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`;
}

export function hasErrors(problems: readonly ConfigProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
