import { defineRule } from '../../../src/engine/types.js';
import { zypperCall, ZYPPER_NAMES } from '../../../src/analysis/packages.js';
import { callsTo } from '../../../src/analysis/shell-query.js';

export default defineRule<Record<string, never>, 'distUpgrade'>(
  {
    id: 'zypper-dist-upgrade',
    kind: 'dockerfile',
    summary: '`zypper dist-upgrade` in a RUN upgrades the base image\'s distribution',
    category: 'reliability',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3035', fidelity: 'same' }],
    messages: {
      distUpgrade:
        '`zypper {sub}` may move the image to another distribution release with vendor changes the build never asked for; use a newer base image, or `zypper update` / `zypper patch` for fixes',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      for (const { cmd } of callsTo(file, ZYPPER_NAMES)) {
        const sub = zypperCall(cmd)?.sub;
        if (sub && (sub.value === 'dist-upgrade' || sub.value === 'dup')) ctx.report({ at: sub.range, messageId: 'distUpgrade', data: { sub: sub.value } });
      }
    },
  }),
);
