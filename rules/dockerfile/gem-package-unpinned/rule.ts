import { defineRule } from '../../../src/engine/types.js';
import { gemInstall, gemPackages, gemPinned, GEM_NAMES } from '../../../src/analysis/packages.js';
import { callsTo, unknownValue } from '../../../src/analysis/shell-query.js';

export default defineRule<Record<string, never>, 'unpinned'>(
  {
    id: 'gem-package-unpinned',
    kind: 'dockerfile',
    summary: '`gem install` of a gem without a version',
    category: 'reliability',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3028', fidelity: 'same' }],
    messages: {
      unpinned:
        'Gem `{pkg}` is installed without a version, so each build may get another one and builds stop being reproducible; pin it as `{pkg}:<version>` or add `-v <version>`',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      for (const { cmd } of callsTo(file, GEM_NAMES)) {
        const call = gemInstall(cmd);
        if (!call) continue;
        for (const pkg of gemPackages(call)) {
          if (unknownValue(pkg) || gemPinned(pkg)) continue;
          ctx.report({ at: pkg.range, messageId: 'unpinned', data: { pkg: pkg.value } });
        }
      }
    },
  }),
);
