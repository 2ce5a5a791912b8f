import { defineRule } from '../../../src/engine/types.js';
import { problemsOf } from '../../../src/analysis/stack-problems.js';

export default defineRule<Record<string, never>, 'missing'>(
  {
    id: 'include-file-missing',
    kind: 'compose',
    summary: '`include` names a compose file that does not exist',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [],
    messages: {
      missing:
        '`include` names `{file}`, which does not exist (paths are relative to the including file), so Compose refuses to load the project; correct the path or remove the entry',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    project(project) {
      for (const p of problemsOf(project, 'include-missing-file')) ctx.report({ at: p.at, messageId: 'missing', data: p.data });
    },
  }),
);
