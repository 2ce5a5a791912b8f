import { defineRule } from '../../../src/engine/types.js';
import type { CopyInstruction } from '../../../src/parse/dockerfile/model.js';
import type { BuildContext } from '../../../src/project/model.js';
import { buildAt, listingLooksComplete, reachableStages } from '../../../src/analysis/project-files.js';
import { didYouMean } from '../../../src/text/did-you-mean.js';

type Msg = 'missing' | 'missingDidYouMean' | 'noMatch';

/** Folders the context listing names without entering (see listTree). */
const OPAQUE = new Set(['.git', 'node_modules']);

/** A source path as the context sees it: no leading `./` or `/`, no trailing `/`, `.` for the root. */
function contextPath(source: string): string {
  const parts = source.split('/').filter((p) => p !== '' && p !== '.');
  return parts.join('/');
}

/** Go's filepath.Match, which COPY uses for each path: `*` and `?` stay within one segment. */
function globRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        re += '.*';
        i++;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) re += '\\[';
      else {
        re += '[' + pattern.slice(i + 1, close).replace(/^\^/, '^').replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function exists(context: BuildContext, files: ReadonlySet<string>, path: string): boolean {
  if (path === '' || files.has(path) || files.has(`${path}/`)) return true;
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) if (OPAQUE.has(parts[i - 1]!) && files.has(`${parts.slice(0, i).join('/')}/`)) return true;
  return false;
}

export default defineRule<Record<string, never>, Msg>(
  {
    id: 'copy-source-missing',
    kind: 'project',
    summary: '`COPY`/`ADD` of a path that does not exist in the build context compose sends',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [],
    messages: {
      missing:
        '`{source}` does not exist in the build context `{context}` of service `{service}`, so `{keyword}` fails with "not found"; correct the path (it is relative to the context) or create the file',
      missingDidYouMean:
        '`{source}` does not exist in the build context `{context}` of service `{service}`, so `{keyword}` fails with "not found"; did you mean `{suggestion}`?',
      noMatch:
        'No file of the build context `{context}` of service `{service}` matches `{source}`, so `{keyword}` fails with "no source files were specified"; correct the pattern (it is relative to the context)',
    },
    hasSuggestions: true,
    since: '0.1.0',
  },
  (ctx) => ({
    project(project) {
      const seen = new Set<string>();
      for (const cp of project.composeProjects) {
        for (const b of cp.builds) {
          const df = b.dockerfile;
          const context = b.context;
          // Only a listing that is whole and not stripped down to build files can prove absence.
          if (!df || !context.exists || context.truncated || !listingLooksComplete(context.files)) continue;
          const files = new Set(context.files);
          const stages = reachableStages(df, b.service.build!.target);
          for (const stage of stages) {
            for (const ins of stage.instructions) {
              if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
              const copy = ins as CopyInstruction;
              if (copy.from) continue;
              for (const src of copy.sources) {
                const v = src.value;
                if (v.startsWith('<<') || v.includes('$') || /^[a-z][a-z0-9+.-]*:\/\//i.test(v) || v.startsWith('git@')) continue;
                const key = `${src.range.path}:${src.range.start}`;
                if (seen.has(key)) continue;
                const path = contextPath(v);
                const data = { source: v, context: b.service.build!.context, service: b.service.name, keyword: ins.keyword };
                const related = [{ at: buildAt(b.service), message: `build context of service \`${b.service.name}\`` }];
                if (/[*?[]/.test(path)) {
                  const re = globRegExp(path);
                  if (context.files.some((f) => re.test(f.replace(/\/$/, '')))) continue;
                  seen.add(key);
                  ctx.report({ at: src.range, messageId: 'noMatch', data, related });
                  continue;
                }
                if (exists(context, files, path)) continue;
                seen.add(key);
                const slash = path.lastIndexOf('/');
                const parent = slash < 0 ? '' : path.slice(0, slash + 1);
                const siblings = context.files
                  .map((f) => f.replace(/\/$/, ''))
                  .filter((f) => f.startsWith(parent) && !f.slice(parent.length).includes('/'));
                const suggestion = didYouMean(path, siblings);
                if (suggestion) {
                  const shown = v.startsWith('./') ? `./${suggestion}` : suggestion;
                  ctx.report({
                    at: src.range,
                    messageId: 'missingDidYouMean',
                    data: { ...data, suggestion: shown },
                    related,
                    suggest: [{ title: `write \`${shown}\``, edits: [{ path: src.range.path, start: src.range.start, end: src.range.end, text: shown }] }],
                  });
                } else {
                  ctx.report({ at: src.range, messageId: 'missing', data, related });
                }
              }
            }
          }
        }
      }
    },
  }),
);
