import { defineRule } from '../../../src/engine/types.js';
import { installWithoutYes } from '../../../src/analysis/rpm-visitors.js';
import { dnfCall, DNF_NAMES } from '../../../src/analysis/packages.js';

export default defineRule<Record<string, never>, 'noYes'>(
  {
    id: 'dnf-install-without-yes',
    kind: 'dockerfile',
    summary: '`dnf install` without `-y`: the build stops at the confirmation prompt',
    category: 'correctness',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3038', fidelity: 'same' }],
    messages: {
      noYes: '`{tool} {sub}` without `-y` asks for confirmation, and with no terminal to answer it the build aborts; write `{tool} {sub} -y`',
    },
    fix: 'safe',
    since: '0.1.0',
  },
  (ctx) => installWithoutYes(ctx, dnfCall, DNF_NAMES),
);
