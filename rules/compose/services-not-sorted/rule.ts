import { defineRule } from '../../../src/engine/types.js';
import { alphabetical, mergeKeysFirst } from '../../../src/analysis/compose-order.js';
import { checkOrder, pairKey, yamlNodeAt } from '../../../src/analysis/yaml-reorder.js';

export default defineRule<Record<string, never>, 'unsorted'>(
  {
    id: 'services-not-sorted',
    kind: 'compose',
    summary: 'Services are not listed in alphabetical order',
    category: 'style',
    severity: 'warning',
    recommended: false,
    readsYamlDocument: true,
    aliases: [{ tool: 'dclint', code: 'services-alphabetical-order', fidelity: 'same' }],
    messages: {
      unsorted: 'Service `{item}` comes after `{before}` although services are kept in alphabetical order, which makes a service harder to find; move `{item}` above `{before}`',
    },
    fix: 'safe',
    since: '0.1.0',
  },
  (ctx) => ({
    compose(file) {
      const services = yamlNodeAt(file.document, ['services']);
      const found = checkOrder(file, services, pairKey, mergeKeysFirst(alphabetical));
      if (!found) return;
      ctx.report({
        at: found.at,
        messageId: 'unsorted',
        data: { item: found.item, before: found.before },
        ...(found.edit ? { fix: { title: 'sort the services alphabetically', edits: [found.edit] } } : {}),
      });
    },
  }),
);
