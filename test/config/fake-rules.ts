/** Rule metadata for config and directive tests; the real registry is filled in elsewhere. */
import type { RuleMeta } from '../../src/engine/types.js';

function meta(m: Partial<RuleMeta<any>> & Pick<RuleMeta<any>, 'id'>): RuleMeta<any> {
  return {
    kind: 'dockerfile',
    summary: `fake ${m.id}`,
    category: 'best-practice',
    severity: 'warning',
    recommended: true,
    aliases: [],
    messages: { m: 'message' },
    since: '0.1.0',
    ...m,
  };
}

export const fakeMetas: RuleMeta<any>[] = [
  meta({ id: 'latest-image-tag', kind: 'project', aliases: [{ tool: 'hadolint', code: 'DL3007', fidelity: 'same' }] }),
  meta({ id: 'apt-get-unpinned', aliases: [{ tool: 'hadolint', code: 'DL3008', fidelity: 'same' }] }),
  meta({
    id: 'pip-cache-not-disabled',
    severity: 'info',
    recommended: false,
    aliases: [{ tool: 'hadolint', code: 'DL3042', fidelity: 'same' }],
    options: {
      schema: {
        type: 'object',
        properties: { someOption: { type: 'integer' }, allow: { type: 'array', items: { type: 'string' } } },
      },
      defaults: { someOption: 1, allow: [] },
    },
  }),
  meta({ id: 'stage-name-casing', aliases: [{ tool: 'buildkit', code: 'StageNameCasing', fidelity: 'same' }] }),
  meta({ id: 'from-as-casing', aliases: [{ tool: 'buildkit', code: 'FromAsCasing', fidelity: 'same' }] }),
  meta({ id: 'secret-in-env', severity: 'error', aliases: [{ tool: 'buildkit', code: 'SecretsUsedInArgOrEnv', fidelity: 'partial' }] }),
  meta({ id: 'secret-in-arg', severity: 'error', aliases: [{ tool: 'buildkit', code: 'SecretsUsedInArgOrEnv', fidelity: 'partial' }] }),
  meta({
    id: 'volume-missing-colon',
    kind: 'compose',
    severity: 'error',
    aliases: [{ tool: 'dclint', code: 'no-volume-colon', fidelity: 'partial' }],
  }),
  meta({ id: 'service-keys-order', kind: 'compose', recommended: false, aliases: [{ tool: 'dclint', code: 'service-keys-order', fidelity: 'same' }] }),
  meta({ id: 'old-rule', deprecated: { replacedBy: ['latest-image-tag'] } }),
];
