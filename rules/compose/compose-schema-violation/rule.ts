import { defineRule } from '../../../src/engine/types.js';
import { validateComposeSchema } from '../../../src/parse/compose/schema.js';
import { locateInTree, toPlainValue } from '../../../src/parse/compose/plain-value.js';
import { composeV1Services } from '../../../src/analysis/compose-v1.js';

export default defineRule<Record<string, never>, 'violation'>(
  {
    id: 'compose-schema-violation',
    kind: 'compose',
    summary: 'The compose file does not follow the Compose Specification schema',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [{ tool: 'dclint', code: 'invalid-schema', fidelity: 'same' }],
    messages: { violation: '{message}' },
    since: '0.1.0',
  },
  (ctx) => ({
    compose(file) {
      // A file that is not YAML has its own findings (invalid-yaml); a partial tree would only
      // add confusing schema errors on top.
      if (!file.root || file.yamlErrors.length) return;
      // A Compose v1 file fails the schema once per service; compose-v1-file explains it once.
      if (composeV1Services(file)) return;
      const value = toPlainValue(file.root);
      const fallback = file.root.range;
      const problems = validateComposeSchema(value, (path, part) => locateInTree(file.root, path, part) ?? fallback);
      for (const p of problems) ctx.report({ at: p.range, messageId: 'violation', data: { message: p.message } });
    },
  }),
);
