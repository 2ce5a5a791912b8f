import { defineRule } from '../../../src/engine/types.js';
import { aptAssumesYes, aptCall, APT_NAMES } from '../../../src/analysis/packages.js';
import { callsTo, earlierRunText, fedByYes, insertAfter } from '../../../src/analysis/shell-query.js';

/** An earlier RUN wrote `APT::Get::Assume-Yes "true";` into apt's configuration. */
const CONF_YES = /APT::Get::Assume-Yes\s*=?\s*\\?"?(?:true|yes|1)\b/i;

export default defineRule<Record<string, never>, 'noYes'>(
  {
    id: 'apt-install-without-yes',
    kind: 'dockerfile',
    summary: '`apt-get install` without `-y`: the build stops at the confirmation prompt',
    category: 'correctness',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3014', fidelity: 'same' }],
    messages: {
      noYes:
        '`{tool} install` without `-y` asks for confirmation, and with no terminal to answer it the build aborts; write `{tool} install -y`',
    },
    fix: 'safe',
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      for (const { view, cmd } of callsTo(file, APT_NAMES)) {
        const call = aptCall(cmd);
        if (call?.sub?.value !== 'install' || aptAssumesYes(call) || fedByYes(view, cmd)) continue;
        if (CONF_YES.test(earlierRunText(file, view))) continue;
        ctx.report({
          at: call.sub.range,
          messageId: 'noYes',
          data: { tool: call.tool },
          fix: { title: 'write `-y` after `install`', edits: [insertAfter(file, call.sub, '-y')] },
        });
      }
    },
  }),
);
