/**
 * The start-order graph Compose builds: `depends_on` plus the implicit dependencies it adds for
 * `links`, `volumes_from` and `service:` namespaces (network_mode, ipc, pid, uts, cgroup).
 */
import type { Ranged } from '../../../src/engine/types.js';
import type { ComposeService, YNode } from '../../../src/parse/compose/model.js';

export interface Edge {
  from: number;
  to: number;
  range: Ranged;
  /** The key that creates the dependency (`depends_on`, `links`, …). */
  via: string;
}

const NAMESPACE_KEYS = ['network_mode', 'ipc', 'pid', 'uts', 'cgroup'];

function scalarText(node: YNode): string | undefined {
  return node.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

/** Edges between services of the file, in file order of the services; unknown targets dropped. */
export function dependencyEdges(file: { services: readonly ComposeService[] }): Edge[] {
  const index = new Map<string, number>();
  file.services.forEach((s, i) => {
    if (!index.has(s.name)) index.set(s.name, i);
  });
  const edges: Edge[] = [];
  file.services.forEach((service, from) => {
    const add = (name: string, range: Ranged, via: string) => {
      const to = index.get(name);
      if (to !== undefined) edges.push({ from, to, range, via });
    };
    for (const dep of service.dependsOn) add(dep.service, dep.range, 'depends_on');
    const links = service.node.get('links');
    if (links?.kind === 'seq') {
      for (const item of links.items) {
        const text = scalarText(item);
        // `service` or `service:alias`.
        if (text !== undefined) add(text.split(':')[0]!, item.range, 'links');
      }
    }
    const volumesFrom = service.node.get('volumes_from');
    if (volumesFrom?.kind === 'seq') {
      for (const item of volumesFrom.items) {
        const text = scalarText(item);
        // `name[:mode]` or `service:name[:mode]`; `container:name` is not a service.
        if (text === undefined || text.startsWith('container:')) continue;
        const rest = text.startsWith('service:') ? text.slice('service:'.length) : text;
        add(rest.split(':')[0]!, item.range, 'volumes_from');
      }
    }
    for (const key of NAMESPACE_KEYS) {
      const node = service.node.get(key);
      const text = node && scalarText(node);
      if (node && text?.startsWith('service:')) add(text.slice('service:'.length), node.range, key);
    }
  });
  return edges;
}

/**
 * Every elementary cycle, each as its edges in order, found from its lowest-numbered service.
 * Parallel edges between two services count once (the one written first). Bounded, so a
 * pathological file cannot make the walk explode.
 */
export function findCycles(nodeCount: number, edges: Edge[], limit = 100): Edge[][] {
  const best = new Map<string, Edge>();
  for (const e of edges) {
    const key = `${e.from}>${e.to}`;
    const seen = best.get(key);
    if (!seen || e.range.start < seen.range.start) best.set(key, e);
  }
  const out = new Map<number, Edge[]>();
  for (const e of [...best.values()].sort((a, b) => a.range.start - b.range.start)) {
    let list = out.get(e.from);
    if (!list) out.set(e.from, (list = []));
    list.push(e);
  }
  const cycles: Edge[][] = [];
  let budget = 100_000;
  for (let start = 0; start < nodeCount && cycles.length < limit; start++) {
    const onPath = new Set<number>([start]);
    const path: Edge[] = [];
    const walk = (node: number): void => {
      for (const e of out.get(node) ?? []) {
        if (cycles.length >= limit || --budget < 0) return;
        if (e.to < start) continue;
        if (e.to === start) {
          cycles.push([...path, e]);
          continue;
        }
        if (onPath.has(e.to)) continue;
        onPath.add(e.to);
        path.push(e);
        walk(e.to);
        path.pop();
        onPath.delete(e.to);
      }
    };
    walk(start);
  }
  return cycles;
}
