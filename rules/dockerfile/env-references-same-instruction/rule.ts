import { defineRule } from '../../../src/engine/types.js';
import type { ArgInstruction, EnvInstruction } from '../../../src/parse/dockerfile/model.js';
import { visibleInstructions } from '../../../src/analysis/stages.js';

const REF = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)|([A-Za-z_][A-Za-z0-9_]*))/g;

export default defineRule<Record<string, never>, 'sameInstruction'>(
  {
    id: 'env-references-same-instruction',
    kind: 'dockerfile',
    summary: 'An `ENV` value uses a variable set earlier in the same `ENV` instruction',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3044', fidelity: 'same' }],
    messages: {
      sameInstruction:
        '`{ref}` is expanded before this `ENV` runs, so it does not see `{name}={value}` set earlier on the same instruction and keeps its value from before (usually none); set `{name}` in an `ENV` of its own above this one',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:instruction'(node, file) {
      if (node.keyword !== 'ENV' || node.stageIndex < 0) return;
      const env = node as EnvInstruction;
      if (env.pairs.length < 2) return;
      const stage = file.stages[env.stageIndex]!;
      // A name set before this ENV has a value, just the old one: that is someone's intent.
      const known = new Set<string>();
      for (const ins of visibleInstructions(file, stage, env)) {
        if (ins.keyword === 'ARG') for (const v of (ins as ArgInstruction).vars) known.add(v.name);
        if (ins.keyword === 'ENV') for (const p of (ins as EnvInstruction).pairs) known.add(p.key);
      }
      const text = file.source.text;
      const earlier = new Map<string, string>();
      for (const pair of env.pairs) {
        const raw = text.slice(pair.valueRange.start, pair.valueRange.end);
        // Single quotes keep `$` literal.
        if (!raw.startsWith("'")) {
          for (const m of raw.matchAll(REF)) {
            const name = (m[1] ?? m[2])!;
            if (!earlier.has(name) || known.has(name)) continue;
            if (m.index! > 0 && raw[m.index! - 1] === file.escapeChar) continue;
            const start = pair.valueRange.start + m.index!;
            const end = m[1] ? Math.min(pair.valueRange.end, text.indexOf('}', start) + 1 || pair.valueRange.end) : start + m[0].length;
            ctx.report({
              at: { path: pair.valueRange.path, start, end },
              messageId: 'sameInstruction',
              data: { ref: text.slice(start, end), name, value: earlier.get(name)! },
            });
          }
        }
        earlier.set(pair.key, pair.value);
      }
    },
  }),
);
