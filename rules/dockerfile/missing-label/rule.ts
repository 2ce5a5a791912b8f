import { defineRule } from '../../../src/engine/types.js';
import { labelSchema, stageLabels } from '../../../src/analysis/labels.js';

export default defineRule<Record<string, never>, 'missing'>(
  {
    id: 'missing-label',
    kind: 'dockerfile',
    summary: 'The image lacks a label required by `settings.labelSchema`',
    category: 'best-practice',
    severity: 'info',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3049', fidelity: 'partial' }],
    messages: {
      missing:
        'The image has no label `{label}`, which `settings.labelSchema` requires so images can be traced and audited; add `LABEL {label}=<{type}>` to the final stage',
    },
    since: '0.1.0',
  },
  (ctx) => {
    const schema = labelSchema(ctx.settings);
    if (schema.size === 0) return {};
    return {
      dockerfile(file) {
        // Only the final stage becomes the image: labels of builder stages are never seen.
        const final = file.stages.find((s) => s.final) ?? file.stages[file.stages.length - 1];
        if (!final) return;
        const labels = stageLabels(file, final);
        for (const [label, type] of schema) {
          if (!labels.has(label)) ctx.report({ at: final.from.image.range, messageId: 'missing', data: { label, type } });
        }
      },
    };
  },
);
