import { defineRule } from '../../../src/engine/types.js';

export default defineRule<Record<string, never>, 'obsolete'>(
  {
    id: 'version-field-obsolete',
    kind: 'compose',
    summary: 'The top-level `version` is obsolete: Compose ignores it and warns',
    category: 'best-practice',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'dclint', code: 'no-version-field', fidelity: 'same' }],
    messages: {
      obsolete:
        'Top-level `version: {value}` is obsolete: Compose ignores it, always applies the current specification and prints a warning on every run; delete the line',
    },
    fix: 'safe',
    since: '0.1.0',
  },
  (ctx) => ({
    compose(file) {
      const entry = file.root?.entry('version');
      if (!entry || entry.merged) return;
      const { source } = file;
      const start = source.lineStart(source.positionAt(entry.keyRange.start).line);
      const lastLine = source.positionAt(Math.max(entry.keyRange.end, entry.value.range.end)).line;
      let end = source.lineEnd(lastLine);
      if (source.text[end] === '\r') end++;
      if (source.text[end] === '\n') end++;
      // Only a key at the start of its line, with nothing else on the lines it spans, is deleted.
      const owned = start === entry.keyRange.start && !/\S/.test(source.text.slice(entry.value.range.end, end).replace(/#.*/, ''));
      ctx.report({
        at: entry.keyRange,
        messageId: 'obsolete',
        data: { value: file.source.slice(entry.value.range) || '""' },
        ...(owned ? { fix: { title: 'delete the `version` line', edits: [{ path: file.path, start, end, text: '' }] } } : {}),
      });
    },
  }),
);
