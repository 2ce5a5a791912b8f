import { defineRule } from '../../../src/engine/types.js';
import type { YNode, YScalar } from '../../../src/parse/compose/model.js';
import { hasUnsetVariable, oncePerPlace } from '../../../src/analysis/compose-security.js';

type Msg = 'restart' | 'condition';

const RESTART = ['no', 'always', 'on-failure', 'unless-stopped'];
const CONDITION = ['none', 'on-failure', 'any'];

/** Common mistakes → what was meant. */
const MEANT: ReadonlyMap<string, string> = new Map([
  ['never', 'no'],
  ['false', 'no'],
  ['none', 'no'],
  ['off', 'no'],
  ['true', 'always'],
  ['yes', 'always'],
  ['unless_stopped', 'unless-stopped'],
  ['on_failure', 'on-failure'],
  ['onfailure', 'on-failure'],
  ['always', 'any'],
  ['no', 'none'],
]);

function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length]!;
}

function closest(value: string, choices: readonly string[]): string | undefined {
  const v = value.toLowerCase();
  const meant = MEANT.get(v);
  if (meant && choices.includes(meant)) return meant;
  let best: string | undefined;
  let bestD = 3;
  for (const c of choices) {
    const dd = distance(v, c);
    if (dd < bestD) [best, bestD] = [c, dd];
  }
  return best;
}

/** `restart:` accepts `on-failure[:N]` with a non-negative count; the rest are bare words. */
function validRestart(value: string): boolean {
  if (RESTART.includes(value)) return true;
  return /^on-failure:\d+$/.test(value);
}

export default defineRule<Record<string, never>, Msg>(
  {
    id: 'restart-policy-invalid',
    kind: 'compose',
    summary: '`restart` or `deploy.restart_policy.condition` has a value Docker does not know',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [],
    messages: {
      restart:
        '`restart: {value}` of service `{service}` is not a restart policy, and the container fails to be created; write {expected}',
      condition:
        '`condition: {value}` in the restart policy of service `{service}` is not a restart condition, so the deployment is rejected; write {expected}',
    },
    hasSuggestions: true,
    since: '0.1.0',
  },
  (ctx) => {
    const once = oncePerPlace();
    const check = (node: YNode | undefined, service: string, messageId: Msg, file: { path: string }): void => {
      if (node?.kind !== 'scalar' || node.value === null || typeof node.value !== 'string' || hasUnsetVariable(node)) return;
      const scalar: YScalar = node;
      const value = String(scalar.value).trim();
      const choices = messageId === 'restart' ? RESTART : CONDITION;
      if ((messageId === 'restart' ? validRestart(value) : CONDITION.includes(value)) || !once(scalar)) return;
      const guess = closest(value.replace(/:.*$/, ''), choices);
      const expected = guess
        ? `\`${guess}\``
        : choices.map((c) => `\`${c}\``).join(', ').replace(/, ([^,]*)$/, ' or $1') + (messageId === 'restart' ? ' (`on-failure:<count>`)' : '');
      const suggest =
        guess && scalar.vars.length === 0
          ? [{ title: `write \`${guess}\``, edits: [{ path: file.path, start: scalar.range.start, end: scalar.range.end, text: guess }] }]
          : undefined;
      ctx.report({ at: scalar.range, messageId, data: { value, service, expected }, ...(suggest ? { suggest } : {}) });
    };
    return {
      'compose:service'(service, file) {
        check(service.node.get('restart'), service.name, 'restart', file);
        const deploy = service.node.get('deploy');
        const policy = deploy?.kind === 'map' ? deploy.get('restart_policy') : undefined;
        if (policy?.kind === 'map') check(policy.get('condition'), service.name, 'condition', file);
      },
    };
  },
);
