import { defineRule, type Ranged } from '../../../src/engine/types.js';
import type { YNode } from '../../../src/parse/compose/model.js';
import { stacksOf } from '../../../src/project/compose-project.js';

function unset(node: YNode): boolean {
  return node.kind === 'scalar' && node.vars.some((v) => !v.defined);
}

/** Container paths compare after trailing slashes are dropped, as the engine does. */
function clean(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

export default defineRule<Record<string, never>, 'twice'>(
  {
    id: 'duplicate-mount-target',
    kind: 'compose',
    summary: 'Two volumes or tmpfs mounts of a service use the same container path',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [],
    messages: {
      twice:
        'Service `{service}` mounts `{target}` twice ({first} and {second}), so the container fails to start or one mount silently hides the other; keep one mount per container path',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    project(project) {
      // Judged on the merged project: an override entry for the same path replaces the base one.
      for (const stack of stacksOf(project)) {
        for (const s of stack.services) {
          const seen = new Map<string, { what: string; range: Ranged }>();
          const add = (target: string | undefined, what: string, node: YNode, range: Ranged) => {
            if (target === undefined || target === '' || unset(node)) return;
            const key = clean(target);
            const first = seen.get(key);
            if (!first) {
              seen.set(key, { what, range });
              return;
            }
            ctx.report({
              at: range,
              messageId: 'twice',
              data: { service: s.name, target: key, first: first.what, second: what === first.what ? 'another one' : what },
              related: [{ at: first.range, message: `\`${key}\` is first mounted here` }],
            });
          };
          // `tmpfs` first, then `volumes`, the order in which Compose checks them.
          const tmpfs = s.node.get('tmpfs');
          const items = tmpfs?.kind === 'seq' ? tmpfs.items : tmpfs ? [tmpfs] : [];
          for (const item of items) {
            if (item.kind !== 'scalar' || typeof item.value !== 'string') continue;
            add(item.value.split(':')[0], 'a tmpfs', item, item.range);
          }
          for (const v of s.volumes) {
            const node = v.node.kind === 'map' ? v.node.get('target') ?? v.node : v.node;
            add(v.error === undefined ? v.target : undefined, v.type === 'tmpfs' ? 'a tmpfs' : v.type === 'bind' ? 'a bind mount' : 'a volume', v.node, node.range);
          }
        }
      }
    },
  }),
);
