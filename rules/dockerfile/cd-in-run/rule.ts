import { defineRule } from '../../../src/engine/types.js';
import type { ShellCommand } from '../../../src/parse/dockerfile/shell/types.js';
import { commandsOf } from '../../../src/analysis/run-commands.js';
import { effectiveWorkdir } from '../../../src/analysis/stages.js';

const strip = (p: string) => (p.length > 1 ? p.replace(/\/+$/, '') : p);
const under = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);

/**
 * Whether the RUN treats the directory as scratch space of its own: it creates, clones or
 * unpacks it before the `cd` (an earlier argument names it, or starts with it, like
 * `node-v20.tar.xz` for `cd node-v20`), removes it (or its parent) afterwards, or goes back
 * (`cd /`, `cd -`) before the RUN ends. WORKDIR would be
 * wrong there: it would leave the directory in the image, and the cleanup would not be in one layer.
 */
function scratchDir(commands: readonly ShellCommand[], i: number, dir: string): boolean {
  for (let k = 0; k < i; k++) {
    if (commands[k]!.args.some((a) => { const v = strip(a.value); return v === dir || (dir.length > 1 && v.startsWith(dir)); })) return true;
  }
  for (let k = i + 1; k < commands.length; k++) {
    const c = commands[k]!;
    // `cd /usr/src/php; …; cd /`: a deliberate excursion that returns before the RUN ends.
    if (c.name === 'cd' && !c.subshell && /^(?:|-|\/|~|\$OLDPWD|"\$OLDPWD")$/.test(c.args.find((a) => !a.value.startsWith('-') || a.value === '-')?.value ?? '')) return true;
    if (c.name === 'rm' && c.args.some((a) => !a.value.startsWith('-') && (under(dir, strip(a.value)) || under(strip(a.value), dir)))) return true;
  }
  return false;
}

export default defineRule<Record<string, never>, 'cd'>(
  {
    id: 'cd-in-run',
    kind: 'dockerfile',
    summary: '`cd` in a RUN instead of `WORKDIR`',
    category: 'best-practice',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3003', fidelity: 'partial' }],
    messages: {
      cd: '`cd {dir}` changes the directory only until this RUN ends, so later instructions silently run elsewhere; set it with `WORKDIR {dir}` before the RUN, or run the command in a subshell `( cd {dir} && … )`',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:instruction'(ins, file) {
      const commands = commandsOf(file, ins);
      for (let i = 0; i < commands.length; i++) {
        const cmd = commands[i]!;
        // In a subshell (or `sh -c`) the directory change ends with it: nothing to mislead.
        if (cmd.name !== 'cd' || cmd.subshell) continue;
        const word = cmd.args.find((a) => !a.value.startsWith('-') || a.value === '-');
        const dir = strip(word?.value ?? '');
        // Going back (`cd -`, `cd /`, `cd ~`) and temporary directories are no WORKDIR candidates.
        if (/^(?:|-|\/|~|\.\.?)$/.test(dir) || /\$\(|`/.test(dir) || /^\/(?:var\/)?tmp(?:\/|$)/.test(dir)) return;
        // Once the RUN works in a build directory of its own, later `cd`s belong to that work.
        if (scratchDir(commands, i, dir)) return;
        // With a WORKDIR already set, the `cd` is a visible excursion from it for this step:
        // replacing it with WORKDIR would move every later instruction too.
        const stage = ins.keyword === 'RUN' ? file.stages[ins.stageIndex] : undefined;
        if (stage && effectiveWorkdir(file, stage, ins)) return;
        ctx.report({ at: cmd.nameWord.range, messageId: 'cd', data: { dir } });
        // One finding per RUN: the first `cd` is the one WORKDIR would replace.
        return;
      }
    },
  }),
);
