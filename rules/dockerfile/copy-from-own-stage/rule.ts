import { defineRule } from '../../../src/engine/types.js';

export default defineRule<Record<string, never>, 'self'>(
  {
    id: 'copy-from-own-stage',
    kind: 'dockerfile',
    summary: '`COPY --from=` names the stage it is in',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3023', fidelity: 'same' }],
    messages: {
      self: '`COPY --from={name}` names the stage it is in, which is not built yet, so the build fails with a circular dependency; copy from an earlier stage, or use a plain `COPY` or `RUN cp` within the stage',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:copy'(copy, file) {
      const flag = copy.from;
      const stage = file.stages[copy.stageIndex];
      if (!flag?.value || !stage) return;
      const value = flag.value;
      const self = /^\d+$/.test(value) ? Number(value) === stage.index : stage.name !== undefined && value.toLowerCase() === stage.name;
      if (self) ctx.report({ at: flag.valueRange ?? flag.range, messageId: 'self', data: { name: value } });
    },
  }),
);
