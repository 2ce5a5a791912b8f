import { defineRule } from '../../../src/engine/types.js';
import { checkOrder, pairKey, yamlNodeAt } from '../../../src/analysis/yaml-reorder.js';

interface Options {
  /** Top-level keys in order; `x-properties` stands for every `x-*` extension, sorted. */
  customOrder: string[];
}

const DEFAULT_ORDER = ['x-properties', 'version', 'name', 'include', 'services', 'networks', 'volumes', 'secrets', 'configs'];

export default defineRule<Options, 'outOfOrder'>(
  {
    id: 'top-level-keys-not-ordered',
    kind: 'compose',
    summary: 'The top-level keys of a compose file do not follow the conventional order',
    category: 'style',
    severity: 'warning',
    recommended: false,
    readsYamlDocument: true,
    aliases: [{ tool: 'dclint', code: 'top-level-properties-order', fidelity: 'partial' }],
    messages: {
      outOfOrder:
        'Top-level key `{item}` comes after `{before}` although top-level keys follow a fixed order ({order}), so readers look for it elsewhere; move `{item}` above `{before}`',
    },
    fix: 'safe',
    options: {
      schema: {
        type: 'object',
        properties: { customOrder: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
      defaults: { customOrder: DEFAULT_ORDER },
    },
    since: '0.1.0',
  },
  (ctx) => {
    const order = ctx.options.customOrder;
    const xAt = order.indexOf('x-properties');
    const rank = (key: string): number => {
      const i = order.indexOf(key);
      if (i >= 0) return i;
      if (key.startsWith('x-') && xAt >= 0) return xAt;
      return order.length;
    };
    const compare = (a: string, b: string): number => {
      const ra = rank(a);
      const rb = rank(b);
      if (ra !== rb) return ra - rb;
      // Extensions sort among themselves; keys the order does not know keep their order.
      return ra === xAt ? a.localeCompare(b, 'en') : 0;
    };
    return {
      compose(file) {
        const found = checkOrder(file, yamlNodeAt(file.document, []), pairKey, compare);
        if (!found) return;
        ctx.report({
          at: found.at,
          messageId: 'outOfOrder',
          data: { item: found.item, before: found.before, order: order.join(', ') },
          ...(found.edit ? { fix: { title: 'reorder the top-level keys', edits: [found.edit] } } : {}),
        });
      },
    };
  },
);
