import { defineRule } from '../../../src/engine/types.js';
import { listScalars } from '../../../src/analysis/compose-security.js';

export default defineRule<Record<string, never>, 'missing'>(
  {
    id: 'cap-drop-all-missing',
    kind: 'compose',
    summary: 'A service does not drop all capabilities with `cap_drop: [ALL]`',
    category: 'security',
    severity: 'info',
    recommended: false,
    aliases: [],
    messages: {
      missing:
        'Service `{service}` keeps Docker\'s default capabilities (`CHOWN`, `DAC_OVERRIDE`, `SETUID`, `NET_RAW`, …), more than most programs use, and each one widens what an intruder can do; add `cap_drop: [ALL]` and `cap_add` only what it needs',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    'compose:service'(service) {
      const dropped = listScalars(service.node.get('cap_drop')).map((s) => String(s.value).trim().toUpperCase().replace(/^CAP_/, ''));
      if (dropped.includes('ALL')) return;
      const entry = service.node.entry('cap_drop');
      ctx.report({ at: entry ? entry.keyRange : service.nameRange, messageId: 'missing', data: { service: service.name } });
    },
  }),
);
