import { defineRule } from '../../../src/engine/types.js';

export default defineRule<Record<string, never>, 'missingSlash'>(
  {
    id: 'copy-destination-missing-slash',
    kind: 'dockerfile',
    summary: '`COPY`/`ADD` with several sources to a destination that does not end in `/`',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3021', fidelity: 'same' }],
    messages: {
      missingSlash:
        '`{keyword}` of {count} sources needs a directory as destination, and Docker only takes `{dest}` as one when it ends in `/`; write `{dest}/`',
    },
    fix: 'safe',
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:copy'(copy, file) {
      const dest = copy.destination;
      if (!dest || copy.sources.length < 2) return;
      // `--from build` (no `=`) is broken syntax whose value would be counted as a source.
      if (copy.flags.some((f) => f.value === null && (f.name === 'from' || f.name === 'chown' || f.name === 'chmod'))) return;
      const v = dest.value;
      // `.` is the working directory itself; a variable may well end in `/`.
      if (/[/\\]$/.test(v) || v === '.' || v.endsWith('/.') || v.includes('$')) return;
      const raw = file.source.text.slice(dest.range.start, dest.range.end);
      const at = /["']$/.test(raw) && raw.length > 1 ? dest.range.end - 1 : dest.range.end;
      ctx.report({
        at: dest.range,
        messageId: 'missingSlash',
        data: { keyword: copy.keyword, count: copy.sources.length, dest: v },
        fix: { title: `write \`${v}/\``, edits: [{ path: dest.range.path, start: at, end: at, text: '/' }] },
      });
    },
  }),
);
