import { defineRule } from '../../../src/engine/types.js';
import { isTrue } from '../../../src/analysis/compose-security.js';

export default defineRule<Record<string, never>, 'missing'>(
  {
    id: 'read-only-rootfs-missing',
    kind: 'compose',
    summary: 'A service does not set `read_only: true`',
    category: 'security',
    severity: 'info',
    recommended: false,
    aliases: [],
    messages: {
      missing:
        'Service `{service}` has a writable root filesystem, so an intruder can replace its programs or drop tools that survive until the container is recreated; add `read_only: true`, with `tmpfs:` or volumes for the folders it writes',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    'compose:service'(service) {
      const entry = service.node.entry('read_only');
      if (entry && isTrue(entry.value)) return;
      ctx.report({ at: entry ? entry.value.range : service.nameRange, messageId: 'missing', data: { service: service.name } });
    },
  }),
);
