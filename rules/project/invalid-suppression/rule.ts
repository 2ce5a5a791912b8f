import { defineRule } from '../../../src/engine/types.js';

/**
 * The engine reports these findings itself while it reads suppression comments
 * (src/engine/lint.ts, suppressionFindings) when this rule is enabled; the rule has no visitors.
 */
export default defineRule<Record<string, never>, 'malformed' | 'unknownCode'>(
  {
    id: 'invalid-suppression',
    kind: 'project',
    summary: 'A suppression comment that cannot be understood, or names a rule that does not exist',
    category: 'correctness',
    severity: 'warning',
    recommended: true,
    aliases: [],
    messages: {
      'malformed': 'This suppression comment is not understood ({message}), so it silences nothing',
      'unknownCode':
        'Suppression names `{code}`, which is no rule id or alias, so it silences nothing; `compose-lint rules` lists the ids and the hadolint, BuildKit and dclint codes they answer to',
    },
    since: '0.1.0',
  },
  () => ({}),
);
