import { defineRule } from '../../../src/engine/types.js';
import type { Instruction } from '../../../src/parse/dockerfile/model.js';

const SINGLE = ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'];

export default defineRule<Record<string, never>, 'overridden'>(
  {
    id: 'multiple-instructions-disallowed',
    kind: 'dockerfile',
    summary: 'A stage has more than one `CMD`, `ENTRYPOINT` or `HEALTHCHECK`: only the last one counts',
    category: 'correctness',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'buildkit', code: 'MultipleInstructionsDisallowed', fidelity: 'same' }],
    messages: {
      overridden:
        'This `{keyword}` is replaced by the `{keyword}` on line {line} of the same stage, so it has no effect; remove it or merge the two',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:stage'(stage, file) {
      const last = new Map<string, Instruction>();
      for (let i = stage.instructions.length - 1; i >= 0; i--) {
        const ins = stage.instructions[i]!;
        if (!SINGLE.includes(ins.keyword)) continue;
        const later = last.get(ins.keyword);
        if (!later) {
          last.set(ins.keyword, ins);
          continue;
        }
        ctx.report({
          at: ins.keywordRange,
          messageId: 'overridden',
          data: { keyword: ins.keyword, line: file.source.positionAt(later.keywordRange.start).line },
          related: [{ at: later.keywordRange, message: `the \`${ins.keyword}\` that takes effect` }],
        });
      }
    },
  }),
);
