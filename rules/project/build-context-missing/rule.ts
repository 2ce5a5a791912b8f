import { dirname, relative, resolve, sep } from 'node:path';
import { defineRule } from '../../../src/engine/types.js';
import { buildAt, listingLooksComplete, scalarValueEdit, usesUnsetVariable } from '../../../src/analysis/project-files.js';
import { didYouMean } from '../../../src/text/did-you-mean.js';

type Msg = 'contextMissing' | 'dockerfileMissing' | 'dockerfileMissingDidYouMean';

export default defineRule<Record<string, never>, Msg>(
  {
    id: 'build-context-missing',
    kind: 'project',
    summary: 'A service `build:` points at a context folder or a Dockerfile that does not exist',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [],
    messages: {
      contextMissing:
        'Build context `{context}` of service `{service}` does not exist (resolved from the compose file\'s folder: `{resolved}`), so `docker compose build` fails; correct the path or create the folder',
      dockerfileMissing:
        'Dockerfile `{dockerfile}` of service `{service}` does not exist in the build context `{context}`, so `docker compose build` fails; correct `dockerfile:` (it is relative to the context, not to the compose file) or create the file',
      dockerfileMissingDidYouMean:
        'Dockerfile `{dockerfile}` of service `{service}` does not exist in the build context `{context}`, so `docker compose build` fails; did you mean `{suggestion}`?',
    },
    hasSuggestions: true,
    since: '0.1.0',
  },
  (ctx) => ({
    project(project) {
      const seen = new Set<string>();
      for (const cp of project.composeProjects) {
        const dir = dirname(cp.compose.path);
        for (const target of cp.builds) {
          const build = target.service.build!;
          const at = buildAt(target.service);
          if (usesUnsetVariable(cp.compose, at)) continue;
          const key = `${at.path}:${at.start}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const data = { service: target.service.name, context: build.context };
          if (!target.context.exists) {
            // A checkout stripped down to build files (like our corpus) lacks most folders: only a
            // compose folder that holds other files too is trusted to be complete.
            if (!listingLooksComplete(cp.dirFiles ?? [])) continue;
            const resolved = relative(dir, target.context.dir).split(sep).join('/') || '.';
            ctx.report({ at, messageId: 'contextMissing', data: { ...data, resolved } });
            continue;
          }
          // The corpus also drops duplicate Dockerfiles: absence counts only in a folder that looks whole.
          if (!target.dockerfileMissing || !(listingLooksComplete(target.context.files) || listingLooksComplete(cp.dirFiles ?? []))) continue;
          const written = build.dockerfile ?? 'Dockerfile';
          const dfAt = build.dockerfileRange ?? at;
          if (build.dockerfileRange && usesUnsetVariable(cp.compose, build.dockerfileRange)) continue;
          const candidates = target.context.files.filter((f) => !f.endsWith('/') && /dockerfile/i.test(f.split('/').pop()!));
          // `dockerfile:` written relative to the compose file instead of the context.
          const fromCompose = relative(target.context.dir, resolve(dir, written)).split(sep).join('/');
          const suggestion = candidates.includes(fromCompose) ? fromCompose : didYouMean(written.replace(/^\.\//, ''), candidates);
          if (suggestion && build.dockerfileRange) {
            ctx.report({
              at: dfAt,
              messageId: 'dockerfileMissingDidYouMean',
              data: { ...data, dockerfile: written, suggestion },
              suggest: [{ title: `write \`${suggestion}\``, edits: [scalarValueEdit(cp.compose, build.dockerfileRange, suggestion)] }],
            });
          } else {
            ctx.report({ at: dfAt, messageId: 'dockerfileMissing', data: { ...data, dockerfile: written } });
          }
        }
      }
    },
  }),
);
