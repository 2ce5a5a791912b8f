import { defineRule } from '../../../src/engine/types.js';
import type { YNode, YScalar } from '../../../src/parse/compose/model.js';

interface Options {
  /** Quote character the fix writes. */
  quoteType: 'single' | 'double';
  /** Service keys whose list items are ports. */
  portsSections: string[];
}

export default defineRule<Options, 'unquoted'>(
  {
    id: 'port-unquoted',
    kind: 'compose',
    summary: 'A port in `ports` or `expose` is written without quotes',
    category: 'style',
    severity: 'warning',
    recommended: false,
    aliases: [{ tool: 'dclint', code: 'require-quotes-in-ports', fidelity: 'partial' }],
    messages: {
      unquoted:
        'Port `{port}` is not quoted, and YAML 1.1 readers (Compose v1, PyYAML tools) read `HOST:CONTAINER` with numbers below 60 as one base-60 number; write {quoted}',
    },
    fix: 'safe',
    options: {
      schema: {
        type: 'object',
        properties: {
          quoteType: { enum: ['single', 'double'] },
          portsSections: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: false,
      },
      defaults: { quoteType: 'single', portsSections: ['ports', 'expose'] },
    },
    since: '0.1.0',
  },
  (ctx) => {
    const q = ctx.options.quoteType === 'double' ? '"' : "'";
    return {
      compose(file) {
        const seen = new Set<number>();
        for (const service of file.services) {
          for (const section of ctx.options.portsSections) {
            const list: YNode | undefined = service.node.get(section);
            if (list?.kind !== 'seq') continue;
            for (const item of list.items) {
              if (item.kind !== 'scalar' || item.style !== 'plain' || item.value === null) continue;
              const node: YScalar = item;
              if (seen.has(node.range.start)) continue;
              seen.add(node.range.start);
              const written = file.source.text.slice(node.range.start, node.range.end);
              const quoted = `${q}${written}${q}`;
              ctx.report({
                at: node.range,
                messageId: 'unquoted',
                data: { port: written, quoted: `\`${quoted}\`` },
                fix: { title: `write \`${quoted}\``, edits: [{ path: file.path, start: node.range.start, end: node.range.end, text: quoted }] },
              });
            }
          }
        }
      },
    };
  },
);
