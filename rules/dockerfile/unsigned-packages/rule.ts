import { defineRule } from '../../../src/engine/types.js';
import type { ShellCommand, ShellWord } from '../../../src/parse/dockerfile/shell/types.js';
import { baseName } from '../../../src/analysis/shell-commands.js';

const APT = new Set(['apt-get', 'apt', 'aptitude']);
const RPM_FAMILY = new Set(['yum', 'dnf', 'microdnf', 'tdnf', 'dnf5']);
const CHECKED = new Set([...APT, ...RPM_FAMILY, 'apk', 'rpm', 'zypper', 'dpkg']);

/** The word of `cmd` that skips package signature checks, if any. */
function offendingWord(cmd: ShellCommand): ShellWord | undefined {
  const name = baseName(cmd.name);
  // Commands of none of these tools (nearly all of them) need no look at their words.
  if (!CHECKED.has(name)) return undefined;
  for (let i = 0; i < cmd.args.length; i++) {
    const w = cmd.args[i]!;
    const v = w.value;
    if (APT.has(name)) {
      if (v === '--allow-unauthenticated' || v === '--force-yes' || v === '--allow-insecure-repositories') return w;
      const opt = v === '-o' ? cmd.args[i + 1]?.value ?? '' : v.startsWith('-o') ? v.slice(2) : '';
      if (/^(?:APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories)=(?:1|true|yes)$/i.test(opt)) return v === '-o' ? cmd.args[i + 1] : w;
    } else if (RPM_FAMILY.has(name)) {
      if (v === '--nogpgcheck' || /^--setopt=(?:[\w.-]+\.)?gpgcheck=(?:0|false|no)$/i.test(v)) return w;
    } else if (name === 'apk') {
      if (v === '--allow-untrusted') return w;
    } else if (name === 'rpm') {
      if (v === '--nosignature' || v === '--nodigest' || v === '--noverify') return w;
    } else if (name === 'zypper') {
      if (v === '--no-gpg-checks' || v === '--no-gpgcheck') return w;
    } else if (name === 'dpkg') {
      if (v === '--force-bad-verify') return w;
    }
  }
  return undefined;
}

export default defineRule<Record<string, never>, 'unsigned'>(
  {
    id: 'unsigned-packages',
    kind: 'dockerfile',
    summary: 'Package installs that skip signature checks (`--allow-unauthenticated`, `--nogpgcheck`, `--allow-untrusted`, …)',
    category: 'security',
    severity: 'warning',
    recommended: true,
    aliases: [],
    messages: {
      unsigned:
        '`{tool} {flag}` installs packages without checking their signatures, so a tampered mirror or repository can put anything into the image; remove `{flag}` and import the repository\'s signing key instead',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:run'(run) {
      for (const cmd of run.commands) {
        const w = offendingWord(cmd);
        if (w) ctx.report({ at: w.range, messageId: 'unsigned', data: { tool: baseName(cmd.name), flag: w.value } });
      }
    },
  }),
);
