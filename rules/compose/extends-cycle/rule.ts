import { defineRule } from '../../../src/engine/types.js';
import { problemsOf } from '../../../src/analysis/stack-problems.js';

export default defineRule<Record<string, never>, 'cycle'>(
  {
    id: 'extends-cycle',
    kind: 'compose',
    summary: 'Services extend each other in a circle',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [],
    messages: {
      cycle:
        'Service `{service}` extends itself through `{chain}`, so Compose cannot resolve its configuration and refuses to load the project; let one of these services stop extending the next',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    project(project) {
      for (const p of problemsOf(project, 'extends-cycle')) ctx.report({ at: p.at, messageId: 'cycle', data: p.data });
    },
  }),
);
