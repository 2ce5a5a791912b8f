import { defineRule, type Ranged } from '../../../src/engine/types.js';

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
    compose(file) {
      const first = new Map<string, { service: string; range: Ranged }>();
      for (const service of file.services) {
        const cn = service.containerName;
        // An empty name (e.g. from an unset variable) lets Docker pick one.
        if (!cn || cn.value === '') continue;
        const earlier = first.get(cn.value);
        if (!earlier) {
          first.set(cn.value, { service: service.name, range: cn.range });
          continue;
        }
        ctx.report({
          at: cn.range,
          messageId: 'duplicate',
          data: { service: service.name, name: cn.value, first: earlier.service },
          related: [{ at: earlier.range, message: `\`${earlier.service}\` uses \`${cn.value}\` here` }],
        });
      }
    },
  }),
);
