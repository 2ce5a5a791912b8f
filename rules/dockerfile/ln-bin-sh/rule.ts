import { defineRule } from '../../../src/engine/types.js';
import { commandsOf } from '../../../src/analysis/run-commands.js';
import { baseName } from '../../../src/analysis/shell-commands.js';

export default defineRule<Record<string, never>, 'replaceShell'>(
  {
    id: 'ln-bin-sh',
    kind: 'dockerfile',
    summary: '`ln` replaces `/bin/sh` to change the shell of RUN',
    category: 'best-practice',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL4005', fidelity: 'partial' }],
    messages: {
      replaceShell:
        '`ln` over `/bin/sh` swaps the shell of every later RUN and of every script in the image behind the Dockerfile\'s back; keep `/bin/sh` and write `SHELL ["/bin/bash", "-c"]` instead',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:instruction'(ins, file) {
      for (const cmd of commandsOf(file, ins)) {
        if (baseName(cmd.name) !== 'ln') continue;
        const operands = cmd.args.filter((a) => !a.value.startsWith('-'));
        // Only the link being created matters: `ln -s /bin/sh /usr/local/bin/sh` leaves /bin/sh alone.
        const target = operands.length >= 2 ? operands[operands.length - 1]! : undefined;
        if (target && /^\/(?:usr\/)?bin\/sh\/?$/.test(target.value)) {
          ctx.report({ at: target.range, messageId: 'replaceShell' });
        }
      }
    },
  }),
);
