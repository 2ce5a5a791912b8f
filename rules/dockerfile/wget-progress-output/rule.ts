import { defineRule } from '../../../src/engine/types.js';
import { callsTo, parseArgs } from '../../../src/analysis/shell-query.js';

/** wget's short options that take a value (`-nv` is `-n` with `v`). */
const WGET = {
  shortValue: 'oaeiBtTwQPUlARDIXOn',
  longValue: ['output-file', 'append-output', 'output-document', 'input-file', 'tries', 'timeout', 'wait', 'directory-prefix', 'user-agent', 'header', 'user', 'password', 'progress'],
};

export default defineRule<Record<string, never>, 'progress'>(
  {
    id: 'wget-progress-output',
    kind: 'dockerfile',
    summary: '`wget` without `--progress` or `-q` floods the build log with progress bars',
    category: 'style',
    severity: 'info',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3047', fidelity: 'same' }],
    messages: {
      progress:
        '`wget` without a progress setting prints a progress line every few kilobytes, which can fill the build log with thousands of lines; write `wget --progress=dot:giga` (or `-q` / `-nv`)',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      for (const { cmd } of callsTo(file, ['wget'])) {
        const quiet = parseArgs(cmd.args, WGET).options.some((o) =>
          o.long
            ? ['progress', 'quiet', 'no-verbose', 'output-file', 'append-output'].includes(o.name)
            : o.name === 'q' || o.name === 'o' || o.name === 'a' || (o.name === 'n' && o.value === 'v'),
        );
        if (!quiet) ctx.report({ at: cmd.nameWord.range, messageId: 'progress' });
      }
    },
  }),
);
