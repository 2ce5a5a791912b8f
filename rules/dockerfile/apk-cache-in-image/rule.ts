import { defineRule } from '../../../src/engine/types.js';
import { apkCall, APK_NAMES } from '../../../src/analysis/packages.js';
import { cacheMountTargets, commandsAfter, commandsNamed, hasOption, insertAfter, removes, viewsCalling, stageShipsLayers } from '../../../src/analysis/shell-query.js';

const CACHES = new Set(['/var/cache/apk', '/etc/apk/cache']);

export default defineRule<Record<string, never>, 'cache'>(
  {
    id: 'apk-cache-in-image',
    kind: 'dockerfile',
    summary: '`apk add` without `--no-cache` leaves the package index in the image',
    category: 'best-practice',
    severity: 'info',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3019', fidelity: 'partial' }],
    messages: {
      cache:
        '`apk add` without `--no-cache` stores the repository index under `/var/cache/apk` in the image layer; write `apk add --no-cache`',
    },
    fix: 'safe',
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      for (const view of viewsCalling(file, APK_NAMES)) {
        if (!stageShipsLayers(file, view.stageIndex)) continue;
        if (cacheMountTargets(view).some((t) => CACHES.has(t))) continue;
        for (const cmd of commandsNamed(view, APK_NAMES)) {
          const call = apkCall(cmd);
          // `--no-network` installs from local files only: no index is fetched or kept.
          if (call?.sub?.value !== 'add' || hasOption(call.parsed, '', ['no-cache', 'no-network'])) continue;
          if (commandsAfter(view, cmd).some((c) => removes(c, (p) => CACHES.has(p)))) continue;
          ctx.report({
            at: call.sub.range,
            messageId: 'cache',
            fix: { title: 'write `--no-cache` after `add`', edits: [insertAfter(file, call.sub, '--no-cache')] },
          });
        }
      }
    },
  }),
);
