import { defineRule } from '../../../src/engine/types.js';
import type { Instruction } from '../../../src/parse/dockerfile/model.js';
import { deleteInstruction, overridden } from '../../../src/analysis/duplicates.js';

// Instructions of which a stage keeps only the last; `HEALTHCHECK CMD …` and `ONBUILD CMD …`
// have their own keywords, so they never count as a `CMD`.
const SINGLE = ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'];

export default defineRule<Record<string, never>, 'overridden'>(
  {
    id: 'multiple-instructions-disallowed',
    kind: 'dockerfile',
    summary: 'A stage has more than one `CMD`, `ENTRYPOINT` or `HEALTHCHECK`: only the last one counts',
    category: 'correctness',
    severity: 'warning',
    recommended: true,
    aliases: [
      { tool: 'buildkit', code: 'MultipleInstructionsDisallowed', fidelity: 'same' },
      // hadolint splits the concept in three codes, with their own severities, and reports the
      // later instruction instead of the ignored one: see docs.md.
      { tool: 'hadolint', code: 'DL4003', fidelity: 'partial' },
      { tool: 'hadolint', code: 'DL4004', fidelity: 'partial' },
      { tool: 'hadolint', code: 'DL3012', fidelity: 'partial' },
    ],
    messages: {
      overridden:
        'This `{keyword}` is replaced by the `{keyword}` on line {line} of the same stage, so it has no effect; delete it or merge the two into the last one',
    },
    fix: 'safe',
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:stage'(stage, file) {
      const found: { ins: Instruction; last: Instruction }[] = [];
      for (const keyword of SINGLE) {
        const group = overridden(stage, keyword);
        if (group) for (const ins of group.dead) found.push({ ins, last: group.last });
      }
      found.sort((a, b) => a.ins.range.start - b.ins.range.start);
      for (const { ins, last } of found) {
        const edit = deleteInstruction(file, ins);
        // Deleting a dead instruction leaves the built image as it was, hence a safe fix.
        const fix = edit ? { title: `delete the ignored \`${ins.keyword}\``, edits: [edit] } : undefined;
        ctx.report({
          at: ins.keywordRange,
          messageId: 'overridden',
          data: { keyword: ins.keyword, line: file.source.positionAt(last.keywordRange.start).line },
          related: [{ at: last.keywordRange, message: `the \`${ins.keyword}\` that takes effect` }],
          ...(fix ? { fix } : {}),
        });
      }
    },
  }),
);
