import { defineRule } from '../../../src/engine/types.js';

/**
 * The engine reports these findings itself (src/engine/file-guard.ts): a file above the size limit
 * is never read, so no visitor could see it. The rule exists so the finding has an id, a severity
 * and docs, and can be turned off like any other.
 */
export default defineRule<Record<string, never>, 'tooLarge'>(
  {
    id: 'file-too-large',
    kind: 'project',
    summary: 'A file to lint is larger than `settings.maxFileSize` and was skipped',
    category: 'correctness',
    severity: 'warning',
    recommended: true,
    aliases: [],
    messages: {
      tooLarge: 'Not linted: the file is {size}, more than settings.maxFileSize ({limit}); raise the limit or leave the file out with `ignore`',
    },
    since: '0.1.0',
  },
  () => ({}),
);
