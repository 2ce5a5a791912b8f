import { defineRule, type Ranged } from '../../../src/engine/types.js';
import type { PortMapping, YNode } from '../../../src/parse/compose/model.js';
import { canRunTogether, stacksOf } from '../../../src/project/compose-project.js';
import type { StackService } from '../../../src/project/model.js';

type Msg = 'clash' | 'twice';

interface Published {
  service: string;
  owner?: StackService;
  /** Normalised host IP; undefined for all interfaces. */
  ip?: string;
  protocol: string;
  from: number;
  to: number;
  range: Ranged;
}

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

function hasUnsetVariable(node: YNode | undefined): boolean {
  return node?.kind === 'scalar' && node.vars.some((v) => !v.defined && (v.operator === '' || v.operator === '?' || v.operator === ':?'));
}

function span(text: string): [number, number] | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  return b >= a ? [a, b] : undefined;
}

/** The host ports an entry reserves, or undefined when it reserves none we can know. */
export function publishedOf(port: PortMapping, service: string): Published | undefined {
  if (port.error !== undefined || port.published === undefined) return undefined;
  const node = port.node;
  const published = node.kind === 'map' ? node.get('published') : node;
  if (hasUnsetVariable(node) || (node.kind === 'map' && (hasUnsetVariable(published) || hasUnsetVariable(node.get('host_ip'))))) return undefined;
  const host = span(port.published);
  const target = span(port.target);
  if (!host || !target) return undefined;
  // `8000-8010:80` asks Docker for any one free port of the range: it does not reserve them all.
  if (host[1] > host[0] && target[1] === target[0]) return undefined;
  const ip = port.hostIp?.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  const out: Published = {
    service,
    protocol: port.protocol.toLowerCase(),
    from: host[0],
    to: host[1],
    range: (node.kind === 'map' ? published?.range : undefined) ?? node.range,
  };
  if (ip !== undefined && ip !== '' && !WILDCARDS.has(ip)) out.ip = ip;
  return out;
}

function clash(a: Published, b: Published): number | undefined {
  if (a.protocol !== b.protocol) return undefined;
  if (a.ip !== undefined && b.ip !== undefined && a.ip !== b.ip) return undefined;
  const lo = Math.max(a.from, b.from);
  return lo <= Math.min(a.to, b.to) ? lo : undefined;
}

export default defineRule<Record<string, never>, Msg>(
  {
    id: 'duplicate-host-port',
    kind: 'compose',
    summary: 'The same host port (and protocol, on overlapping host addresses) is published twice',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [{ tool: 'dclint', code: 'no-duplicate-exported-ports', fidelity: 'partial' }],
    messages: {
      clash:
        'Host port `{port}/{protocol}` is already published by service `{first}`, so whichever container starts second fails with "port is already allocated"; publish service `{service}` on another host port',
      twice:
        'Service `{service}` publishes host port `{port}/{protocol}` twice, so its container fails to start with "port is already allocated"; remove one entry or use another host port',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    project(project) {
      // Judged on the merged project, among services that can run at the same time (profiles).
      for (const stack of stacksOf(project)) {
        const seen: Published[] = [];
        for (const service of stack.services) {
          for (const port of service.ports) {
            const p = publishedOf(port, service.name);
            if (!p) continue;
            p.owner = service;
            for (const earlier of seen) {
              if (earlier.owner && !canRunTogether(earlier.owner, service, stack)) continue;
              const at = clash(earlier, p);
              if (at === undefined) continue;
              const data = { service: service.name, first: earlier.service, port: at, protocol: p.protocol };
              ctx.report({
                at: p.range,
                messageId: earlier.service === service.name ? 'twice' : 'clash',
                data,
                related: [{ at: earlier.range, message: `\`${earlier.service}\` publishes host port \`${at}/${p.protocol}\` here` }],
              });
              break;
            }
            seen.push(p);
          }
        }
      }
    },
  }),
);
