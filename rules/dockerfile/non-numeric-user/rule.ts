import { defineRule } from '../../../src/engine/types.js';
import type { UserInstruction } from '../../../src/parse/dockerfile/model.js';
import { isWindowsStage, lastVisible } from '../../../src/analysis/stages.js';

export default defineRule<Record<string, never>, 'nameNotUid'>(
  {
    id: 'non-numeric-user',
    kind: 'dockerfile',
    summary: 'The image runs as a user name instead of a numeric uid',
    category: 'security',
    severity: 'info',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3066', fidelity: 'partial' }],
    messages: {
      nameNotUid:
        'The image runs as user name `{user}`, which Kubernetes `runAsNonRoot` cannot verify and which only means something if `/etc/passwd` has it; write its numeric uid, e.g. `USER 10001{group}`',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      // Only the user the built image runs as matters; builder stages switch users freely.
      const final = file.stages.find((s) => s.final) ?? file.stages[file.stages.length - 1];
      // Windows users have no uid: `USER ContainerUser` is how Windows images drop privileges.
      if (!final || isWindowsStage(file, final)) return;
      const user = lastVisible(file, final, 'USER') as UserInstruction | undefined;
      const word = user?.user;
      if (!word) return;
      const name = word.value.split(':')[0]!;
      // Numeric, root (root-user's business), or a variable known only at build time.
      if (/^\d+$/.test(name) || name === 'root' || name.includes('$') || name === '') return;
      const group = word.value.includes(':') ? `:${word.value.split(':')[1]}` : '';
      const raw = file.source.text.slice(word.range.start, word.range.end);
      const at = raw.startsWith(name) ? { ...word.range, end: word.range.start + name.length } : word.range;
      ctx.report({ at, messageId: 'nameNotUid', data: { user: name, group: /^:\d+$/.test(group) ? group : '' } });
    },
  }),
);
