import { defineRule } from '../../../src/engine/types.js';
import { normalizeProjectName } from '../../../src/project/compose-project.js';

export default defineRule<Record<string, never>, 'invalid' | 'invalidSuggest'>(
  {
    id: 'invalid-project-name',
    kind: 'compose',
    summary: 'The top-level `name` is not a valid project name',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [],
    messages: {
      invalid:
        'Project name `{name}` is invalid: it must be lower-case letters, digits, `-` and `_`, starting with a letter or digit, and Compose refuses the file otherwise; choose such a name',
      invalidSuggest:
        'Project name `{name}` is invalid: it must be lower-case letters, digits, `-` and `_`, starting with a letter or digit, and Compose refuses the file otherwise; write `{suggestion}`',
    },
    hasSuggestions: true,
    since: '0.1.0',
  },
  (ctx) => ({
    compose(file) {
      const node = file.root?.get('name');
      if (!node || node.kind !== 'scalar' || node.value === null || node.value === '') return;
      // A name built from an unset variable is unknown here; Compose would use the folder name.
      if (node.vars.some((v) => !v.defined)) return;
      const name = String(node.value);
      if (/^[a-z0-9][a-z0-9_-]*$/.test(name)) return;
      const suggestion = normalizeProjectName(name);
      if (!suggestion || node.vars.length) {
        ctx.report({ at: node.range, messageId: 'invalid', data: { name } });
        return;
      }
      ctx.report({
        at: node.range,
        messageId: 'invalidSuggest',
        data: { name, suggestion },
        suggest: [{ title: `write \`${suggestion}\``, edits: [{ path: file.path, start: node.range.start, end: node.range.end, text: suggestion }] }],
      });
    },
  }),
);
