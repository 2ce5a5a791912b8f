import { defineRule } from '../../../src/engine/types.js';
import { listScalars, oncePerPlace } from '../../../src/analysis/compose-security.js';

interface Options {
  /** Capabilities not to report (names without `CAP_`). */
  allow: string[];
}

/** Capabilities that let a process escape the container or take over the host, and why. */
const DANGEROUS: ReadonlyMap<string, string> = new Map([
  ['ALL', 'grants every capability, as much as `privileged` minus the devices'],
  ['SYS_ADMIN', 'allows mounting filesystems and many other admin operations, enough to escape the container'],
  ['NET_ADMIN', 'allows reconfiguring interfaces, routes and firewall rules of the network it is in'],
  ['SYS_PTRACE', 'allows tracing and reading the memory of other processes'],
  ['SYS_MODULE', 'allows loading kernel modules into the host kernel'],
  ['SYS_RAWIO', 'allows raw access to I/O ports and host memory'],
  ['DAC_READ_SEARCH', 'allows reading any file by handle, a known container escape'],
  ['SYS_BOOT', 'allows rebooting the host'],
  ['BPF', 'allows loading eBPF programs into the host kernel'],
  ['PERFMON', 'allows kernel performance monitoring that reveals other processes'],
  ['MAC_ADMIN', 'allows changing the mandatory access control policy (AppArmor, SELinux)'],
  ['MAC_OVERRIDE', 'allows bypassing mandatory access control'],
  ['SYS_TIME', 'allows changing the host clock'],
  ['SYSLOG', 'allows reading and clearing the kernel log, which leaks kernel addresses'],
]);

export default defineRule<Options, 'dangerous'>(
  {
    id: 'dangerous-capability',
    kind: 'compose',
    summary: 'A service adds a dangerous Linux capability (`ALL`, `SYS_ADMIN`, `NET_ADMIN`, `SYS_PTRACE`, …)',
    category: 'security',
    severity: 'warning',
    recommended: true,
    aliases: [],
    messages: {
      dangerous:
        'Service `{service}` adds capability `{cap}`, which {why}, so a compromise of this container reaches beyond it; remove it from `cap_add`, or keep it only if the program cannot work without it',
    },
    options: {
      schema: { type: 'object', properties: { allow: { type: 'array', items: { type: 'string' } } }, additionalProperties: false },
      defaults: { allow: [] },
    },
    since: '0.1.0',
  },
  (ctx) => {
    const once = oncePerPlace();
    const allowed = new Set(ctx.options.allow.map((c) => c.toUpperCase().replace(/^CAP_/, '')));
    return {
      'compose:service'(service) {
        for (const item of listScalars(service.node.get('cap_add'))) {
          const cap = String(item.value).trim().toUpperCase().replace(/^CAP_/, '');
          const why = DANGEROUS.get(cap);
          if (!why || allowed.has(cap) || !once(item)) continue;
          ctx.report({ at: item.range, messageId: 'dangerous', data: { service: service.name, cap, why } });
        }
      },
    };
  },
);
