import { defineRule, type Ranged } from '../../../src/engine/types.js';
import type { EnvFile } from '../../../src/parse/env/model.js';

type Msg = 'rejected' | 'exportPrefix' | 'spaceAroundEquals' | 'commentAsValue';

/** Lines that Compose v2 reads but other readers of the same file (`docker run --env-file`, Compose v1) read otherwise. */
function portabilityIssues(file: EnvFile): { messageId: 'exportPrefix' | 'spaceAroundEquals'; at: Ranged; key: string; fix: { start: number; end: number; text: string } }[] {
  const out: ReturnType<typeof portabilityIssues> = [];
  const text = file.source.text;
  for (const e of file.entries) {
    const lineStart = text.lastIndexOf('\n', e.keyRange.start - 1) + 1;
    const before = text.slice(lineStart, e.keyRange.start);
    const m = /^([ \t]*)export[ \t]+$/.exec(before);
    if (m) {
      const start = lineStart + m[1]!.length;
      out.push({ messageId: 'exportPrefix', key: e.key, at: file.source.ranged(start, start + 6), fix: { start, end: e.keyRange.start, text: '' } });
    }
    // Between the key and the value: `KEY = value` instead of `KEY=value`.
    const between = text.slice(e.keyRange.end, e.valueRange.start);
    // `KEY= # note` is an empty value and a comment, not a spaced `=`.
    if (/^[ \t]*=[ \t]*$/.test(between) && between !== '=' && e.valueRange.end > e.valueRange.start && text[e.valueRange.start] !== '#') {
      out.push({
        messageId: 'spaceAroundEquals',
        key: e.key,
        at: file.source.ranged(e.keyRange.end, e.valueRange.start),
        fix: { start: e.keyRange.end, end: e.valueRange.start, text: '=' },
      });
    }
  }
  return out;
}

export default defineRule<Record<string, never>, Msg>(
  {
    id: 'env-file-syntax',
    kind: 'project',
    summary: '`.env` or `env_file` line that Compose rejects, or that other readers of env files read differently',
    category: 'correctness',
    severity: 'warning',
    recommended: true,
    aliases: [],
    messages: {
      rejected: '`{file}`: {problem}, so Compose refuses the file or reads a different value; correct the line (`KEY=value`, with balanced quotes)',
      commentAsValue:
        '`{key}` gets the value `{value}`: Compose only starts a comment at ` #` after a value, so a comment written right after `=` becomes the value; write `{key}=` and put the comment on its own line',
      exportPrefix:
        '`export {key}=…` is read by Compose, but `docker run --env-file` and other env-file readers take `export {key}` as the name; write `{key}=…`',
      spaceAroundEquals:
        'Spaces around `=` after `{key}` are trimmed by Compose, but `docker run --env-file` keeps them in the name and the value; write `{key}=value`',
    },
    fix: 'safe',
    hasSuggestions: true,
    since: '0.1.0',
  },
  (ctx) => ({
    project(project) {
      const seen = new Set<string>();
      const files: EnvFile[] = [];
      for (const cp of project.composeProjects) {
        if (cp.dotEnv) files.push(cp.dotEnv);
        for (const f of cp.envFiles.values()) if (f) files.push(f);
      }
      for (const file of files) {
        if (seen.has(file.path)) continue;
        seen.add(file.path);
        const name = file.path.split('/').pop()!;
        for (const p of file.problems) ctx.report({ at: p.range, messageId: 'rejected', data: { file: name, problem: p.message } });
        for (const e of file.entries) {
          // `KEY= # note`: blanks after `=`, then an unquoted value that starts with `#`.
          const text = file.source.text;
          if (text[e.valueRange.start] !== '#' || !/^[ \t]*=[ \t]+$/.test(text.slice(e.keyRange.end, e.valueRange.start))) continue;
          const lineStart = text.lastIndexOf('\n', e.keyRange.start - 1) + 1;
          const comment = text.slice(e.valueRange.start, e.valueRange.end);
          ctx.report({
            at: e.valueRange,
            messageId: 'commentAsValue',
            data: { key: e.key, value: e.value },
            suggest: [
              {
                title: `write \`${e.key}=\` with the comment on the line above`,
                edits: [
                  { path: file.path, start: lineStart, end: lineStart, text: `${comment}\n` },
                  { path: file.path, start: e.keyRange.end, end: e.valueRange.end, text: '=' },
                ],
              },
            ],
          });
        }
        for (const issue of portabilityIssues(file)) {
          ctx.report({
            at: issue.at,
            messageId: issue.messageId,
            data: { key: issue.key },
            fix: { title: issue.messageId === 'exportPrefix' ? 'remove `export`' : 'write `=` without spaces', edits: [{ path: file.path, ...issue.fix }] },
          });
        }
      }
    },
  }),
);
