import { defineRule } from '../../../src/engine/types.js';
import { labelPairs, labelSchema } from '../../../src/analysis/labels.js';

export default defineRule<Record<string, never>, 'extra'>(
  {
    id: 'label-not-in-schema',
    kind: 'dockerfile',
    summary: 'With `settings.strictLabels`, a label that `settings.labelSchema` does not list',
    category: 'best-practice',
    severity: 'info',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3050', fidelity: 'same' }],
    messages: {
      extra:
        'Label `{label}` is not in `settings.labelSchema`, and `settings.strictLabels` allows no others, so tools reading the schema will not know it; remove it, or add it to the schema',
    },
    since: '0.1.0',
  },
  (ctx) => {
    const schema = labelSchema(ctx.settings);
    if (ctx.settings.strictLabels !== true) return {};
    return {
      'dockerfile:instruction'(ins) {
        for (const p of labelPairs(ins)) {
          if (!schema.has(p.key)) ctx.report({ at: p.range, messageId: 'extra', data: { label: p.key } });
        }
      },
    };
  },
);
