import { defineRule, type Ranged } from '../../../src/engine/types.js';
import type { YNode } from '../../../src/parse/compose/model.js';
import { stacksOf } from '../../../src/project/compose-project.js';
import { didYouMean } from '../../../src/text/did-you-mean.js';

type Msg = 'unknown' | 'unknownDidYouMean';

const NAMESPACE_KEYS = ['network_mode', 'ipc', 'pid', 'uts', 'cgroup'];

function text(node: YNode): string | undefined {
  if (node.kind !== 'scalar' || typeof node.value !== 'string') return undefined;
  return node.vars.some((v) => !v.defined) ? undefined : node.value;
}

export default defineRule<Record<string, never>, Msg>(
  {
    id: 'service-reference-unknown',
    kind: 'compose',
    summary: '`links`, `volumes_from` or a `service:` namespace names a service the project does not define',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [],
    messages: {
      unknown:
        'Service `{service}` refers to service `{target}` in `{key}`, which is not a service of this project, so Compose refuses to start it; name an existing service or define `{target}`',
      unknownDidYouMean:
        'Service `{service}` refers to service `{target}` in `{key}`, which is not a service of this project, so Compose refuses to start it; did you mean `{suggestion}`?',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    project(project) {
      // Judged on the merged project, like depends-on-unknown-service.
      for (const stack of stacksOf(project)) {
        const names = stack.services.map((s) => s.name);
        for (const s of stack.services) {
          const check = (target: string, key: string, at: Ranged) => {
            if (target === '' || names.includes(target)) return;
            const suggestion = didYouMean(target, names.filter((n) => n !== s.name));
            const data = { service: s.name, target, key };
            if (suggestion === undefined) ctx.report({ at, messageId: 'unknown', data });
            else ctx.report({ at, messageId: 'unknownDidYouMean', data: { ...data, suggestion } });
          };
          const links = s.node.get('links');
          for (const item of links?.kind === 'seq' ? links.items : []) {
            const t = text(item);
            if (t !== undefined) check(t.split(':')[0]!, 'links', item.range);
          }
          const from = s.node.get('volumes_from');
          for (const item of from?.kind === 'seq' ? from.items : []) {
            const t = text(item);
            if (t === undefined || t.startsWith('container:')) continue;
            check((t.startsWith('service:') ? t.slice('service:'.length) : t).split(':')[0]!, 'volumes_from', item.range);
          }
          for (const key of NAMESPACE_KEYS) {
            const node = s.node.get(key);
            const t = node && text(node);
            if (node && t?.startsWith('service:')) check(t.slice('service:'.length), key, node.range);
          }
        }
      }
    },
  }),
);
