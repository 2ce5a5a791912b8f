import { defineRule } from '../../../src/engine/types.js';

/** Inside double quotes a LABEL value still expands `$` and honours `\`: MAINTAINER did neither. */
function quoted(value: string): string {
  return `"${value.replace(/[\\"$]/g, (c) => `\\${c}`)}"`;
}

export default defineRule<Record<string, never>, 'maintainer'>(
  {
    id: 'maintainer-deprecated',
    kind: 'dockerfile',
    summary: '`MAINTAINER` is deprecated; the author belongs in a label',
    category: 'best-practice',
    severity: 'error',
    recommended: true,
    aliases: [
      { tool: 'buildkit', code: 'MaintainerDeprecated', fidelity: 'same' },
      { tool: 'hadolint', code: 'DL4000', fidelity: 'same' },
    ],
    messages: {
      maintainer:
        '`MAINTAINER` is deprecated and only fills a field that tools no longer read; write `LABEL org.opencontainers.image.authors={value}` instead',
    },
    fix: 'safe',
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:instruction'(ins) {
      if (ins.keyword !== 'MAINTAINER') return;
      const value = quoted(ins.argsText.trim());
      const text = `LABEL org.opencontainers.image.authors=${value}`;
      const keyword = ins.keywordRaw === ins.keywordRaw.toLowerCase() ? text.replace('LABEL', 'label') : text;
      const edit = { path: ins.range.path, start: ins.keywordRange.start, end: ins.argsRange.end, text: keyword };
      ctx.report({
        at: ins.keywordRange,
        messageId: 'maintainer',
        data: { value },
        ...(ins.argsText.trim() ? { fix: { title: `write \`${keyword}\``, edits: [edit] } } : {}),
      });
    },
  }),
);
