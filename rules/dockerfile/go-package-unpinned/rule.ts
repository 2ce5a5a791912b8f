import { defineRule } from '../../../src/engine/types.js';
import { goCall, goPackages, goPinned, GO_NAMES } from '../../../src/analysis/packages.js';
import { callsTo, unknownValue } from '../../../src/analysis/shell-query.js';

export default defineRule<Record<string, never>, 'unpinned'>(
  {
    id: 'go-package-unpinned',
    kind: 'dockerfile',
    summary: '`go install`/`go get`/`go run` of a module without a version',
    category: 'reliability',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3062', fidelity: 'same' }],
    messages: {
      unpinned:
        'Module `{pkg}` is fetched without a fixed version, so each build may get another one and builds stop being reproducible; write `{path}@<version>`',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      for (const { cmd } of callsTo(file, GO_NAMES)) {
        const call = goCall(cmd);
        if (!call) continue;
        for (const pkg of goPackages(call)) {
          if (unknownValue(pkg) || goPinned(pkg)) continue;
          ctx.report({ at: pkg.range, messageId: 'unpinned', data: { pkg: pkg.value, path: pkg.value.replace(/@.*$/, '') } });
        }
      }
    },
  }),
);
