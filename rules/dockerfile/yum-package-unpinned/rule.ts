import { defineRule } from '../../../src/engine/types.js';
import { rpmUnpinned, yumCall } from '../../../src/analysis/packages.js';
import { runViews } from '../../../src/analysis/shell-query.js';

export default defineRule<Record<string, never>, 'unpinned' | 'stream'>(
  {
    id: 'yum-package-unpinned',
    kind: 'dockerfile',
    summary: '`yum install` of a package without a version',
    category: 'reliability',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3033', fidelity: 'same' }],
    messages: {
      unpinned:
        'Package `{pkg}` is installed without a version, so each build may get another one and builds stop being reproducible; pin it as `{pkg}-<version>`',
      stream: 'Module `{pkg}` is enabled without a stream, so the default stream decides what is installed; write `{pkg}:<stream>`',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      for (const view of runViews(file)) {
        for (const cmd of view.commands) {
          const call = yumCall(cmd);
          if (!call) continue;
          const messageId = call.sub?.value === 'module' ? 'stream' : 'unpinned';
          for (const pkg of rpmUnpinned(call)) ctx.report({ at: pkg.range, messageId, data: { pkg: pkg.value } });
        }
      }
    },
  }),
);
