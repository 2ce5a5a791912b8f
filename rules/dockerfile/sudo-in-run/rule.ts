import { defineRule } from '../../../src/engine/types.js';
import { commandsOf, wrapperRange } from '../../../src/analysis/run-commands.js';

export default defineRule<Record<string, never>, 'sudo'>(
  {
    id: 'sudo-in-run',
    kind: 'dockerfile',
    summary: '`sudo` in a RUN',
    category: 'security',
    severity: 'error',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3004', fidelity: 'same' }],
    messages: {
      sudo: '`sudo {command}` needs `sudo` installed and configured in the image, which leaves a way to become root for whoever runs it, and its tty and environment handling break builds; switch with `USER root` before this step and back to the unprivileged user after it',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:instruction'(ins, file) {
      for (const cmd of commandsOf(file, ins)) {
        // The lexer strips `sudo` off the command it runs; a bare `sudo` (nothing to run) stays the name.
        if (cmd.name === 'sudo' && !cmd.nameWord.dynamic) {
          ctx.report({ at: cmd.nameWord.range, messageId: 'sudo', data: { command: '…' } });
        } else if (cmd.wrappers.includes('sudo')) {
          const at = wrapperRange(file, cmd, 'sudo') ?? cmd.nameWord.range;
          ctx.report({ at, messageId: 'sudo', data: { command: cmd.name } });
        }
      }
    },
  }),
);
