import { defineRule } from '../../../src/engine/types.js';
import { labelPairs, labelSchema } from '../../../src/analysis/labels.js';

export default defineRule<Record<string, never>, 'empty'>(
  {
    id: 'empty-label',
    kind: 'dockerfile',
    summary: 'A label of `settings.labelSchema` is set to an empty value',
    category: 'best-practice',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3051', fidelity: 'same' }],
    messages: {
      empty:
        'Label `{label}` is empty, so the image carries the key without the information `settings.labelSchema` asks for; write a value, e.g. `{label}=<{type}>`',
    },
    since: '0.1.0',
  },
  (ctx) => {
    const schema = labelSchema(ctx.settings);
    if (schema.size === 0) return {};
    return {
      'dockerfile:instruction'(ins) {
        for (const p of labelPairs(ins)) {
          const type = schema.get(p.key);
          if (type !== undefined && p.value.trim() === '') ctx.report({ at: p.range, messageId: 'empty', data: { label: p.key, type } });
        }
      },
    };
  },
);
