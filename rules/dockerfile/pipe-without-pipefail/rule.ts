import { defineRule, type Ranged } from '../../../src/engine/types.js';
import type { Dockerfile, RunInstruction, Stage } from '../../../src/parse/dockerfile/model.js';
import type { ShellCommand } from '../../../src/parse/dockerfile/shell/types.js';
import { effectiveShell, isWindowsStage } from '../../../src/analysis/stages.js';
import { baseName, pipelines } from '../../../src/analysis/shell-commands.js';

/** Commands that print what they are given and cannot fail in a way that matters. */
const INFALLIBLE = new Set(['echo', 'printf', 'yes', 'true']);

const NON_POSIX = /^(?:pwsh|powershell|cmd)/i;
const PRAGMA = /^hadolint\s+shell\s*=\s*(\S+)/;

/** `-o pipefail` among the words of a SHELL or `set`: `-o pipefail`, `-eo pipefail`, `-euxo pipefail`. */
export function setsPipefail(words: readonly string[]): boolean {
  for (let i = 0; i + 1 < words.length; i++) {
    if (/^-[a-zA-Z]*o$/.test(words[i]!) && words[i + 1] === 'pipefail') return true;
  }
  return false;
}

/** Whether a `set -o pipefail` (in any spelling) runs before `cmd` in the same shell. */
function pipefailSetBefore(commands: readonly ShellCommand[], cmd: ShellCommand, from: number): boolean {
  return commands.some(
    (c) => c.range.start >= from && c.range.start < cmd.range.start && c.name === 'set' && (!c.subshell || cmd.subshell) && setsPipefail(c.args.map((a) => a.value)),
  );
}

/** The `|` between a command and the next one, found in the text between them. */
function pipeRange(file: Dockerfile, cmd: ShellCommand, next: ShellCommand | undefined): Ranged {
  const text = file.source.text;
  const limit = next ? next.range.start : text.length;
  const i = text.indexOf('|', cmd.range.end);
  return i >= 0 && i < limit ? { path: cmd.range.path, start: i, end: i + 1 } : cmd.range;
}

/** The shell named by a `# hadolint shell=` pragma in force at `offset`, if any. */
function pragmaShell(file: Dockerfile, stage: Stage, offset: number): string | undefined {
  let shell: string | undefined;
  for (const p of pragmasOf(file)) {
    if (p.start >= offset) break;
    // Before the first FROM it sets the default; inside a stage, only for that stage.
    if (p.start < file.stages[0]!.from.range.start || p.start >= stage.from.range.start) shell = p.shell;
  }
  return shell;
}

/**
 * The file's `# hadolint shell=` pragmas in order, matched once per file: asked for every RUN
 * with a pipe, matching every earlier comment each time made commented files quadratic.
 */
const pragmaCache = new WeakMap<Dockerfile, readonly { start: number; shell: string }[]>();
function pragmasOf(file: Dockerfile): readonly { start: number; shell: string }[] {
  let list = pragmaCache.get(file);
  if (!list) {
    const found: { start: number; shell: string }[] = [];
    for (const c of file.comments) {
      const m = PRAGMA.exec(c.text);
      if (m) found.push({ start: c.range.start, shell: m[1]! });
    }
    pragmaCache.set(file, (list = found));
  }
  return list;
}

export default defineRule<Record<string, never>, 'pipe' | 'pipeScript'>(
  {
    id: 'pipe-without-pipefail',
    kind: 'dockerfile',
    summary: 'A RUN pipes commands without `pipefail`, so a failure before the last `|` goes unnoticed',
    category: 'reliability',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL4006', fidelity: 'partial' }],
    messages: {
      pipeScript:
        'Without `pipefail` a pipeline succeeds whenever its last command does, so a failing `{command}` here still lets the script go on; put `set -o pipefail` at the top of the heredoc script',
      pipe: 'Without `pipefail` a pipeline succeeds whenever its last command does, so a failing `{command}` here still lets the build go on; add `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before this RUN, or start it with `set -o pipefail &&`',
    },
    fix: 'unsafe',
    since: '0.1.0',
  },
  (ctx) => {
    const fixedStages = new Set<Stage>();
    return {
      'dockerfile:run'(run, file) {
        if (run.form === 'exec' || run.stageIndex < 0) return;
        const commands = run.commands;
        // Most RUNs pipe nothing; the questions below (SHELL, pragmas, base image) are only
        // worth asking for those that do.
        if (!commands.some((c) => c.next === '|')) return;
        const stage = file.stages[run.stageIndex]!;
        const shell = effectiveShell(file, stage, run);
        const pragma = pragmaShell(file, stage, run.range.start);
        if (NON_POSIX.test(baseName(shell.words[0] ?? '')) || (pragma && NON_POSIX.test(baseName(pragma)))) return;
        // Windows images run RUN with `cmd` unless a SHELL says otherwise.
        if (!shell.instruction && isWindowsStage(file, stage)) return;
        const shellHasPipefail = setsPipefail(shell.words);
        // `RUN <<EOF` alone hands the script to SHELL; `RUN <<EOF bash` hands it to bash.
        // Asked only for commands of a heredoc body: reading `args` splits the RUN into words.
        const onlyHeredocs = () => run.args.every((a) => a.value.startsWith('<<'));
        for (const line of pipelines(commands)) {
          if (line.length < 2) continue;
          // `echo "$SUM  file" | sha256sum -c -`: only the last command can fail, so pipefail adds nothing.
          const producer = line.slice(0, -1).find((c) => !INFALLIBLE.has(c.name));
          if (!producer) continue;
          const cmd = line[0]!;
          const body = bodyOf(run, cmd);
          if (body) {
            // A heredoc script is run by SHELL only when it is the whole command and has no shebang.
            const bySHELL = !body.text.startsWith('#!') && onlyHeredocs();
            if ((bySHELL && shellHasPipefail) || pipefailSetBefore(commands, cmd, body.start)) continue;
          } else if (shellHasPipefail || pipefailSetBefore(commands, cmd, run.argsRange.start)) {
            continue;
          }
          const fix = !shell.instruction && !fixedStages.has(stage) && !body ? insertShell(file, run) : undefined;
          if (fix) fixedStages.add(stage);
          const messageId = body && !onlyHeredocs() ? 'pipeScript' : 'pipe';
          ctx.report({ at: pipeRange(file, producer, line[line.indexOf(producer) + 1]), messageId, data: { command: producer.name }, ...(fix ? { fix } : {}) });
          // One finding per RUN: one SHELL (or one `set -o pipefail`) covers all of its pipes.
          return;
        }
      },
    };
  },
);

function bodyOf(run: RunInstruction, cmd: ShellCommand): { start: number; text: string } | undefined {
  for (const h of run.heredocs) {
    if (cmd.range.start >= h.bodyRange.start && cmd.range.start < h.bodyRange.end) return { start: h.bodyRange.start, text: h.body };
  }
  return undefined;
}

function insertShell(file: Dockerfile, run: RunInstruction): { title: string; edits: { path: string; start: number; end: number; text: string }[] } {
  const text = file.source.text;
  const lineStart = text.lastIndexOf('\n', run.range.start - 1) + 1;
  const indent = text.slice(lineStart, run.range.start);
  const line = 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]';
  return {
    title: `write \`${line}\` before the RUN`,
    edits: [{ path: run.range.path, start: run.range.start, end: run.range.start, text: `${line}\n${/^\s*$/.test(indent) ? indent : ''}` }],
  };
}

