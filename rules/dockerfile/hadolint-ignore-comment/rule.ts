import { defineRule } from '../../../src/engine/types.js';

/** hadolint's inline form only: `global ignore=`, `stage ignore=` and `shell=` are not it. */
const INLINE_IGNORE = /^hadolint\s+ignore\s*=/;

export default defineRule<Record<string, never>, 'inlineIgnore'>(
  {
    id: 'hadolint-ignore-comment',
    kind: 'dockerfile',
    summary: 'An inline `# hadolint ignore=` comment silences findings',
    category: 'style',
    severity: 'info',
    recommended: false,
    aliases: [{ tool: 'hadolint', code: 'DL1001', fidelity: 'same' }],
    messages: {
      inlineIgnore: 'This `# hadolint ignore=` comment silences findings on the next instruction, and your policy asks to fix them instead; fix what it hides and delete the comment, or move the exception to the config file',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      for (const c of file.comments) {
        if (INLINE_IGNORE.test(c.text)) ctx.report({ at: c.range, messageId: 'inlineIgnore' });
      }
    },
  }),
);
