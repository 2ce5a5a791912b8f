import { defineRule } from '../../../src/engine/types.js';
import { stacksOf } from '../../../src/project/compose-project.js';

export default defineRule<Record<string, never>, 'both'>(
  {
    id: 'network-mode-with-networks',
    kind: 'compose',
    summary: 'A service sets both `network_mode` and `networks`',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [],
    messages: {
      both:
        'Service `{service}` sets `network_mode: {mode}` and `networks`, which Compose refuses together: `network_mode` replaces the service\'s own networking; keep only one of them',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    project(project) {
      // Judged on the merged project: the two keys often come from different files.
      for (const stack of stacksOf(project)) {
        for (const s of stack.services) {
          const mode = s.node.get('network_mode');
          const networks = s.node.entry('networks');
          if (!mode || mode.kind !== 'scalar' || mode.value === null || mode.value === '' || !networks) continue;
          if (networks.value.kind === 'scalar' && networks.value.value === null) continue;
          ctx.report({
            at: networks.keyRange,
            messageId: 'both',
            data: { service: s.name, mode: String(mode.value) },
            related: [{ at: mode.range, message: '`network_mode` is set here' }],
          });
        }
      }
    },
  }),
);
