import { hasUnsetVariable } from '../../../src/analysis/compose-values.js';
import { defineRule, type Ranged } from '../../../src/engine/types.js';
import type { PortMapping } from '../../../src/parse/compose/model.js';
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


/** Hoisted: a regex literal inside the function is a new object at every call (one per port). */
const PORT_SPAN = /^(\d+)(?:-(\d+))?$/;

function span(text: string): [number, number] | undefined {
  const m = PORT_SPAN.exec(text.trim());
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

/**
 * The ports published so far, indexed so that each new port is compared only with those that may
 * clash with it, in publication order: comparing with every earlier port made a list of n ports
 * cost n². Single ports are found by protocol and number; ranges (rare) are always candidates.
 */
class EarlierPorts {
  private readonly all: Published[] = [];
  private readonly singles = new Map<string, number[]>();
  private readonly ranges: number[] = [];

  add(p: Published): void {
    const index = this.all.push(p) - 1;
    if (p.from !== p.to) return void this.ranges.push(index);
    const key = `${p.protocol}/${p.from}`;
    const list = this.singles.get(key);
    if (list) list.push(index);
    else this.singles.set(key, [index]);
  }

  *candidates(p: Published): Iterable<Published> {
    let indices: number[];
    if (p.to - p.from > 4096) indices = this.all.map((_, i) => i);
    else {
      indices = [...this.ranges];
      for (let port = p.from; port <= p.to; port++) indices.push(...(this.singles.get(`${p.protocol}/${port}`) ?? []));
      // Each list is in order already; only a mix of lists needs sorting.
      if (indices.length > 1 && (this.ranges.length || p.from !== p.to)) indices.sort((x, y) => x - y);
    }
    for (const i of indices) yield this.all[i]!;
  }
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
        const seen = new EarlierPorts();
        for (const service of stack.services) {
          for (const port of service.ports) {
            const p = publishedOf(port, service.name);
            if (!p) continue;
            p.owner = service;
            for (const earlier of seen.candidates(p)) {
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
            seen.add(p);
          }
        }
      }
    },
  }),
);
