import { defineRule } from '../../../src/engine/types.js';
import { problemsOf } from '../../../src/analysis/stack-problems.js';

export default defineRule<Record<string, never>, 'cycle'>(
  {
    id: 'include-cycle',
    kind: 'compose',
    summary: 'Compose files include each other in a circle',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [],
    messages: {
      cycle:
        '`include` of `{file}` closes the cycle `{chain}`, so Compose refuses to load the project; remove the entry that leads back',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    project(project) {
      for (const p of problemsOf(project, 'include-cycle')) ctx.report({ at: p.at, messageId: 'cycle', data: p.data });
    },
  }),
);
