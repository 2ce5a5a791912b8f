import { defineRule } from '../../../src/engine/types.js';
import { apkCall, apkPinned, APK_NAMES } from '../../../src/analysis/packages.js';
import { callsTo, unknownValue } from '../../../src/analysis/shell-query.js';

export default defineRule<Record<string, never>, 'unpinned'>(
  {
    id: 'apk-package-unpinned',
    kind: 'dockerfile',
    summary: '`apk add` of a package without a version',
    category: 'reliability',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3018', fidelity: 'partial' }],
    messages: {
      unpinned:
        'Package `{pkg}` is installed without a version, so each build may get another one and builds stop being reproducible; pin it as `{pkg}=<version>` (or `{pkg}~<major.minor>` to follow patch releases)',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      for (const { cmd } of callsTo(file, APK_NAMES)) {
        const call = apkCall(cmd);
        if (call?.sub?.value !== 'add') continue;
        for (const pkg of call.operands) {
          if (unknownValue(pkg) || apkPinned(pkg)) continue;
          ctx.report({ at: pkg.range, messageId: 'unpinned', data: { pkg: pkg.value } });
        }
      }
    },
  }),
);
