import { defineRule } from '../../../src/engine/types.js';
import { npmInstall, npmPinned, NPM_NAMES } from '../../../src/analysis/packages.js';
import { callsTo, unknownValue } from '../../../src/analysis/shell-query.js';

export default defineRule<Record<string, never>, 'unpinned'>(
  {
    id: 'npm-package-unpinned',
    kind: 'dockerfile',
    summary: '`npm install <package>` without a version',
    category: 'reliability',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3016', fidelity: 'same' }],
    messages: {
      unpinned:
        'Package `{pkg}` is installed without a fixed version, so each build may get another one and builds stop being reproducible; pin it as `{name}@<version>`, or install from `package-lock.json` with `npm ci`',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      for (const { cmd } of callsTo(file, NPM_NAMES)) {
        const call = npmInstall(cmd);
        if (!call) continue;
        for (const pkg of call.operands) {
          if (unknownValue(pkg) || npmPinned(pkg)) continue;
          ctx.report({ at: pkg.range, messageId: 'unpinned', data: { pkg: pkg.value, name: pkg.value.replace(/(.)@.*$/, '$1') } });
        }
      }
    },
  }),
);
