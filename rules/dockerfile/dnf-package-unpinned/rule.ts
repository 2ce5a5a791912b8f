import { defineRule } from '../../../src/engine/types.js';
import { unpinnedPackages } from '../../../src/analysis/rpm-visitors.js';
import { dnfCall, DNF_NAMES } from '../../../src/analysis/packages.js';

export default defineRule<Record<string, never>, 'unpinned' | 'stream'>(
  {
    id: 'dnf-package-unpinned',
    kind: 'dockerfile',
    summary: '`dnf install` of a package without a version',
    category: 'reliability',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3041', fidelity: 'same' }],
    messages: {
      unpinned:
        'Package `{pkg}` is installed without a version, so each build may get another one and builds stop being reproducible; pin it as `{pkg}-<version>`',
      stream: 'Module `{pkg}` is enabled without a stream, so the default stream decides what is installed; write `{pkg}:<stream>`',
    },
    since: '0.1.0',
  },
  (ctx) => unpinnedPackages(ctx, dnfCall, DNF_NAMES),
);
