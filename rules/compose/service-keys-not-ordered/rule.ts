import { isMap } from 'yaml';
import { defineRule } from '../../../src/engine/types.js';
import { mergeKeysFirst } from '../../../src/analysis/compose-order.js';
import { checkOrder, pairKey, yamlNodeAt } from '../../../src/analysis/yaml-reorder.js';
import { DEFAULT_GROUP_ORDER, keyRanks } from './groups.js';

interface Options {
  /** Group name → its keys, replacing the default keys of that group. */
  groups: Record<string, string[]>;
  /** The order of the groups; groups left out follow in their default order. */
  groupOrder: string[];
}

export default defineRule<Options, 'outOfOrder'>(
  {
    id: 'service-keys-not-ordered',
    kind: 'compose',
    summary: 'The keys of a service do not follow the conventional grouped order',
    category: 'style',
    severity: 'warning',
    recommended: false,
    readsYamlDocument: true,
    aliases: [{ tool: 'dclint', code: 'service-keys-order', fidelity: 'same' }],
    messages: {
      outOfOrder:
        'Key `{item}` of service `{service}` comes after `{before}` although keys follow a fixed order (what runs, dependencies, data, environment, network, runtime, metadata, security, the rest), so readers look for it elsewhere; move `{item}` above `{before}`',
    },
    fix: 'safe',
    options: {
      schema: {
        type: 'object',
        properties: {
          groups: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
          groupOrder: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: false,
      },
      defaults: { groups: {}, groupOrder: [...DEFAULT_GROUP_ORDER] },
    },
    since: '0.1.0',
  },
  (ctx) => {
    const ranks = keyRanks(ctx.options.groups, ctx.options.groupOrder);
    const compare = mergeKeysFirst((a, b) => {
      const ra = ranks.get(a) ?? Infinity;
      const rb = ranks.get(b) ?? Infinity;
      if (ra !== rb) return ra < rb ? -1 : 1;
      return ra === Infinity ? a.localeCompare(b, 'en') : 0;
    });
    return {
      compose(file) {
        for (const service of file.services) {
          const node = yamlNodeAt(file.document, ['services', service.name]);
          if (!isMap(node)) continue;
          const found = checkOrder(file, node, pairKey, compare);
          if (!found) continue;
          ctx.report({
            at: found.at,
            messageId: 'outOfOrder',
            data: { item: found.item, before: found.before, service: service.name },
            ...(found.edit ? { fix: { title: `reorder the keys of \`${service.name}\``, edits: [found.edit] } } : {}),
          });
        }
      },
    };
  },
);
