import { defineRule } from '../../../src/engine/types.js';
import { composeV1Services } from '../../../src/analysis/compose-v1.js';

export default defineRule<Record<string, never>, 'v1'>(
  {
    id: 'compose-v1-file',
    kind: 'compose',
    summary: 'The file uses the Compose v1 format (services at the top level, no `services:` key)',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [],
    messages: {
      v1: 'This file uses the Compose v1 format, with {count} written at the top level ({names}), which Docker Compose v2 no longer reads; move them under a top-level `services:` key (indent each one level), rename `net:` to `network_mode:`, and declare named volumes under a top-level `volumes:` key',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    compose(file) {
      const services = composeV1Services(file);
      if (!services) return;
      const names = services.slice(0, 3).map((s) => `\`${s.key}\``).join(', ') + (services.length > 3 ? ', …' : '');
      const count = services.length === 1 ? 'a service' : `${services.length} services`;
      ctx.report({ at: services[0]!.keyRange, messageId: 'v1', data: { count, names } });
    },
  }),
);
