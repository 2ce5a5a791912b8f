import { isMap, isScalar, isSeq } from 'yaml';
import { defineRule } from '../../../src/engine/types.js';
import { numericAware, portSortKey } from '../../../src/analysis/compose-order.js';
import { checkOrder, yamlNodeAt } from '../../../src/analysis/yaml-reorder.js';

/** What a port entry sorts by: its host port, or its container port when none is published. */
function portKey(item: unknown): string | undefined {
  if (isScalar(item)) return item.value === null ? undefined : portSortKey(String(item.value));
  if (isMap(item)) {
    const published = item.get('published');
    const target = item.get('target');
    const v = published ?? target;
    return v === undefined || v === null ? undefined : String(v);
  }
  return undefined;
}

export default defineRule<Record<string, never>, 'unsorted'>(
  {
    id: 'ports-not-sorted',
    kind: 'compose',
    summary: 'The `ports` of a service are not sorted by port number',
    category: 'style',
    severity: 'warning',
    recommended: false,
    readsYamlDocument: true,
    aliases: [{ tool: 'dclint', code: 'service-ports-alphabetical-order', fidelity: 'same' }],
    messages: {
      unsorted:
        'Port `{item}` of service `{service}` comes after `{before}` although ports are kept in ascending order, which makes a published port harder to find; move it above `{before}`',
    },
    fix: 'safe',
    since: '0.1.0',
  },
  (ctx) => ({
    compose(file) {
      for (const service of file.services) {
        const node = yamlNodeAt(file.document, ['services', service.name, 'ports']);
        if (!isSeq(node)) continue;
        const found = checkOrder(file, node, portKey, numericAware);
        if (!found) continue;
        ctx.report({
          at: found.at,
          messageId: 'unsorted',
          data: { item: found.item, before: found.before, service: service.name },
          ...(found.edit ? { fix: { title: `sort the ports of \`${service.name}\``, edits: [found.edit] } } : {}),
        });
      }
    },
  }),
);
