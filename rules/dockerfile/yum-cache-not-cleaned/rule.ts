import { defineRule } from '../../../src/engine/types.js';
import { RPM_CACHES, rpmCleanAll, rpmInstallWord, yumCall, YUM_NAMES } from '../../../src/analysis/packages.js';
import { cacheMountTargets, commandsAfter, commandsNamed, removes, viewsCalling, stageShipsLayers } from '../../../src/analysis/shell-query.js';

export default defineRule<Record<string, never>, 'notCleaned'>(
  {
    id: 'yum-cache-not-cleaned',
    kind: 'dockerfile',
    summary: '`yum install` without `yum clean all` in the same RUN',
    category: 'best-practice',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3032', fidelity: 'partial' }],
    messages: {
      notCleaned:
        '`yum {sub}` leaves repository metadata and packages in `/var/cache/yum`, which stay in the image layer; end the same RUN with `&& yum clean all`',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      for (const view of viewsCalling(file, YUM_NAMES)) {
        if (!stageShipsLayers(file, view.stageIndex)) continue;
        if (cacheMountTargets(view).some((t) => RPM_CACHES.has(t))) continue;
        for (const cmd of commandsNamed(view, YUM_NAMES)) {
          const call = yumCall(cmd);
          const word = call && rpmInstallWord(call);
          if (!word) continue;
          if (commandsAfter(view, cmd).some((c) => rpmCleanAll(c) || removes(c, (p) => RPM_CACHES.has(p)))) continue;
          ctx.report({ at: word.range, messageId: 'notCleaned', data: { sub: word.value } });
        }
      }
    },
  }),
);
