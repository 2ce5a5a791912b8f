import { defineRule } from '../../../src/engine/types.js';

export default defineRule<Record<string, never>, 'redundant'>(
  {
    id: 'redundant-target-platform',
    kind: 'dockerfile',
    summary: '`FROM --platform=$TARGETPLATFORM` repeats what Docker does by default',
    category: 'style',
    severity: 'warning',
    recommended: true,
    aliases: [
      { tool: 'buildkit', code: 'RedundantTargetPlatform', fidelity: 'same' },
      { tool: 'hadolint', code: 'DL3065', fidelity: 'same' },
    ],
    messages: {
      redundant:
        '`--platform={value}` asks for the target platform, which is what `FROM` pulls anyway, so the flag only adds noise; remove it (use `$BUILDPLATFORM` if you meant the build machine)',
    },
    fix: 'safe',
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:from'(node, file) {
      const flag = node.platform;
      if (!flag?.valueRange) return;
      const raw = file.source.text.slice(flag.valueRange.start, flag.valueRange.end).replace(/^(["'])(.*)\1$/, '$2');
      if (raw !== '$TARGETPLATFORM' && raw !== '${TARGETPLATFORM}') return;
      // Remove the flag with the blank that follows it.
      const text = file.source.text;
      let end = flag.range.end;
      while (text[end] === ' ' || text[end] === '\t') end++;
      ctx.report({
        at: flag.valueRange,
        messageId: 'redundant',
        data: { value: raw },
        fix: { title: 'remove `--platform`', edits: [{ path: flag.range.path, start: flag.range.start, end, text: '' }] },
      });
    },
  }),
);
