import { defineRule } from '../../../src/engine/types.js';

export default defineRule<Record<string, never>, 'duplicate'>(
  {
    id: 'duplicate-yaml-key',
    kind: 'compose',
    summary: 'A mapping in the compose file has the same key twice',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [],
    messages: {
      duplicate:
        'Key `{key}` is written twice in this mapping; Compose refuses the file, and even YAML tools that accept it keep only one of the values: merge the two into one `{key}:`',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    compose(file) {
      for (const d of file.duplicateKeys) {
        ctx.report({
          at: d.range,
          messageId: 'duplicate',
          data: { key: d.key },
          related: [{ at: d.first, message: `\`${d.key}\` is first written here` }],
        });
      }
    },
  }),
);
