import { defineRule } from '../../../src/engine/types.js';
import { commandsOf } from '../../../src/analysis/run-commands.js';
import { baseName } from '../../../src/analysis/shell-commands.js';

/** Commands that inspect or steer running processes and hardware: nothing of that lasts past the RUN. */
const NO_EFFECT = new Set(['free', 'kill', 'mount', 'ps', 'service', 'shutdown', 'top', 'ifconfig']);
/** Commands that wait for a person at a terminal, which a build never has. */
const INTERACTIVE = new Set(['vim', 'ssh']);

export default defineRule<Record<string, never>, 'noEffect' | 'interactive'>(
  {
    id: 'pointless-command-in-run',
    kind: 'dockerfile',
    summary: 'RUN calls a command that makes no sense in an image build (`ps`, `service`, `vim`, `ssh`, …)',
    category: 'best-practice',
    severity: 'info',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3001', fidelity: 'same' }],
    messages: {
      noEffect:
        '`{command}` acts on running processes or devices, but no process started in a RUN survives it and the image keeps only files; remove it, and start services in `CMD`/`ENTRYPOINT` instead',
      interactive:
        '`{command}` is interactive, and a build has no terminal to answer it; edit files with `COPY` or `sed`, and fetch sources with `git`, `curl` or a `--mount=type=ssh` step',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:instruction'(ins, file) {
      const commands = commandsOf(file, ins);
      // `server & pid=$!; …; kill $pid`: stopping what this RUN started in the background is fine.
      const background = commands.some((c) => c.next === '&');
      for (const cmd of commands) {
        if (cmd.nameWord.dynamic) continue;
        const name = baseName(cmd.name);
        if (background && name === 'kill') continue;
        const messageId = NO_EFFECT.has(name) ? 'noEffect' : INTERACTIVE.has(name) ? 'interactive' : undefined;
        if (messageId) ctx.report({ at: cmd.nameWord.range, messageId, data: { command: name } });
      }
    },
  }),
);
