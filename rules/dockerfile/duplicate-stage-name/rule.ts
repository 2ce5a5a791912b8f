import { defineRule } from '../../../src/engine/types.js';
import type { Stage } from '../../../src/parse/dockerfile/model.js';

export default defineRule<Record<string, never>, 'duplicate'>(
  {
    id: 'duplicate-stage-name',
    kind: 'dockerfile',
    summary: 'Two stages have the same name (compared case-insensitively)',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [
      { tool: 'buildkit', code: 'DuplicateStageName', fidelity: 'same' },
      { tool: 'hadolint', code: 'DL3024', fidelity: 'partial' },
    ],
    messages: {
      duplicate:
        'Stage name `{name}` is already used by the stage on line {line}, so `--from`, `FROM` and `--target` cannot tell them apart; give this stage its own name such as `{lower}-2`',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      const first = new Map<string, Stage>();
      for (const stage of file.stages) {
        const def = stage.from.stageName;
        if (!def || stage.name === undefined) continue;
        const earlier = first.get(stage.name);
        if (!earlier) {
          first.set(stage.name, stage);
          continue;
        }
        const at = earlier.from.stageName!.range;
        ctx.report({
          at: def.range,
          messageId: 'duplicate',
          data: { name: def.value, lower: stage.name, line: file.source.positionAt(at.start).line },
          related: [{ at, message: `stage \`${earlier.from.stageName!.value}\` is defined here first` }],
        });
      }
    },
  }),
);
