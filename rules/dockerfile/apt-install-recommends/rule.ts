import { defineRule } from '../../../src/engine/types.js';
import { aptCall, aptSkipsRecommends, APT_NAMES } from '../../../src/analysis/packages.js';
import { callsTo, earlierRunText, insertAfter } from '../../../src/analysis/shell-query.js';

/** An earlier RUN wrote `APT::Install-Recommends "false";` into apt's configuration. */
const CONF_NO_RECOMMENDS = /APT::Install-Recommends\s*=?\s*\\?"?(?:false|no|0)\b/i;

export default defineRule<Record<string, never>, 'recommends'>(
  {
    id: 'apt-install-recommends',
    kind: 'dockerfile',
    summary: '`apt-get install` without `--no-install-recommends` also installs recommended packages',
    category: 'best-practice',
    severity: 'info',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3015', fidelity: 'same' }],
    messages: {
      recommends:
        '`{tool} install` also installs every recommended package, often many megabytes the image never uses; write `{tool} install --no-install-recommends` and name what you need',
    },
    fix: 'unsafe',
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      for (const { view, cmd } of callsTo(file, APT_NAMES)) {
        const call = aptCall(cmd);
        if (call?.sub?.value !== 'install' || aptSkipsRecommends(call)) continue;
        if (CONF_NO_RECOMMENDS.test(earlierRunText(file, view))) continue;
        ctx.report({
          at: call.sub.range,
          messageId: 'recommends',
          data: { tool: call.tool },
          fix: { title: 'write `--no-install-recommends` after `install`', edits: [insertAfter(file, call.sub, '--no-install-recommends')] },
        });
      }
    },
  }),
);
