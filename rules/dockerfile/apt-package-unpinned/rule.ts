import { defineRule } from '../../../src/engine/types.js';
import { aptCall, aptPinned, APT_NAMES } from '../../../src/analysis/packages.js';
import { callsTo, unknownValue } from '../../../src/analysis/shell-query.js';

export default defineRule<Record<string, never>, 'unpinned'>(
  {
    id: 'apt-package-unpinned',
    kind: 'dockerfile',
    summary: '`apt-get install` of a package without a version',
    category: 'reliability',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3008', fidelity: 'partial' }],
    messages: {
      unpinned:
        'Package `{pkg}` is installed without a version, so each build may get another one and builds stop being reproducible; pin it as `{pkg}=<version>`',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      for (const { cmd } of callsTo(file, APT_NAMES)) {
        const call = aptCall(cmd);
        if (call?.sub?.value !== 'install') continue;
        for (const pkg of call.operands) {
          // A variable may hold pinned names; its value is not known here.
          if (unknownValue(pkg) || aptPinned(pkg)) continue;
          ctx.report({ at: pkg.range, messageId: 'unpinned', data: { pkg: pkg.value } });
        }
      }
    },
  }),
);
