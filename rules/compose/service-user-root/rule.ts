import { defineRule } from '../../../src/engine/types.js';
import { hasUnsetVariable, oncePerPlace } from '../../../src/analysis/compose-security.js';

export default defineRule<Record<string, never>, 'root'>(
  {
    id: 'service-user-root',
    kind: 'compose',
    summary: 'A service explicitly runs as `root` (`user: root` or `user: "0"`)',
    category: 'security',
    severity: 'warning',
    recommended: true,
    aliases: [],
    messages: {
      root:
        'Service `{service}` runs as `{user}`, overriding any non-root `USER` of the image, so a flaw in the program gives root inside the container and on every writable bind mount; run as an unprivileged user, e.g. `user: "1000:1000"`',
    },
    since: '0.1.0',
  },
  (ctx) => {
    const once = oncePerPlace();
    return {
      'compose:service'(service) {
        const user = service.user;
        const node = service.node.get('user');
        if (!user || !node || hasUnsetVariable(node)) return;
        const name = user.value.trim().split(':')[0]!.toLowerCase();
        if ((name !== 'root' && !/^0+$/.test(name)) || !once(node)) return;
        ctx.report({ at: user.range, messageId: 'root', data: { service: service.name, user: user.value } });
      },
    };
  },
);
