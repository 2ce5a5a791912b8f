import { defineRule } from '../../../src/engine/types.js';
import type { UserInstruction } from '../../../src/parse/dockerfile/model.js';
import { builtStage, stageChain } from '../../../src/analysis/project-files.js';

const isRoot = (user: string) => /^(?:root|0)(?::.*)?$/.test(user.trim());

export default defineRule<Record<string, never>, 'overridesToRoot'>(
  {
    id: 'user-overrides-image-user',
    kind: 'project',
    summary: 'A service `user:` runs as root although the Dockerfile it builds switches to an unprivileged `USER`',
    category: 'security',
    severity: 'warning',
    recommended: true,
    aliases: [],
    messages: {
      overridesToRoot:
        'Service `{service}` sets `user: {user}`, which undoes `USER {imageUser}` of the Dockerfile it builds and runs the process as root; remove `user:` or write `user: {imageUser}`',
    },
    fix: 'unsafe',
    since: '0.1.0',
  },
  (ctx) => ({
    project(project) {
      const seen = new Set<string>();
      for (const cp of project.composeProjects) {
        for (const b of cp.builds) {
          const user = b.service.user;
          const df = b.dockerfile;
          if (!user || !df || !isRoot(user.value)) continue;
          const key = `${user.range.path}:${user.range.start}`;
          if (seen.has(key)) continue;
          const stage = builtStage(df, b.service.build!.target);
          if (!stage) continue;
          // The USER in force: the last one of the nearest stage in the chain that sets one.
          const last = stageChain(df, stage)
            .map((s) => s.instructions.filter((i): i is UserInstruction => i.keyword === 'USER').pop())
            .find((i) => i !== undefined);
          const imageUser = last?.user?.value;
          if (!last || !imageUser || imageUser.includes('$') || isRoot(imageUser)) continue;
          seen.add(key);
          const written = last.group ? `${imageUser}:${last.group}` : imageUser;
          ctx.report({
            at: user.range,
            messageId: 'overridesToRoot',
            data: { service: b.service.name, user: user.value, imageUser: written },
            related: [{ at: last.range, message: 'the image\'s user' }],
            fix: { title: `write \`${written}\``, edits: [{ path: user.range.path, start: user.range.start, end: user.range.end, text: /^[\w.-]+$/.test(written) ? written : `"${written}"` }] },
          });
        }
      }
    },
  }),
);
