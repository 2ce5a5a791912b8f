import { defineRule } from '../../../src/engine/types.js';
import { keywordCase } from '../../../src/analysis/buildkit.js';

export default defineRule<Record<string, never>, 'mixedCase' | 'minorityCase'>(
  {
    id: 'consistent-instruction-casing',
    kind: 'dockerfile',
    summary: 'An instruction keyword is mixed-case, or cased differently from most keywords of the file',
    category: 'style',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'buildkit', code: 'ConsistentInstructionCasing', fidelity: 'same' }],
    messages: {
      mixedCase: '`{raw}` mixes upper and lower case, which makes keywords harder to spot and Docker warn on every build; write `{want}` like the rest of the file',
      minorityCase: '`{raw}` is {actual}-case while most instructions of this file are {majority}-case, and Docker warns about the mix on every build; write `{want}`',
    },
    fix: 'safe',
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      let upper = 0;
      let lower = 0;
      for (const ins of file.instructions) {
        const c = keywordCase(ins.keywordRaw);
        if (c === 'upper') upper++;
        else if (c === 'lower') lower++;
      }
      // Ties go to upper case, the documented convention.
      const majority = lower > upper ? 'lower' : 'upper';
      for (const ins of file.instructions) {
        const c = keywordCase(ins.keywordRaw);
        if (c === majority) continue;
        const want = majority === 'upper' ? ins.keywordRaw.toUpperCase() : ins.keywordRaw.toLowerCase();
        const r = ins.keywordRange;
        ctx.report({
          at: r,
          messageId: c === 'mixed' ? 'mixedCase' : 'minorityCase',
          data: { raw: ins.keywordRaw, want, actual: c, majority },
          fix: { title: `write \`${want}\``, edits: [{ path: r.path, start: r.start, end: r.end, text: want }] },
        });
      }
    },
  }),
);
