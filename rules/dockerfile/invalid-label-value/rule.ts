import { defineRule } from '../../../src/engine/types.js';
import { labelPairs, labelSchema, labelValueOk, type LabelType } from '../../../src/analysis/labels.js';
import { resolveUser as resolveVariables } from '../root-user/rule.js';

type Msg = Exclude<LabelType, 'text'>;
const CHECKED: readonly Msg[] = ['url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'];

const example: Record<Msg, string> = {
  url: 'https://github.com/example/app',
  semver: '1.4.2',
  hash: 'the full 40-character commit id',
  rfc3339: '2024-05-01T12:00:00Z',
  spdx: 'Apache-2.0',
  email: 'team@example.com',
};

export default defineRule<Record<string, never>, Msg>(
  {
    id: 'invalid-label-value',
    kind: 'dockerfile',
    summary: 'A label of `settings.labelSchema` whose value does not match its type (url, semver, hash, rfc3339, spdx, email)',
    category: 'best-practice',
    severity: 'warning',
    recommended: true,
    aliases: [
      { tool: 'hadolint', code: 'DL3052', fidelity: 'partial' },
      { tool: 'hadolint', code: 'DL3053', fidelity: 'partial' },
      { tool: 'hadolint', code: 'DL3054', fidelity: 'partial' },
      { tool: 'hadolint', code: 'DL3055', fidelity: 'partial' },
      { tool: 'hadolint', code: 'DL3056', fidelity: 'partial' },
      { tool: 'hadolint', code: 'DL3058', fidelity: 'partial' },
    ],
    messages: {
      url: 'Label `{label}` is `{value}`, not an absolute URL, so tools that link to it break; write a full URL such as `{example}`',
      semver: 'Label `{label}` is `{value}`, not a semantic version, so version-aware tools cannot order it; write `MAJOR.MINOR.PATCH`, e.g. `{example}`',
      hash: 'Label `{label}` is `{value}`, not a lowercase hex commit hash, so it cannot be traced back to a commit; write {example}',
      rfc3339: 'Label `{label}` is `{value}`, not an RFC 3339 date-time, so tools cannot parse it; write e.g. `{example}`',
      spdx: 'Label `{label}` is `{value}`, not an SPDX license expression, so license scanners cannot read it; write an SPDX id such as `{example}`',
      email: 'Label `{label}` is `{value}`, not an email address, so nobody can be reached through it; write e.g. `{example}`',
    },
    since: '0.1.0',
  },
  (ctx) => {
    const schema = labelSchema(ctx.settings);
    if (schema.size === 0) return {};
    return {
      'dockerfile:instruction'(ins, file) {
        for (const p of labelPairs(ins)) {
          const type = schema.get(p.key);
          if (type === undefined || !CHECKED.includes(type as Msg) || p.value.trim() === '') continue;
          // A value built from build args is judged with their defaults, or not at all.
          const stage = file.stages[ins.stageIndex];
          const value = p.value.includes('$') ? (stage ? resolveVariables(p.value, stage) : undefined) : p.value;
          if (value === undefined || labelValueOk(type, value)) continue;
          ctx.report({ at: p.range, messageId: type as Msg, data: { label: p.key, value, example: example[type as Msg] } });
        }
      },
    };
  },
);
