import { join } from 'node:path';
import { defineRule, type Edit, type Ranged } from '../../../src/engine/types.js';
import type { ComposeService } from '../../../src/parse/compose/model.js';
import type { CopyInstruction, Word } from '../../../src/parse/dockerfile/model.js';
import type { BuildContext } from '../../../src/project/model.js';
import { unignoredSecrets } from './secrets.js';

/** `.`, `./`, `/`, `*`, `./*`: a COPY source that stands for the whole build context. */
export function isWholeContext(source: string): boolean {
  const parts = source.split('/').filter((p) => p !== '' && p !== '.');
  return parts.length === 0 || (parts.length === 1 && (parts[0] === '*' || parts[0] === '**'));
}

/** `a`, `b` and 3 more — at most five names, in backticks. */
export function listNames(names: string[]): string {
  const shown = names.slice(0, 5).map((n) => `\`${n}\``);
  if (names.length > 5) return `${shown.join(', ')} and ${names.length - 5} more`;
  if (shown.length === 1) return shown[0]!;
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** Where a service's build is written: the `build: .` scalar, else its `context` (or the key). */
export function buildValueRange(service: ComposeService): Ranged {
  const b = service.build!;
  return b.node.kind === 'scalar' ? b.node.range : b.contextRange;
}

interface Finding {
  copy: CopyInstruction;
  source: Word;
  services: ComposeService[];
  contexts: Map<string, BuildContext>;
}

function ignoreEdit(context: BuildContext, entries: string[]): Edit {
  const lines = entries.map((e) => e.replace(/\/+$/, '')).join('\n') + '\n';
  const ignore = context.dockerignore;
  // An edit on a file that does not exist creates it.
  if (!ignore) return { path: join(context.dir, '.dockerignore'), start: 0, end: 0, text: lines };
  const text = ignore.source.text;
  const sep = text === '' || text.endsWith('\n') ? '' : '\n';
  return { path: ignore.path, start: text.length, end: text.length, text: sep + lines };
}

export default defineRule<Record<string, never>, 'noIgnore' | 'notIgnored'>(
  {
    id: 'secret-file-in-image',
    kind: 'project',
    summary: '`COPY . .` of a build context that holds secret-looking files `.dockerignore` does not exclude',
    category: 'security',
    severity: 'warning',
    recommended: true,
    aliases: [],
    messages: {
      noIgnore:
        '`{keyword} {source}` copies the whole build context, which holds {files}, and there is no `.dockerignore`: these secrets end up in an image layer that anyone who pulls the image can read; create a `.dockerignore` that excludes them',
      notIgnored:
        '`{keyword} {source}` copies the whole build context, and `.dockerignore` does not exclude {files}: these secrets end up in an image layer that anyone who pulls the image can read; add them to `.dockerignore`',
    },
    fix: 'unsafe',
    since: '0.1.0',
  },
  (ctx) => ({
    project(project) {
      // The context is only known through a compose `build:`; one COPY may be reached by several
      // services, and is reported once.
      const found = new Map<string, Finding>();
      for (const cp of project.composeProjects) {
        for (const target of cp.builds) {
          const df = target.dockerfile;
          if (!df || !target.context.exists) continue;
          for (const ins of df.instructions) {
            if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
            const copy = ins as CopyInstruction;
            if (copy.from) continue;
            for (const source of copy.sources) {
              if (!isWholeContext(source.value)) continue;
              const key = `${df.path}\0${source.range.start}`;
              let f = found.get(key);
              if (!f) found.set(key, (f = { copy, source, services: [], contexts: new Map() }));
              if (!f.services.includes(target.service)) f.services.push(target.service);
              f.contexts.set(target.context.dir, target.context);
            }
          }
        }
      }
      for (const f of found.values()) {
        const perContext = [...f.contexts.values()].map((c) => ({ c, entries: unignoredSecrets(c) })).filter((x) => x.entries.length);
        if (perContext.length === 0) continue;
        const names = [...new Set(perContext.flatMap((x) => x.entries))];
        const missing = perContext.every((x) => !x.c.dockerignore);
        const files = listNames(names);
        ctx.report({
          at: f.source.range,
          messageId: missing ? 'noIgnore' : 'notIgnored',
          data: { keyword: f.copy.keyword, source: f.source.value, files },
          related: f.services.map((s) => ({ at: buildValueRange(s), message: `built by service \`${s.name}\`` })),
          fix: {
            title: missing ? `create \`.dockerignore\` listing ${files}` : `add ${files} to \`.dockerignore\``,
            edits: perContext.map((x) => ignoreEdit(x.c, x.entries)),
          },
        });
      }
    },
  }),
);
