import { defineRule } from '../../../src/engine/types.js';

export default defineRule<Record<string, never>, 'mapping'>(
  {
    id: 'expose-invalid-format',
    kind: 'dockerfile',
    summary: '`EXPOSE` with a host IP or host-port mapping (`8080:80`), which an image cannot set',
    category: 'correctness',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'buildkit', code: 'ExposeInvalidFormat', fidelity: 'same' }],
    messages: {
      mapping:
        '`EXPOSE {word}` names a host address or port, which an image cannot choose (Docker ignores that part and will reject it later); write `EXPOSE {port}` and publish with `docker run -p` or compose `ports:`',
    },
    hasSuggestions: true,
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:instruction'(ins, file) {
      if (ins.keyword !== 'EXPOSE') return;
      for (const word of ins.args) {
        const raw = file.source.text.slice(word.range.start, word.range.end);
        if (!raw.includes(':') || raw.includes('$')) continue;
        // Docker keeps the container side, the part after the last colon.
        const port = raw.slice(raw.lastIndexOf(':') + 1);
        ctx.report({
          at: word.range,
          messageId: 'mapping',
          data: { word: raw, port: port || '<port>' },
          ...(port ? { suggest: [{ title: `write \`${port}\``, edits: [{ ...word.range, text: port }] }] } : {}),
        });
      }
    },
  }),
);
