import { parseDocument } from 'yaml';
import { defineRule, type Edit } from '../../../src/engine/types.js';
import type { YScalar } from '../../../src/parse/compose/model.js';

/** The edit removing the quotes, when the bare text reads back as the same string. */
function unquote(node: YScalar, text: string, path: string): Edit | undefined {
  const { start, end } = node.range;
  const inner = text.slice(start + 1, end - 1);
  if (inner === '' || /[\r\n]/.test(inner)) return undefined;
  const doc = parseDocument(`- ${inner}\n`);
  const back = doc.errors.length === 0 ? (doc.toJS() as unknown[])[0] : undefined;
  if (typeof back !== 'string' || back !== node.raw) return undefined;
  return { path, start, end, text: inner };
}

export default defineRule<Record<string, never>, 'quoted'>(
  {
    id: 'volume-quoted',
    kind: 'compose',
    summary: 'A short-syntax volume entry is written in quotes',
    category: 'style',
    severity: 'warning',
    recommended: false,
    aliases: [{ tool: 'dclint', code: 'no-quotes-in-volumes', fidelity: 'same' }],
    messages: {
      quoted: 'Volume `{volume}` is written in quotes, which a short-syntax volume rarely needs and which makes entries inconsistent to read and grep; write `{volume}` without quotes',
    },
    fix: 'safe',
    since: '0.1.0',
  },
  (ctx) => ({
    compose(file) {
      const seen = new Set<number>();
      for (const service of file.services) {
        for (const volume of service.volumes) {
          const node = volume.node;
          if (!volume.short || node.kind !== 'scalar' || (node.style !== 'single' && node.style !== 'double')) continue;
          // A value merged in from an anchor is reported once, where it is written.
          if (seen.has(node.range.start)) continue;
          seen.add(node.range.start);
          const edit = unquote(node, file.source.text, file.path);
          ctx.report({
            at: node.range,
            messageId: 'quoted',
            data: { volume: String(node.raw) },
            ...(edit ? { fix: { title: `write \`${edit.text}\``, edits: [edit] } } : {}),
          });
        }
      }
    },
  }),
);
