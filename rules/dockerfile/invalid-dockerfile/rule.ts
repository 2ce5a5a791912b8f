import { defineRule } from '../../../src/engine/types.js';

export default defineRule<Record<string, never>, 'problem'>(
  {
    id: 'invalid-dockerfile',
    kind: 'dockerfile',
    summary: 'The Dockerfile has an error that makes BuildKit refuse to build it',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [
      { tool: 'hadolint', code: 'DL1000', fidelity: 'partial' },
      { tool: 'hadolint', code: 'DL3061', fidelity: 'partial' },
    ],
    messages: {
      problem: 'BuildKit rejects this Dockerfile: {message}',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      // The parser keeps going after a problem, so every one of them is worth showing at once.
      for (const p of file.problems) {
        ctx.report({ at: p.range, messageId: 'problem', data: { message: p.message.replace(/\.\s*$/, '') } });
      }
    },
  }),
);
