import { defineRule } from '../../../src/engine/types.js';
import { keywordCase } from '../../../src/analysis/buildkit.js';

export default defineRule<Record<string, never>, 'asCasing'>(
  {
    id: 'from-as-casing',
    kind: 'dockerfile',
    summary: 'The `AS` of a `FROM` is cased differently from its `FROM` keyword',
    category: 'style',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'buildkit', code: 'FromAsCasing', fidelity: 'same' }],
    messages: {
      asCasing: '`{as}` is cased differently from `{from}`, which reads as a slip and makes Docker warn on every build; write `{want}`',
    },
    fix: 'safe',
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:from'(node, file) {
      if (!node.stageName) return;
      // A mixed-case `From` is the instruction-casing rule's business, as in BuildKit.
      const fromCase = keywordCase(node.keywordRaw);
      if (fromCase === 'mixed') return;
      const want = fromCase === 'upper' ? 'AS' : 'as';
      const as = node.stageName.asRange;
      const written = file.source.text.slice(as.start, as.end);
      if (written === want) return;
      ctx.report({
        at: as,
        messageId: 'asCasing',
        data: { as: written, from: node.keywordRaw, want },
        fix: { title: `write \`${want}\``, edits: [{ path: as.path, start: as.start, end: as.end, text: want }] },
      });
    },
  }),
);
