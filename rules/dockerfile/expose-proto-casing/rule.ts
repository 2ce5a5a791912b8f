import { defineRule } from '../../../src/engine/types.js';

export default defineRule<Record<string, never>, 'protoCasing'>(
  {
    id: 'expose-proto-casing',
    kind: 'dockerfile',
    summary: 'The protocol of an `EXPOSE` port is not lower-case (`80/TCP`)',
    category: 'style',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'buildkit', code: 'ExposeProtoCasing', fidelity: 'same' }],
    messages: {
      protoCasing: 'Protocol `{proto}` is not lower-case, which Docker only tolerates with a warning; write `{want}`',
    },
    fix: 'safe',
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:instruction'(ins, file) {
      if (ins.keyword !== 'EXPOSE') return;
      for (const word of ins.args) {
        const raw = file.source.text.slice(word.range.start, word.range.end);
        const slash = raw.lastIndexOf('/');
        if (slash < 0 || raw.includes('$')) continue;
        const proto = raw.slice(slash + 1);
        const want = proto.toLowerCase();
        if (proto === want || !/^[A-Za-z]+$/.test(proto)) continue;
        const at = { path: word.range.path, start: word.range.start + slash + 1, end: word.range.end };
        ctx.report({
          at,
          messageId: 'protoCasing',
          data: { proto, want },
          fix: { title: `write \`${want}\``, edits: [{ ...at, text: want }] },
        });
      }
    },
  }),
);
