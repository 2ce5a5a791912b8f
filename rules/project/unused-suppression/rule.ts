import { defineRule } from '../../../src/engine/types.js';

/**
 * Only the engine knows which comments silenced something, so it reports these findings itself
 * (src/engine/lint.ts, suppressionFindings) when this rule is enabled; the rule has no visitors.
 */
export default defineRule<Record<string, never>, 'unused'>(
  {
    id: 'unused-suppression',
    kind: 'project',
    summary: 'A compose-lint suppression comment that silences nothing',
    category: 'best-practice',
    severity: 'warning',
    recommended: true,
    aliases: [],
    messages: {
      'unused':
        '`{comment}` silences nothing here, so it only hides the next real finding at this place; remove it',
    },
    fix: 'safe',
    since: '0.1.0',
  },
  () => ({}),
);
