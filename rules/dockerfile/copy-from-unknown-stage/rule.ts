import { defineRule } from '../../../src/engine/types.js';
import { didYouMean } from '../../../src/text/did-you-mean.js';

type Msg = 'laterStage' | 'laterIndex' | 'notAStage' | 'notAStageDidYouMean';

export default defineRule<Record<string, never>, Msg>(
  {
    id: 'copy-from-unknown-stage',
    kind: 'dockerfile',
    summary: '`COPY --from=` names no earlier stage',
    category: 'correctness',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3022', fidelity: 'partial' }],
    messages: {
      laterStage: 'Stage `{name}` is defined later in the file, and a stage can only copy from stages built before it; move stage `{name}` above this one',
      laterIndex: 'Stage index `{name}` is not an earlier stage (this is stage {current}), and a stage can only copy from stages built before it; use the name of an earlier stage',
      notAStage:
        '`{name}` is no stage of this Dockerfile, so Docker pulls the image `{name}:latest` from a registry; if you meant an image, pin it as `{name}:<version>`, otherwise name an earlier stage',
      notAStageDidYouMean:
        '`{name}` is no stage of this Dockerfile, so Docker pulls the image `{name}:latest` from a registry; did you mean stage `{suggestion}`?',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:copy'(copy, file) {
      const flag = copy.from;
      const value = flag?.value;
      // A tag or digest makes it an image; variables are only known at build time.
      if (!flag || !value || /[:@$]/.test(value) || copy.stageIndex < 0) return;
      const at = flag.valueRange ?? flag.range;
      const current = copy.stageIndex;
      if (/^\d+$/.test(value)) {
        // Equal to the current stage is copy-from-own-stage's case.
        if (Number(value) > current) ctx.report({ at, messageId: 'laterIndex', data: { name: value, current } });
        return;
      }
      const name = value.toLowerCase();
      const idx = file.stages.findIndex((s) => s.name === name);
      if (idx >= 0 && idx <= current) return;
      if (idx > current) {
        ctx.report({ at, messageId: 'laterStage', data: { name: value }, related: [{ at: file.stages[idx]!.from.stageName!.range, message: `stage \`${value}\` is defined here` }] });
        return;
      }
      const earlier = file.stages.slice(0, current).flatMap((s) => (s.name ? [s.name] : []));
      // `set` for `license-set`: a stage name that is one part of a longer one is a likely slip too.
      const parts = earlier.filter((s) => s.split(/[-_.]/).includes(name));
      const suggestion = didYouMean(name, earlier) ?? (parts.length === 1 ? parts[0] : undefined);
      if (suggestion) ctx.report({ at, messageId: 'notAStageDidYouMean', data: { name: value, suggestion } });
      else ctx.report({ at, messageId: 'notAStage', data: { name: value } });
    },
  }),
);
