import { defineRule, type Ranged } from '../../../src/engine/types.js';
import { canRunTogether, stacksOf } from '../../../src/project/compose-project.js';
import type { StackService } from '../../../src/project/model.js';

type Msg = 'duplicate';

export default defineRule<Record<string, never>, Msg>(
  {
    id: 'duplicate-container-name',
    kind: 'compose',
    summary: 'Two services set the same `container_name`',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [{ tool: 'dclint', code: 'no-duplicate-container-names', fidelity: 'same' }],
    messages: {
      duplicate:
        'Service `{service}` uses container name `{name}`, already taken by service `{first}`, and Docker cannot create two containers with one name; give one of them another `container_name` or remove it',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    project(project) {
      // Judged on the merged project, among services that can run at the same time (profiles).
      for (const stack of stacksOf(project)) {
        const first = new Map<string, { service: string; range: Ranged; owner: StackService }[]>();
        for (const service of stack.services) {
          const cn = service.containerName;
          // An empty name (e.g. from an unset variable) lets Docker pick one.
          if (!cn || cn.value === '') continue;
          const list = first.get(cn.value) ?? [];
          const earlier = list.find((e) => canRunTogether(e.owner, service, stack));
          list.push({ service: service.name, range: cn.range, owner: service });
          first.set(cn.value, list);
          if (!earlier) continue;
          ctx.report({
            at: cn.range,
            messageId: 'duplicate',
            data: { service: service.name, name: cn.value, first: earlier.service },
            related: [{ at: earlier.range, message: `\`${earlier.service}\` uses \`${cn.value}\` here` }],
          });
        }
      }
    },
  }),
);
