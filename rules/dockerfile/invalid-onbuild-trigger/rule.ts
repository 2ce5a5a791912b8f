import { defineRule } from '../../../src/engine/types.js';
import { onbuildTrigger } from '../../../src/analysis/run-commands.js';

const FORBIDDEN = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

export default defineRule<Record<string, never>, 'forbidden'>(
  {
    id: 'invalid-onbuild-trigger',
    kind: 'dockerfile',
    summary: '`ONBUILD` wraps `ONBUILD`, `FROM` or `MAINTAINER`, which Docker does not allow',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3043', fidelity: 'same' }],
    messages: {
      forbidden: '`ONBUILD {keyword}` is not allowed: Docker refuses to build images that use it as a base; {advice}',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:instruction'(ins) {
      const trigger = onbuildTrigger(ins);
      if (!trigger || !FORBIDDEN.has(trigger.keyword)) return;
      const advice =
        trigger.keyword === 'ONBUILD'
          ? 'triggers cannot be chained, so write the inner instruction after a single `ONBUILD`'
          : trigger.keyword === 'FROM'
            ? 'the base image of a child build is its own `FROM`, so remove this line'
            : 'write the author as `LABEL org.opencontainers.image.authors="…"` instead';
      ctx.report({ at: trigger.keywordWord.range, messageId: 'forbidden', data: { keyword: trigger.keyword, advice } });
    },
  }),
);
