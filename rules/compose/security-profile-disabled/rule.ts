import { defineRule } from '../../../src/engine/types.js';
import { listScalars, oncePerPlace } from '../../../src/analysis/compose-security.js';

type Msg = 'seccomp' | 'apparmor' | 'label' | 'systempaths';

/** `option` with `:` or `=` → the confinement it turns off. */
const DISABLING: readonly { re: RegExp; messageId: Msg }[] = [
  { re: /^seccomp\s*[:=]\s*unconfined$/i, messageId: 'seccomp' },
  { re: /^apparmor\s*[:=]\s*unconfined$/i, messageId: 'apparmor' },
  { re: /^label\s*[:=]\s*disable$/i, messageId: 'label' },
  { re: /^systempaths\s*[:=]\s*unconfined$/i, messageId: 'systempaths' },
];

export default defineRule<Record<string, never>, Msg>(
  {
    id: 'security-profile-disabled',
    kind: 'compose',
    summary: '`security_opt` turns off seccomp, AppArmor or SELinux confinement',
    category: 'security',
    severity: 'warning',
    recommended: true,
    aliases: [],
    messages: {
      seccomp:
        'Service `{service}` runs without seccomp, so every system call reaches the host kernel, including those used in kernel exploits and container escapes; remove `{option}`, or give a custom profile (`seccomp:./profile.json`) that allows the few calls it needs',
      apparmor:
        'Service `{service}` runs without AppArmor, which lifts the default restrictions on mounts and on writing to `/proc` and `/sys`; remove `{option}`, or load a profile written for it (`apparmor:<profile>`)',
      label:
        'Service `{service}` turns off SELinux separation, so on SELinux hosts the container may access files labelled for the host and other containers; remove `{option}` and relabel bind mounts with `:z` or `:Z` instead',
      systempaths:
        'Service `{service}` unmasks `/proc` and `/sys` paths that Docker hides from containers (kernel memory, keys, timers); remove `{option}`',
    },
    since: '0.1.0',
  },
  (ctx) => {
    const once = oncePerPlace();
    return {
      'compose:service'(service) {
        for (const item of listScalars(service.node.get('security_opt'))) {
          const option = String(item.value).trim();
          const hit = DISABLING.find((d) => d.re.test(option));
          if (!hit || !once(item)) continue;
          ctx.report({ at: item.range, messageId: hit.messageId, data: { service: service.name, option } });
        }
      },
    };
  },
);
