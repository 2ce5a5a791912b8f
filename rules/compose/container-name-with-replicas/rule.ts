import { defineRule } from '../../../src/engine/types.js';
import type { YNode } from '../../../src/parse/compose/model.js';
import { stacksOf } from '../../../src/project/compose-project.js';

function count(node: YNode | undefined): number | undefined {
  if (!node || node.kind !== 'scalar') return undefined;
  const n = typeof node.value === 'number' ? node.value : Number(node.value);
  return Number.isInteger(n) ? n : undefined;
}

export default defineRule<Record<string, never>, 'replicas'>(
  {
    id: 'container-name-with-replicas',
    kind: 'compose',
    summary: '`container_name` on a service that runs more than one container',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [],
    messages: {
      replicas:
        'Service `{service}` sets `container_name` and asks for {n} containers with `{key}`, but container names are unique, so Compose refuses the project; remove `container_name` or run one container',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    project(project) {
      for (const stack of stacksOf(project)) {
        for (const s of stack.services) {
          if (!s.containerName || s.containerName.value === '') continue;
          const deploy = s.node.get('deploy');
          const scale = s.node.get('scale');
          const replicas = deploy?.kind === 'map' ? deploy.get('replicas') : undefined;
          const [key, node] = (count(scale) ?? 0) > 1 ? ['scale', scale] : ['deploy.replicas', replicas];
          const n = count(node);
          if (n === undefined || n <= 1 || !node) continue;
          ctx.report({
            at: s.containerName.range,
            messageId: 'replicas',
            data: { service: s.name, n, key: key as string },
            related: [{ at: node.range, message: `\`${key}\` asks for ${n} containers here` }],
          });
        }
      }
    },
  }),
);
