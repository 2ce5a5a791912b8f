import { defineRule } from '../../../src/engine/types.js';
import type { CopyInstruction } from '../../../src/parse/dockerfile/model.js';
import type { DockerIgnore } from '../../../src/parse/dockerignore/model.js';

/** A source path as the context sees it: no leading `./` or `/`, no trailing `/`. */
function contextPath(source: string): string {
  return source.replace(/^(?:\.\/|\/)+/, '').replace(/\/+$/, '');
}

/** Whether the path or one of its parent folders is excluded. `.` only by a match-everything pattern. */
function excluded(ignore: DockerIgnore, source: string): boolean {
  const path = contextPath(source);
  if (path === '' || path === '.') return ignore.patterns.some((p) => !p.negated && ['*', '**', '**/*'].includes(p.pattern));
  const parts = path.split('/');
  for (let i = 1; i <= parts.length; i++) if (ignore.ignores(parts.slice(0, i).join('/'))) return true;
  return false;
}

export default defineRule<Record<string, never>, 'ignored'>(
  {
    id: 'copy-ignored-file',
    kind: 'project',
    summary: '`COPY`/`ADD` of a path that the build context\'s `.dockerignore` excludes',
    category: 'correctness',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'buildkit', code: 'CopyIgnoredFile', fidelity: 'same' }],
    messages: {
      ignored:
        '`{source}` is excluded by `.dockerignore` of the build context of service `{service}`, so `{keyword}` finds nothing there and the build fails or copies less than it seems; remove the matching pattern or copy another path',
    },
    since: '0.1.0',
  },
  (ctx) => {
    const seen = new Set<string>();
    return {
      project(project) {
        for (const cp of project.composeProjects) {
          for (const build of cp.builds) {
            const file = build.dockerfile;
            const ignore = build.context.dockerignore;
            // With a `!` exception the outcome depends on files we do not list; BuildKit skips it too.
            if (!file || !ignore || ignore.patterns.some((p) => p.negated)) continue;
            for (const ins of file.instructions) {
              if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
              const copy = ins as CopyInstruction;
              if (copy.from) continue;
              for (const src of copy.sources) {
                const v = src.value;
                if (v.startsWith('<<') || v.includes('$') || /^[a-z][a-z0-9+.-]*:\/\//i.test(v) || v.startsWith('git@')) continue;
                if (!excluded(ignore, v)) continue;
                const key = `${src.range.path}:${src.range.start}`;
                if (seen.has(key)) continue;
                seen.add(key);
                ctx.report({
                  at: src.range,
                  messageId: 'ignored',
                  data: { source: v, service: build.service.name, keyword: ins.keyword },
                  related: [{ at: { path: ignore.path, start: 0, end: 0 }, message: 'the `.dockerignore` that applies' }],
                });
              }
            }
          }
        }
      },
    };
  },
);
