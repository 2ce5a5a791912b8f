import { defineRule } from '../../../src/engine/types.js';
import { rpmInstallWord, dnfCall } from '../../../src/analysis/packages.js';
import { earlierRunText, fedByYes, hasOption, insertAfter, runViews } from '../../../src/analysis/shell-query.js';

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
  (ctx) => ({
    dockerfile(file) {
      for (const view of runViews(file)) {
        for (const cmd of view.commands) {
          const call = dnfCall(cmd);
          const word = call && rpmInstallWord(call);
          if (!call || !word || hasOption(call.parsed, 'y', ['assumeyes']) || fedByYes(view, cmd)) continue;
          if (/assumeyes\s*=\s*(?:1|true|yes)\b/i.test(earlierRunText(file, view))) continue;
          ctx.report({
            at: word.range,
            messageId: 'noYes',
            data: { tool: call.tool, sub: word.value },
            fix: { title: `write \`-y\` after \`${word.value}\``, edits: [insertAfter(file, word, '-y')] },
          });
        }
      }
    },
  }),
);
