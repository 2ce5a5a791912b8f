import { defineRule } from '../../../src/engine/types.js';
import type { Stage } from '../../../src/parse/dockerfile/model.js';

/** The final stage and the earlier stages it is built `FROM`, nearest first. */
function chain(stages: readonly Stage[], final: Stage): Stage[] {
  const out: Stage[] = [];
  for (let s: Stage | undefined = final; s && !out.includes(s); s = s.from.stageRef === undefined ? undefined : stages[s.from.stageRef]) out.push(s);
  return out;
}

export default defineRule<Record<string, never>, 'missing'>(
  {
    id: 'missing-healthcheck',
    kind: 'dockerfile',
    summary: 'The final stage declares no `HEALTHCHECK` (opt-in)',
    category: 'reliability',
    severity: 'info',
    recommended: false,
    aliases: [{ tool: 'hadolint', code: 'DL3057', fidelity: 'partial' }],
    messages: {
      missing:
        'The final stage declares no `HEALTHCHECK`, so Docker reports the container healthy as soon as it starts, even when the service inside hangs; add e.g. `HEALTHCHECK CMD wget -qO- http://localhost:8080/health || exit 1`, or `HEALTHCHECK NONE` to say it has none',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      const final = file.stages.find((s) => s.final) ?? file.stages[file.stages.length - 1];
      if (!final) return;
      const stages = chain(file.stages, final);
      if (stages.some((s) => s.instructions.some((i) => i.keyword === 'HEALTHCHECK'))) return;
      // A files-only image (scratch, nothing to run) is exported or copied from, never run.
      const runs = stages.some((s) => s.instructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT'));
      if (!runs && stages[stages.length - 1]!.from.scratch) return;
      ctx.report({ at: final.from.image.range, messageId: 'missing' });
    },
  }),
);
