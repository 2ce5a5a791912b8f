import { defineRule } from '../../../src/engine/types.js';
import type { ShellCommand, ShellWord } from '../../../src/parse/dockerfile/shell/types.js';
import { baseName, clusterHas, isInterpreter, isShell, pipelines, runCommands } from '../../../src/analysis/shell-commands.js';

type Msg = 'pipe' | 'substitution';

/** Short options of wget that take a value (so `-qO-` is `-q -O -`). */
const WGET_VALUE = 'OoaetTwPiBUlARDIXQ';
const CURL_VALUE = 'AbcCdDeEFHKmoPQrTuUwxXyYzt';

const toStdout = (v: string | undefined) => v === '-' || v === '/dev/stdout';

/** The value of a short option written in a cluster (`-qO-`) or as the next word (`-O -`). */
function shortValue(args: readonly ShellWord[], i: number, letter: string, withValue: string): string | undefined | null {
  const w = args[i]!.value;
  if (!/^-[A-Za-z]/.test(w) || w.startsWith('--')) return null;
  for (let k = 1; k < w.length; k++) {
    const ch = w[k]!;
    if (ch === letter) return k + 1 < w.length ? w.slice(k + 1) : args[i + 1]?.value;
    if (withValue.includes(ch)) return null;
  }
  return null;
}

/** Whether a download command writes what it fetched to stdout. */
function downloadsToStdout(cmd: ShellCommand): boolean {
  const name = baseName(cmd.name);
  if (name === 'wget') {
    for (let i = 0; i < cmd.args.length; i++) {
      const v = cmd.args[i]!.value;
      if (v.startsWith('--output-document=')) return toStdout(v.slice('--output-document='.length));
      if (v === '--output-document') return toStdout(cmd.args[i + 1]?.value);
      const o = shortValue(cmd.args, i, 'O', WGET_VALUE);
      if (o !== null) return toStdout(o);
    }
    return false;
  }
  if (name === 'curl') {
    for (let i = 0; i < cmd.args.length; i++) {
      const v = cmd.args[i]!.value;
      if (v === '--remote-name' || v === '--remote-name-all' || v === '-O' || clusterHas(v, 'O', CURL_VALUE)) return false;
      if (v.startsWith('--output=')) return toStdout(v.slice('--output='.length));
      if (v === '--output') return toStdout(cmd.args[i + 1]?.value);
      const o = shortValue(cmd.args, i, 'o', CURL_VALUE);
      if (o !== null && o !== undefined) return toStdout(o);
    }
    return true;
  }
  return false;
}

/**
 * Whether an interpreter at the end of a pipe runs its stdin: no inline program (`-c`, `-e`,
 * `-m`) and no script file, or an explicit `-`/`-s`. `curl … | python3 -c '…json…'` only parses.
 */
function runsStdin(cmd: ShellCommand): boolean {
  const shell = isShell(cmd.name);
  for (const a of cmd.args) {
    const v = a.value;
    if (v === '-' || (shell && clusterHas(v, 's', ''))) return true;
    if (v === '--') continue;
    if (v.startsWith('-')) {
      if (shell ? clusterHas(v, 'c', '') : /^-(?:[a-zA-Z]*[cemEp]|-eval|-print|-command)/.test(v)) return false;
      continue;
    }
    return false;
  }
  return true;
}

// The path before the program name is made of path characters only (no `(` nor backquote), so
// that from each `$(` the scan stops at the next one: `\S*\/` rescanned the rest of the word from
// every `$(` and made a word of n nested substitutions cost n².
const FETCH_SUBST = /(?:\$\(|`|<\()\s*(?:[\w.~+\${}-]*\/)*(curl|wget)\b/;
const RUNS_TEXT = new Set(['eval', 'source', '.']);

export default defineRule<Record<string, never>, Msg>(
  {
    id: 'curl-pipe-shell',
    kind: 'dockerfile',
    summary: 'A download is piped or substituted straight into a shell (`curl … | sh`)',
    category: 'security',
    severity: 'warning',
    recommended: true,
    aliases: [],
    messages: {
      pipe:
        '`{download} … | {shell}` runs whatever the server sends at build time, unchecked, so a compromised server or mirror takes over the image; download to a file, check it (`sha256sum -c`), then run it',
      substitution:
        '`{text}` runs whatever the server sends at build time, unchecked, so a compromised server or mirror takes over the image; download to a file, check it (`sha256sum -c`), then run it',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:run'(run) {
      const commands = runCommands(run);
      // Only a pipe can feed a download to a shell: most RUNs have none.
      const piped = commands.some((c) => c.next === '|');
      for (const line of piped ? pipelines(commands) : []) {
        const fetch = line.findIndex(downloadsToStdout);
        if (fetch < 0) continue;
        const sink = line.slice(fetch + 1).find((c) => isInterpreter(c.name) && runsStdin(c));
        if (!sink) continue;
        ctx.report({
          at: sink.nameWord.range,
          messageId: 'pipe',
          data: { download: baseName(line[fetch]!.name), shell: baseName(sink.name) },
          related: [{ at: line[fetch]!.range, message: 'the download' }],
        });
      }
      for (const cmd of commands) {
        const executes =
          isInterpreter(cmd.name) || RUNS_TEXT.has(cmd.name) || cmd.wrappers.some((w) => /^\S*sh -c$/.test(w)) || FETCH_SUBST.test(cmd.nameWord.value);
        if (!executes) continue;
        for (const word of [cmd.nameWord, ...cmd.args]) {
          if (!FETCH_SUBST.test(word.value)) continue;
          ctx.report({ at: word.range, messageId: 'substitution', data: { text: word.value.length > 60 ? `${word.value.slice(0, 57)}…` : word.value } });
          break;
        }
      }
    },
  }),
);
