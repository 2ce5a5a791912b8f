import { defineRule } from '../../../src/engine/types.js';
import { zypperCall, ZYPPER_NAMES } from '../../../src/analysis/packages.js';
import { cacheMountTargets, commandsAfter, commandsNamed, removes, viewsCalling, stageShipsLayers } from '../../../src/analysis/shell-query.js';

const CACHE = '/var/cache/zypp';

export default defineRule<Record<string, never>, 'notCleaned'>(
  {
    id: 'zypper-cache-not-cleaned',
    kind: 'dockerfile',
    summary: '`zypper install` without `zypper clean` in the same RUN',
    category: 'best-practice',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3036', fidelity: 'partial' }],
    messages: {
      notCleaned:
        '`zypper {sub}` leaves repository metadata and packages in `/var/cache/zypp`, which stay in the image layer; end the same RUN with `&& zypper clean --all`',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      for (const view of viewsCalling(file, ZYPPER_NAMES)) {
        if (!stageShipsLayers(file, view.stageIndex)) continue;
        if (cacheMountTargets(view).includes(CACHE)) continue;
        for (const cmd of commandsNamed(view, ZYPPER_NAMES)) {
          const sub = zypperCall(cmd)?.sub;
          if (!sub || (sub.value !== 'install' && sub.value !== 'in')) continue;
          const cleaned = commandsAfter(view, cmd).some((c) => {
            const s = zypperCall(c)?.sub?.value;
            return s === 'clean' || s === 'cc' || removes(c, (p) => p === CACHE);
          });
          if (!cleaned) ctx.report({ at: sub.range, messageId: 'notCleaned', data: { sub: sub.value } });
        }
      }
    },
  }),
);
