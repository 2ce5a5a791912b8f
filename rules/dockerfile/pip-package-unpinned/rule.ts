import { defineRule } from '../../../src/engine/types.js';
import { pipInstall, pipPackages, pipPinned } from '../../../src/analysis/packages.js';
import { runViews, unknownValue } from '../../../src/analysis/shell-query.js';

export default defineRule<Record<string, never>, 'unpinned'>(
  {
    id: 'pip-package-unpinned',
    kind: 'dockerfile',
    summary: '`pip install` of a package without a version',
    category: 'reliability',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3013', fidelity: 'same' }],
    messages: {
      unpinned:
        'Package `{pkg}` is installed without a version, so each build may get another one and builds stop being reproducible; pin it as `{pkg}==<version>` or install from a pinned requirements file',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      for (const view of runViews(file)) {
        for (const cmd of view.commands) {
          const call = pipInstall(cmd);
          if (!call) continue;
          for (const pkg of pipPackages(call)) {
            if (unknownValue(pkg) || pipPinned(pkg)) continue;
            ctx.report({ at: pkg.range, messageId: 'unpinned', data: { pkg: pkg.value } });
          }
        }
      }
    },
  }),
);
