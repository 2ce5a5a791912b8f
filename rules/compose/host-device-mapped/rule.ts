import { defineRule } from '../../../src/engine/types.js';
import { oncePerPlace } from '../../../src/analysis/compose-security.js';

export default defineRule<Record<string, never>, 'device'>(
  {
    id: 'host-device-mapped',
    kind: 'compose',
    summary: 'A service maps a host device into its container (`devices:`)',
    category: 'security',
    severity: 'warning',
    recommended: false,
    aliases: [],
    messages: {
      device:
        'Service `{service}` gets host device `{device}`, which its processes can read and write directly, bypassing the container\'s file isolation; keep the mapping only if the program needs that device, and read-only (`:r`) where it only reads',
    },
    since: '0.1.0',
  },
  (ctx) => {
    const once = oncePerPlace();
    return {
      'compose:service'(service) {
        const devices = service.node.get('devices');
        if (devices?.kind !== 'seq') return;
        for (const item of devices.items) {
          let device: string | undefined;
          if (item.kind === 'scalar' && item.value !== null) device = String(item.value).split(':')[0];
          else if (item.kind === 'map') {
            const source = item.get('source');
            device = source?.kind === 'scalar' && source.value !== null ? String(source.value) : undefined;
          }
          if (!device || !once(item)) continue;
          ctx.report({ at: item.range, messageId: 'device', data: { service: service.name, device } });
        }
      },
    };
  },
);
