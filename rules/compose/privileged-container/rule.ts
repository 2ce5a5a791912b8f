import { defineRule } from '../../../src/engine/types.js';
import { isTrue, oncePerPlace } from '../../../src/analysis/compose-security.js';

export default defineRule<Record<string, never>, 'privileged'>(
  {
    id: 'privileged-container',
    kind: 'compose',
    summary: 'A service runs with `privileged: true`',
    category: 'security',
    severity: 'error',
    recommended: true,
    aliases: [],
    messages: {
      privileged:
        'Service `{service}` runs privileged: its container gets every capability and every host device and no seccomp or AppArmor confinement, so whoever controls it controls the host; remove `privileged: true` and grant only what it needs (`cap_add: [<capability>]`, `devices: [<device>]`)',
    },
    since: '0.1.0',
  },
  (ctx) => {
    const once = oncePerPlace();
    return {
      'compose:service'(service) {
        const entry = service.node.entry('privileged');
        if (!entry || !isTrue(entry.value) || !once(entry.value)) return;
        ctx.report({ at: entry.value.range, messageId: 'privileged', data: { service: service.name } });
      },
    };
  },
);
