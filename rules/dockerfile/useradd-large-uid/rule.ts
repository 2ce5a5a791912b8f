import { defineRule } from '../../../src/engine/types.js';
import { callsTo, hasOption, insertAfter, parseArgs } from '../../../src/analysis/shell-query.js';

const USERADD = {
  shortValue: 'bcdefgGkKpsuRPZ',
  longValue: ['base-dir', 'comment', 'home-dir', 'expiredate', 'inactive', 'gid', 'groups', 'skel', 'key', 'password', 'shell', 'uid', 'root', 'prefix', 'selinux-user', 'selinux-range'],
};

export default defineRule<Record<string, never>, 'lastlog'>(
  {
    id: 'useradd-large-uid',
    kind: 'dockerfile',
    summary: '`useradd` with a large UID and without `--no-log-init` bloats the image',
    category: 'best-practice',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3046', fidelity: 'same' }],
    messages: {
      lastlog:
        'UID `{uid}` makes `useradd` grow `/var/log/lastlog` and `/var/log/faillog` to a size proportional to the UID (sparse on disk, but stored in full in the layer); write `useradd --no-log-init`',
    },
    fix: 'safe',
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      for (const { cmd } of callsTo(file, ['useradd'])) {
        const parsed = parseArgs(cmd.args, USERADD);
        if (hasOption(parsed, 'l', ['no-log-init'])) continue;
        const uid = parsed.options.find((o) => (o.long ? o.name === 'uid' : o.name === 'u'));
        // Six digits and more: the size of those files grows with the UID.
        if (!uid?.value || !/^\d{6,}$/.test(uid.value) || uid.valueWord?.dynamic) continue;
        ctx.report({
          at: (uid.valueWord ?? uid.word).range,
          messageId: 'lastlog',
          data: { uid: uid.value },
          fix: { title: 'write `--no-log-init` after `useradd`', edits: [insertAfter(file, cmd.nameWord, '--no-log-init')] },
        });
      }
    },
  }),
);
