import { defineRule } from '../../../src/engine/types.js';
import { listScalars } from '../../../src/analysis/compose-security.js';

export default defineRule<Record<string, never>, 'missing' | 'disabled'>(
  {
    id: 'no-new-privileges-missing',
    kind: 'compose',
    summary: 'A service does not set `security_opt: [no-new-privileges:true]`',
    category: 'security',
    severity: 'info',
    recommended: false,
    aliases: [],
    messages: {
      missing:
        'Service `{service}` lets its processes gain privileges through setuid binaries such as `su` or `sudo`, turning a foothold into root in the container; add `security_opt: ["no-new-privileges:true"]`',
      disabled: 'Service `{service}` explicitly allows gaining privileges through setuid binaries; write `no-new-privileges:true`',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    'compose:service'(service) {
      const opts = listScalars(service.node.get('security_opt'));
      for (const o of opts) {
        const m = /^no-new-privileges(?:\s*[:=]\s*(\w+))?$/i.exec(String(o.value).trim());
        if (!m) continue;
        if (m[1] !== undefined && m[1].toLowerCase() === 'false') ctx.report({ at: o.range, messageId: 'disabled', data: { service: service.name } });
        return;
      }
      ctx.report({ at: service.nameRange, messageId: 'missing', data: { service: service.name } });
    },
  }),
);
