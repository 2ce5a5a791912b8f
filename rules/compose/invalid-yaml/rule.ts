import { defineRule } from '../../../src/engine/types.js';

export default defineRule<Record<string, never>, 'syntax'>(
  {
    id: 'invalid-yaml',
    kind: 'compose',
    summary: 'The compose file is not valid YAML',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    // dclint's pseudo-rule has the same name, so configs written for it already work.
    aliases: [],
    messages: { syntax: 'YAML syntax error: {message}' },
    since: '0.1.0',
  },
  (ctx) => ({
    compose(file) {
      for (const e of file.yamlErrors) ctx.report({ at: e.range, messageId: 'syntax', data: { message: e.message } });
    },
  }),
);
