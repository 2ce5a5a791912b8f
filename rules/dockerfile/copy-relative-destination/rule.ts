import { defineRule } from '../../../src/engine/types.js';
import { effectiveWorkdir, rootStage } from '../../../src/analysis/stages.js';

export default defineRule<Record<string, never>, 'relative'>(
  {
    id: 'copy-relative-destination',
    kind: 'dockerfile',
    summary: '`COPY`/`ADD` to a relative destination before any `WORKDIR`',
    category: 'reliability',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3045', fidelity: 'partial' }],
    messages: {
      relative:
        'Destination `{dest}` is relative, and no `WORKDIR` is set in this stage, so it lands in whatever directory the base image happens to use (often `/`); set `WORKDIR /app` first or write an absolute path',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:copy'(copy, file) {
      const dest = copy.destination;
      const stage = file.stages[copy.stageIndex];
      if (!dest || !stage || copy.sources.length === 0) return;
      const v = dest.value;
      // Absolute (Unix or Windows) or from a variable that may well be absolute.
      if (v.startsWith('/') || v.startsWith('$') || /^[A-Za-z]:[\\/]/.test(v) || v.startsWith('\\')) return;
      // A WORKDIR in this stage, or in an earlier stage this one is built FROM, settles it.
      if (effectiveWorkdir(file, stage, copy)) return;
      // A stage that starts from scratch has no base image to pick a directory: it is `/`.
      if (rootStage(file, stage).from.scratch) return;
      ctx.report({ at: dest.range, messageId: 'relative', data: { dest: v } });
    },
  }),
);
