import { defineRule, type Ranged } from '../../../src/engine/types.js';
import { labelPairs, type LabelPair } from '../../../src/analysis/labels.js';

/** Namespaces Docker keeps for itself; labels there may be overwritten or misread by the engine. */
const RESERVED = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

/** What is wrong with a label key, by Docker's key format recommendations; undefined when fine. */
export function labelKeyProblem(key: string): string | undefined {
  if (key === '') return 'the key is empty';
  if (/[A-Z]/.test(key)) return 'it has upper-case letters (keys are lower-case by convention)';
  if (!/^[a-z]/.test(key)) return 'it does not start with a lower-case letter';
  if (!/[a-z0-9]$/.test(key)) return 'it does not end with a letter or digit';
  if (/[^a-z0-9._\-/]/.test(key)) return 'it has characters other than `a-z 0-9 . - _ /`';
  if (key.includes('..') || key.includes('--')) return 'it has consecutive dots or dashes';
  const reserved = RESERVED.find((ns) => key.startsWith(ns));
  if (reserved) return `\`${reserved}\` is a namespace Docker reserves for itself`;
  return undefined;
}

/** A valid key close to `key`: cleaned up, out of Docker's namespaces, reverse-DNS if it was not. */
export function suggestKey(key: string): string {
  let k = key.toLowerCase();
  for (const ns of RESERVED) if (k.startsWith(ns)) k = k.slice(ns.length);
  k = k
    .replace(/[^a-z0-9._\-/]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/-{2,}/g, '-')
    .replace(/^[^a-z]+|[^a-z0-9]+$/g, '');
  if (k === '') return 'com.example.name';
  return k.includes('.') && labelKeyProblem(k) === undefined ? k : `com.example.${k}`;
}

/** The key inside the `key=value` word, quotes skipped; the whole word when it cannot be located. */
function keyRange(pair: LabelPair, text: string): Ranged {
  const { range, key } = pair;
  for (const at of [range.start, range.start + 1]) {
    if (text.startsWith(key, at) && key !== '') return { path: range.path, start: at, end: at + key.length };
  }
  return range;
}

export default defineRule<Record<string, never>, 'invalidKey'>(
  {
    id: 'label-key-invalid',
    kind: 'dockerfile',
    summary: 'A LABEL key that does not follow the label key format (lower-case, reverse-DNS, no reserved namespace)',
    category: 'style',
    severity: 'info',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3048', fidelity: 'same' }],
    messages: {
      invalidKey:
        'Label key `{key}` is not a valid key because {problem}; use a lower-case reverse-DNS key such as `{suggestion}`',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:instruction'(ins, file) {
      for (const pair of labelPairs(ins)) {
        const problem = labelKeyProblem(pair.key);
        if (!problem) continue;
        const data = { key: pair.key, problem, suggestion: suggestKey(pair.key) };
        ctx.report({ at: keyRange(pair, file.source.text), messageId: 'invalidKey', data });
      }
    },
  }),
);
