import { defineRule } from '../../../src/engine/types.js';
import { zypperCall, ZYPPER_NAMES } from '../../../src/analysis/packages.js';
import { callsTo, fedByYes, hasOption, insertAfter } from '../../../src/analysis/shell-query.js';

/** Subcommands that ask for confirmation, and whether they take `-y` themselves. */
const PROMPTS: Record<string, boolean> = {
  install: true, in: true, remove: true, rm: true, patch: true, 'source-install': false, si: false,
};

export default defineRule<Record<string, never>, 'interactive'>(
  {
    id: 'zypper-without-non-interactive',
    kind: 'dockerfile',
    summary: '`zypper install` without `-n` or `-y`: the build stops at the confirmation prompt',
    category: 'correctness',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3034', fidelity: 'same' }],
    messages: {
      interactive:
        '`zypper {sub}` asks for confirmation, and with no terminal to answer it the build aborts; write `zypper --non-interactive {sub}` or `zypper {sub} -y`',
    },
    fix: 'safe',
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      for (const { view, cmd } of callsTo(file, ZYPPER_NAMES)) {
        const call = zypperCall(cmd);
        const sub = call?.sub;
        if (!call || !sub || !(sub.value in PROMPTS)) continue;
        if (hasOption(call.parsed, 'ny', ['non-interactive', 'no-confirm']) || fedByYes(view, cmd)) continue;
        const fix = PROMPTS[sub.value]
          ? { title: `write \`-y\` after \`${sub.value}\``, edits: [insertAfter(file, sub, '-y')] }
          : { title: 'write `-n` after `zypper`', edits: [insertAfter(file, cmd.nameWord, '-n')] };
        ctx.report({ at: sub.range, messageId: 'interactive', data: { sub: sub.value }, fix });
      }
    },
  }),
);
