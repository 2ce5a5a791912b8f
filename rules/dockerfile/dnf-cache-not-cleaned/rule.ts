import { defineRule } from '../../../src/engine/types.js';
import { RPM_CACHES, dnfCall, rpmCleanAll, DNF_NAMES } from '../../../src/analysis/packages.js';
import { cacheMountTargets, commandsAfter, commandsNamed, removes, viewsCalling, stageShipsLayers } from '../../../src/analysis/shell-query.js';

/** dnf subcommands that download packages or metadata into the cache. */
const DOWNLOADS = new Set([
  'install', 'in', 'groupinstall', 'localinstall', 'upgrade', 'up', 'update', 'upgrade-minimal', 'update-minimal', 'reinstall',
  'downgrade', 'distro-sync', 'swap',
]);

export default defineRule<Record<string, never>, 'notCleaned'>(
  {
    id: 'dnf-cache-not-cleaned',
    kind: 'dockerfile',
    summary: '`dnf install` without `dnf clean all` in the same RUN',
    category: 'best-practice',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3040', fidelity: 'partial' }],
    messages: {
      notCleaned:
        '`{tool} {sub}` leaves repository metadata and packages in `/var/cache/dnf`, which stay in the image layer; end the same RUN with `&& {tool} clean all`',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      for (const view of viewsCalling(file, DNF_NAMES)) {
        if (!stageShipsLayers(file, view.stageIndex)) continue;
        if (cacheMountTargets(view).some((t) => RPM_CACHES.has(t) || t.includes('.cache/libdnf5'))) continue;
        for (const cmd of commandsNamed(view, DNF_NAMES)) {
          const call = dnfCall(cmd);
          const sub = call?.sub;
          if (!call || !sub || !DOWNLOADS.has(sub.value)) continue;
          if (commandsAfter(view, cmd).some((c) => rpmCleanAll(c) || removes(c, (p) => RPM_CACHES.has(p)))) continue;
          ctx.report({ at: sub.range, messageId: 'notCleaned', data: { tool: call.tool, sub: sub.value } });
        }
      }
    },
  }),
);
