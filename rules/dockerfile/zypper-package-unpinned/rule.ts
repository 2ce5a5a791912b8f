import { defineRule } from '../../../src/engine/types.js';
import { zypperCall, zypperPinned, ZYPPER_NAMES } from '../../../src/analysis/packages.js';
import { callsTo, unknownValue } from '../../../src/analysis/shell-query.js';

/** `pattern:x`, `patch:x`, … name other kinds of resolvables than packages. */
const KIND_PREFIX = /^(?:pattern|patch|product|srcpackage|application):/;

export default defineRule<Record<string, never>, 'unpinned'>(
  {
    id: 'zypper-package-unpinned',
    kind: 'dockerfile',
    summary: '`zypper install` of a package without a version',
    category: 'reliability',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3037', fidelity: 'same' }],
    messages: {
      unpinned:
        'Package `{pkg}` is installed without a version, so each build may get another one and builds stop being reproducible; pin it as `{pkg}=<version>` (quoted, e.g. `\'{pkg}>=<version>\'`, for a range)',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      for (const { cmd } of callsTo(file, ZYPPER_NAMES)) {
        const call = zypperCall(cmd);
        const sub = call?.sub?.value;
        if (!call || (sub !== 'install' && sub !== 'in')) continue;
        // `-t pattern` and friends install groups of packages, not one versioned package.
        const type = call.parsed.options.find((o) => (o.long ? o.name === 'type' : o.name === 't'))?.value;
        if (type !== undefined && type !== 'package') continue;
        for (const pkg of call.operands) {
          if (unknownValue(pkg) || zypperPinned(pkg) || KIND_PREFIX.test(pkg.value)) continue;
          ctx.report({ at: pkg.range, messageId: 'unpinned', data: { pkg: pkg.value } });
        }
      }
    },
  }),
);
