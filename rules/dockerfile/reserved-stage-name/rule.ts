import { defineRule } from '../../../src/engine/types.js';

const RESERVED = new Set(['scratch', 'context']);

export default defineRule<Record<string, never>, 'reserved'>(
  {
    id: 'reserved-stage-name',
    kind: 'dockerfile',
    summary: 'A stage is named `scratch` or `context`, names Docker reserves',
    category: 'correctness',
    severity: 'warning',
    recommended: true,
    aliases: [
      { tool: 'buildkit', code: 'ReservedStageName', fidelity: 'same' },
      { tool: 'hadolint', code: 'DL3063', fidelity: 'same' },
    ],
    messages: {
      reserved:
        'Stage name `{name}` is reserved by Docker (`{lower}` already means {meaning}), so references to it do not reach this stage; pick another name such as `{lower}-stage`',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:from'(node) {
      const def = node.stageName;
      if (!def) return;
      const lower = def.value.toLowerCase();
      if (!RESERVED.has(lower)) return;
      const meaning = lower === 'scratch' ? 'the empty base image' : 'the build context';
      ctx.report({ at: def.range, messageId: 'reserved', data: { name: def.value, lower, meaning } });
    },
  }),
);
