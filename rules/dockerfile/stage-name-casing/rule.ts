import { defineRule } from '../../../src/engine/types.js';
import { stageReferences } from '../../../src/analysis/buildkit.js';

export default defineRule<Record<string, never>, 'upperCase'>(
  {
    id: 'stage-name-casing',
    kind: 'dockerfile',
    summary: 'A stage name has upper-case letters, although Docker treats stage names as lower-case',
    category: 'style',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'buildkit', code: 'StageNameCasing', fidelity: 'same' }],
    messages: {
      upperCase:
        'Stage name `{name}` has upper-case letters, but Docker lower-cases stage names, so `{lower}` is what `--target` and `--from` really match; name it `{lower}`',
    },
    fix: 'safe',
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      for (const stage of file.stages) {
        const def = stage.from.stageName;
        if (!def || def.value === def.value.toLowerCase()) continue;
        const lower = def.value.toLowerCase();
        // Every literal reference changes with the definition, so the file keeps building.
        const text = file.source.text;
        const edits = [def.range, ...stageReferences(file, lower)]
          .filter((r) => text.slice(r.start, r.end) !== lower)
          .map((r) => ({ path: r.path, start: r.start, end: r.end, text: lower }));
        ctx.report({
          at: def.range,
          messageId: 'upperCase',
          data: { name: def.value, lower },
          fix: { title: `rename the stage to \`${lower}\` everywhere`, edits },
        });
      }
    },
  }),
);
