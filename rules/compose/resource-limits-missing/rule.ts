import { defineRule } from '../../../src/engine/types.js';
import type { ComposeService, YNode } from '../../../src/parse/compose/model.js';

type Msg = 'memory' | 'pids';

function limits(service: ComposeService): YNode | undefined {
  const deploy = service.node.get('deploy');
  const resources = deploy?.kind === 'map' ? deploy.get('resources') : undefined;
  return resources?.kind === 'map' ? resources.get('limits') : undefined;
}

function has(node: YNode | undefined): boolean {
  return node !== undefined && !(node.kind === 'scalar' && (node.value === null || String(node.value) === '-1' || String(node.value) === '0'));
}

export default defineRule<Record<string, never>, Msg>(
  {
    id: 'resource-limits-missing',
    kind: 'compose',
    summary: 'A service sets no memory limit or no process (pids) limit',
    category: 'reliability',
    severity: 'info',
    recommended: false,
    aliases: [],
    messages: {
      memory:
        'Service `{service}` has no memory limit, so a leak or a load spike in it can exhaust the host\'s memory and get other containers killed; set `deploy.resources.limits.memory` (or `mem_limit`)',
      pids: 'Service `{service}` has no process limit, so a fork bomb or a thread leak in it can exhaust the host\'s process table; set `deploy.resources.limits.pids` (or `pids_limit`)',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    'compose:service'(service) {
      const lim = limits(service);
      const get = (k: string) => (lim?.kind === 'map' ? lim.get(k) : undefined);
      const data = { service: service.name };
      if (!has(service.node.get('mem_limit')) && !has(get('memory'))) ctx.report({ at: service.nameRange, messageId: 'memory', data });
      if (!has(service.node.get('pids_limit')) && !has(get('pids'))) ctx.report({ at: service.nameRange, messageId: 'pids', data });
    },
  }),
);
