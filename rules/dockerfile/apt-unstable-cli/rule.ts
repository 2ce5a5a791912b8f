import { defineRule } from '../../../src/engine/types.js';
import { callsTo } from '../../../src/analysis/shell-query.js';

export default defineRule<Record<string, never>, 'apt'>(
  {
    id: 'apt-unstable-cli',
    kind: 'dockerfile',
    summary: '`apt` in a RUN: its command line is meant for people and may change between releases',
    category: 'reliability',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3027', fidelity: 'same' }],
    messages: {
      apt: '`apt` is the interactive front end whose output and behaviour may change between releases (it warns so itself in scripts); use `apt-get` or `apt-cache` instead',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      for (const { cmd } of callsTo(file, ['apt'])) {
        ctx.report({ at: cmd.nameWord.range, messageId: 'apt' });
      }
    },
  }),
);
