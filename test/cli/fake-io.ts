/** A fake CliIO for driving `main` in-process, and helpers to read what it printed. */
import { join } from 'node:path';
import { main, type CliIO } from '../../src/cli/main.js';
import { fixturesDir } from '../helpers.js';

export const cliFixtures = join(fixturesDir, 'cli');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  stdin?: string;
  isTTY?: boolean;
}

export async function run(argv: string[], opts: RunOptions = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (s: string) => (stdout += s), isTTY: opts.isTTY ?? false },
    stderr: { write: (s: string) => (stderr += s) },
    readStdin: () => {
      if (opts.stdin === undefined) throw new Error('the test gave no stdin');
      return opts.stdin;
    },
    env: opts.env ?? {},
    cwd: opts.cwd ?? cliFixtures,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

export interface JsonMessage {
  ruleId: string;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  level: string;
  messageId: string;
}

export interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  suppressedMessages: JsonMessage[];
  errorCount: number;
  warningCount: number;
}

/** `ruleId@line:column` of every reported message, by file path relative to `base`. */
export function summary(results: JsonResult[], base: string): string[] {
  return results.flatMap((r) =>
    r.messages.map((m) => `${r.filePath.slice(base.length + 1)}:${m.line}:${m.column} ${m.ruleId}`),
  );
}
