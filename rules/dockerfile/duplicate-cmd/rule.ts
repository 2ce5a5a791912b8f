import { defineRule } from '../../../src/engine/types.js';
import { deleteInstruction, overridden } from '../../../src/analysis/duplicates.js';

export default defineRule<Record<string, never>, 'overridden'>(
  {
    id: 'duplicate-cmd',
    kind: 'dockerfile',
    summary: 'A stage has more than one `CMD`; all but the last are ignored',
    category: 'correctness',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL4003', fidelity: 'same' }],
    messages: {
      overridden: 'Only the last `CMD` of a stage takes effect, so this one is ignored (a container runs one command); delete it and keep the one on line {line}',
    },
    fix: 'safe',
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:stage'(stage, file) {
      const found = overridden(stage, 'CMD');
      if (!found) return;
      const line = file.source.positionAt(found.last.keywordRange.start).line;
      for (const ins of found.dead) {
        const edit = deleteInstruction(file, ins);
        ctx.report({
          at: ins.keywordRange,
          messageId: 'overridden',
          data: { line },
          related: [{ at: found.last.keywordRange, message: 'this `CMD` replaces it' }],
          ...(edit ? { fix: { title: 'delete the ignored `CMD`', edits: [edit] } } : {}),
        });
      }
    },
  }),
);
