import { defineRule } from '../../../src/engine/types.js';
import type { ShellCommand } from '../../../src/parse/dockerfile/shell/types.js';
import { commandsOf } from '../../../src/analysis/run-commands.js';
import { baseChain } from '../../../src/analysis/stages.js';
import { baseName } from '../../../src/analysis/shell-commands.js';

const TOOLS = new Set(['wget', 'curl']);

export default defineRule<Record<string, never>, 'both'>(
  {
    id: 'wget-and-curl',
    kind: 'dockerfile',
    summary: 'A stage uses both `wget` and `curl`',
    category: 'best-practice',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL4001', fidelity: 'partial' }],
    messages: {
      both: 'This stage already downloads with `{other}`, and `{tool}` is a second tool for the same job that the image must carry; use `{other}` here too',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:stage'(stage, file) {
      // A stage built on an earlier stage carries that stage's tools too.
      const chain = baseChain(file, stage).reverse();
      const first = new Map<string, ShellCommand>();
      for (const s of chain) {
        for (const ins of s.instructions) {
          // ONBUILD triggers run in another build: they do not add tools to this one.
          if (ins.keyword !== 'RUN') continue;
          for (const cmd of commandsOf(file, ins)) {
            const tool = baseName(cmd.name);
            if (!TOOLS.has(tool) || cmd.nameWord.dynamic || first.has(tool)) continue;
            first.set(tool, cmd);
            if (first.size < 2) continue;
            // Reported once, where the second tool comes in, and only by the stage that owns that line.
            if (s !== stage) return;
            const other = tool === 'wget' ? 'curl' : 'wget';
            ctx.report({
              at: cmd.nameWord.range,
              messageId: 'both',
              data: { tool, other },
              related: [{ at: first.get(other)!.nameWord.range, message: `\`${other}\` is used here` }],
            });
            return;
          }
        }
      }
    },
  }),
);
