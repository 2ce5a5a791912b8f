/**
 * The picture `compose-lint graph` draws: services, their `depends_on` edges (with conditions),
 * networks, named volumes, build contexts and Dockerfiles. Dangling references and the edges of
 * `depends_on` cycles are marked as problems (drawn in red). Pure: existence checks are passed in.
 */
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { ComposeStack } from './model.js';

export interface PictureNode {
  id: string;
  kind: 'service' | 'network' | 'volume' | 'build' | 'missing';
  label: string;
  problem: boolean;
}

export interface PictureEdge {
  from: string;
  to: string;
  kind: 'depends_on' | 'network' | 'volume' | 'build';
  label?: string;
  problem: boolean;
}

export interface Picture {
  name: string;
  nodes: PictureNode[];
  edges: PictureEdge[];
}

const REMOTE = /^(?:https?:\/\/|git@|git:\/\/|github\.com\/)/;

const slug = (s: string) => s.replace(/[^A-Za-z0-9_]/g, '_');

/** Edges of `depends_on` cycles: an edge a→b is in a cycle when a can be reached back from b. */
function cycleEdges(edges: { from: string; to: string }[]): Set<string> {
  const out = new Map<string, string[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  const reaches = (start: string, goal: string): boolean => {
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length) {
      const n = stack.pop()!;
      if (n === goal) return true;
      if (seen.has(n)) continue;
      seen.add(n);
      stack.push(...(out.get(n) ?? []));
    }
    return false;
  };
  return new Set(edges.filter((e) => reaches(e.to, e.from)).map((e) => `${e.from}\0${e.to}`));
}

export function pictureOf(stack: ComposeStack, exists: (path: string) => boolean): Picture {
  const nodes = new Map<string, PictureNode>();
  const edges: PictureEdge[] = [];
  const rel = (p: string) => relative(stack.dir, p).split(sep).join('/') || '.';
  const add = (n: PictureNode) => {
    if (!nodes.has(n.id)) nodes.set(n.id, n);
  };
  const services = new Set(stack.services.map((s) => s.name));
  const networks = new Set(stack.networks.map((n) => n.name));
  const volumes = new Set(stack.volumes.map((v) => v.name));
  for (const s of stack.services) add({ id: `svc_${slug(s.name)}`, kind: 'service', label: s.image && !s.build ? `${s.name}\n${s.image.value}` : s.name, problem: false });
  for (const n of stack.networks) add({ id: `net_${slug(n.name)}`, kind: 'network', label: n.name, problem: false });
  for (const v of stack.volumes) add({ id: `vol_${slug(v.name)}`, kind: 'volume', label: v.name, problem: false });
  const dependencies: { from: string; to: string; label: string; dangling: boolean }[] = [];
  const buildIds = new Map<string, string>();
  for (const s of stack.services) {
    const id = `svc_${slug(s.name)}`;
    for (const d of s.dependsOn) {
      const dangling = !services.has(d.service);
      const to = dangling ? `missing_svc_${slug(d.service)}` : `svc_${slug(d.service)}`;
      if (dangling) add({ id: to, kind: 'missing', label: `${d.service} (no such service)`, problem: true });
      dependencies.push({ from: id, to, label: d.condition ?? 'service_started', dangling });
    }
    for (const n of s.networks) {
      const known = networks.has(n.name) || n.name === 'default';
      const to = known ? `net_${slug(n.name)}` : `missing_net_${slug(n.name)}`;
      add({ id: to, kind: known ? 'network' : 'missing', label: known ? n.name : `${n.name} (undefined network)`, problem: !known });
      edges.push({ from: id, to, kind: 'network', problem: !known });
    }
    for (const v of s.volumes) {
      if (v.type !== 'volume' || !v.source) continue;
      const known = volumes.has(v.source);
      const to = known ? `vol_${slug(v.source)}` : `missing_vol_${slug(v.source)}`;
      add({ id: to, kind: known ? 'volume' : 'missing', label: known ? v.source : `${v.source} (undefined volume)`, problem: !known });
      edges.push({ from: id, to, kind: 'volume', ...(v.target ? { label: v.target } : {}), problem: !known });
    }
    const b = s.build;
    if (b) {
      let label: string;
      let problem = false;
      if (REMOTE.test(b.context)) label = b.context;
      else {
        const ctx = isAbsolute(b.context) ? b.context : resolve(dirname(b.contextRange.path), b.context);
        const df = b.dockerfileInline !== undefined ? undefined : resolve(ctx, b.dockerfile ?? 'Dockerfile');
        label = `context ${rel(ctx)}\n${df ? rel(df) : 'dockerfile_inline'}${b.target ? ` (target ${b.target})` : ''}`;
        problem = !exists(ctx) || (df !== undefined && !exists(df));
      }
      let to = buildIds.get(label);
      if (!to) buildIds.set(label, (to = `build_${buildIds.size + 1}`));
      add({ id: to, kind: 'build', label, problem });
      edges.push({ from: id, to, kind: 'build', problem });
    }
  }
  const cycles = cycleEdges(dependencies);
  const dependsOn: PictureEdge[] = dependencies.map((d) => ({ from: d.from, to: d.to, kind: 'depends_on', label: d.label, problem: d.dangling || cycles.has(`${d.from}\0${d.to}`) }));
  // depends_on edges first (in service order), then the rest in the order found.
  return { name: stack.name, nodes: [...nodes.values()], edges: [...dependsOn, ...edges] };
}

const quote = (s: string) => s.replace(/"/g, '#quot;');

export function toMermaid(pictures: Picture[]): string {
  const lines = ['flowchart LR'];
  const red: string[] = [];
  const redLinks: number[] = [];
  let link = 0;
  for (const p of pictures) {
    const pre = pictures.length > 1 ? `${slug(p.name)}__` : '';
    lines.push(`  subgraph ${slug(p.name)}_project["${quote(p.name)}"]`);
    for (const n of p.nodes) {
      const label = quote(n.label).replace(/\n/g, '<br/>');
      const shape =
        n.kind === 'service' ? `["${label}"]` : n.kind === 'volume' ? `[("${label}")]` : n.kind === 'network' ? `{{"${label}"}}` : n.kind === 'build' ? `[/"${label}"/]` : `["${label}"]`;
      lines.push(`    ${pre}${n.id}${shape}`);
      if (n.problem) red.push(pre + n.id);
    }
    for (const e of p.edges) {
      const arrow = e.kind === 'depends_on' ? '-->' : e.kind === 'build' ? '-.->' : '---';
      lines.push(`    ${pre}${e.from} ${arrow}${e.label ? `|"${quote(e.label)}"|` : ''} ${pre}${e.to}`);
      if (e.problem) redLinks.push(link);
      link++;
    }
    lines.push('  end');
  }
  if (red.length) {
    lines.push('  classDef problem stroke:#d00,stroke-width:2px,color:#d00');
    lines.push(`  class ${red.join(',')} problem`);
  }
  if (redLinks.length) lines.push(`  linkStyle ${redLinks.join(',')} stroke:#d00,stroke-width:2px`);
  return lines.join('\n') + '\n';
}

export function toDot(pictures: Picture[]): string {
  const lines = ['digraph compose {', '  rankdir=LR;', '  node [fontname="Helvetica"];'];
  const q = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
  for (const p of pictures) {
    const pre = pictures.length > 1 ? `${slug(p.name)}__` : '';
    lines.push(`  subgraph ${q(`cluster_${p.name}`)} {`, `    label=${q(p.name)};`);
    for (const n of p.nodes) {
      const shape = n.kind === 'volume' ? 'cylinder' : n.kind === 'network' ? 'hexagon' : n.kind === 'build' ? 'folder' : 'box';
      lines.push(`    ${pre}${n.id} [label=${q(n.label)}, shape=${shape}${n.problem ? ', color=red, fontcolor=red' : ''}];`);
    }
    for (const e of p.edges) {
      const attrs = [e.label ? `label=${q(e.label)}` : '', e.kind === 'build' ? 'style=dashed' : '', e.kind === 'network' || e.kind === 'volume' ? 'arrowhead=none' : '', e.problem ? 'color=red, fontcolor=red' : '']
        .filter(Boolean)
        .join(', ');
      lines.push(`    ${pre}${e.from} -> ${pre}${e.to}${attrs ? ` [${attrs}]` : ''};`);
    }
    lines.push('  }');
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

export function toText(pictures: Picture[]): string {
  const out: string[] = [];
  for (const p of pictures) {
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const name = (id: string) => {
      const n = byId.get(id)!;
      const label = n.kind === 'service' ? n.label.split('\n')[0]! : n.label.replace(/\n/g, ', ');
      return `${label}${n.problem ? ' [!]' : ''}`;
    };
    out.push(`project ${p.name}`);
    for (const s of p.nodes.filter((n) => n.kind === 'service')) {
      out.push(`  service ${s.label.replace(/\n/g, '  image ')}`);
      for (const e of p.edges.filter((x) => x.from === s.id)) {
        const what = e.kind === 'depends_on' ? `depends on ${name(e.to)} (${e.label})` : e.kind === 'build' ? `builds ${name(e.to)}` : e.kind === 'network' ? `network ${name(e.to)}` : `volume ${name(e.to)}${e.label ? ` at ${e.label}` : ''}`;
        out.push(`    ${what}${e.problem && !byId.get(e.to)!.problem ? ' [!]' : ''}`);
      }
    }
    const free = p.nodes.filter((n) => (n.kind === 'network' || n.kind === 'volume') && !p.edges.some((e) => e.to === n.id));
    for (const n of free) out.push(`  ${n.kind} ${n.label} (unused)`);
  }
  return out.join('\n') + '\n';
}
