import { defineRule, type Ranged } from '../../../src/engine/types.js';
import type { Word } from '../../../src/parse/dockerfile/model.js';

/** Offset in the source of character `i` of a word's value, when the value is written as is. */
function spanOf(file: { source: { text: string } }, word: Word, i: number, len: number): Ranged {
  const raw = file.source.text.slice(word.range.start, word.range.end);
  const at = raw.indexOf(word.value);
  return at < 0 ? word.range : { path: word.range.path, start: word.range.start + at + i, end: word.range.start + at + i + len };
}

export default defineRule<Record<string, never>, 'outOfRange'>(
  {
    id: 'expose-port-out-of-range',
    kind: 'dockerfile',
    summary: '`EXPOSE` names a port above 65535',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3011', fidelity: 'same' }],
    messages: {
      outOfRange: 'Port `{port}` does not exist: TCP and UDP ports go from 0 to 65535, so Docker refuses this `EXPOSE`; write the port the application listens on',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:instruction'(ins, file) {
      if (ins.keyword !== 'EXPOSE') return;
      for (const word of ins.args) {
        // `8080`, `8080/tcp`, `8000-8010/udp`; variables are resolved at build time, not here.
        const m = /^(\d+)(?:-(\d+))?(?:\/\w+)?$/.exec(word.value);
        if (!m) continue;
        const ports = [{ text: m[1]!, at: 0 }, ...(m[2] ? [{ text: m[2], at: m[1]!.length + 1 }] : [])];
        for (const p of ports) {
          if (Number(p.text) > 65535) {
            ctx.report({ at: spanOf(file, word, p.at, p.text.length), messageId: 'outOfRange', data: { port: p.text } });
          }
        }
      }
    },
  }),
);
