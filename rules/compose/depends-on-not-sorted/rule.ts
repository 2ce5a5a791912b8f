import { isMap, isScalar, isSeq } from 'yaml';
import { defineRule } from '../../../src/engine/types.js';
import { alphabetical, mergeKeysFirst } from '../../../src/analysis/compose-order.js';
import { checkOrder, pairKey, yamlNodeAt } from '../../../src/analysis/yaml-reorder.js';

/** A dependency's name: the list item, or the key of the long form. */
function dependencyName(item: unknown): string | undefined {
  if (isScalar(item)) return item.value === null ? undefined : String(item.value);
  return pairKey(item);
}

export default defineRule<Record<string, never>, 'unsorted'>(
  {
    id: 'depends-on-not-sorted',
    kind: 'compose',
    summary: 'The entries of a service `depends_on` are not in alphabetical order',
    category: 'style',
    severity: 'warning',
    recommended: false,
    readsYamlDocument: true,
    aliases: [{ tool: 'dclint', code: 'service-dependencies-alphabetical-order', fidelity: 'same' }],
    messages: {
      unsorted:
        'Dependency `{item}` of service `{service}` comes after `{before}` although dependencies are kept in alphabetical order, which makes the list harder to scan; move `{item}` above `{before}`',
    },
    fix: 'safe',
    since: '0.1.0',
  },
  (ctx) => ({
    compose(file) {
      for (const service of file.services) {
        const node = yamlNodeAt(file.document, ['services', service.name, 'depends_on']);
        if (!isSeq(node) && !isMap(node)) continue;
        const found = checkOrder(file, node, dependencyName, mergeKeysFirst(alphabetical));
        if (!found) continue;
        ctx.report({
          at: found.at,
          messageId: 'unsorted',
          data: { item: found.item, before: found.before, service: service.name },
          ...(found.edit ? { fix: { title: `sort the dependencies of \`${service.name}\` alphabetically`, edits: [found.edit] } } : {}),
        });
      }
    },
  }),
);
