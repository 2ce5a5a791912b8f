import { dirname, isAbsolute, relative, sep } from 'node:path';
import { defineRule } from '../../../src/engine/types.js';
import { listingLooksComplete, usesUnsetVariable } from '../../../src/analysis/project-files.js';

export default defineRule<Record<string, never>, 'missing'>(
  {
    id: 'resource-file-missing',
    kind: 'project',
    summary: 'A top-level secret or config reads a `file:` that does not exist',
    category: 'correctness',
    severity: 'warning',
    recommended: true,
    aliases: [],
    messages: {
      missing:
        '{kind} `{name}` reads `{file}`{resolved}, which does not exist, so `docker compose up` fails when a service mounts it; create the file{hint}, or correct the path',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    project(project) {
      for (const cp of project.composeProjects) {
        // A checkout stripped down to build files (like our corpus) lacks most files: only a
        // compose folder that holds other files too is trusted to be complete.
        if (!cp.resourceFiles?.length || !listingLooksComplete(cp.dirFiles ?? [])) continue;
        const dir = dirname(cp.compose.path);
        for (const r of cp.resourceFiles) {
          if (r.exists || usesUnsetVariable(cp.compose, r.range)) continue;
          const written = cp.compose.source.slice(r.range).replace(/^(["'])(.*)\1$/, '$2');
          // Relative to the compose folder keeps the message the same on every machine.
          const shown = isAbsolute(written) ? r.path : relative(dir, r.path).split(sep).join('/');
          const resolved = shown === written || `./${shown}` === written ? '' : ` (\`${shown}\` from the compose file's folder)`;
          ctx.report({
            at: r.range,
            messageId: 'missing',
            data: { kind: r.section === 'secrets' ? 'Secret' : 'Config', name: r.name, file: written, resolved, hint: r.section === 'secrets' ? ' (and keep it out of version control)' : '' },
          });
        }
      }
    },
  }),
);
