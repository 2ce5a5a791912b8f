/**
 * The typed layer over the Y* tree: what each service and top-level resource means. Lenient on
 * purpose: shape errors are the schema validator's job, so odd shapes yield what can be read.
 */
import type { Ranged } from '../source.js';
import { parseImageRef } from '../image-ref.js';
import type {
  ComposeService,
  EnvFileRef,
  NamedRef,
  PortMapping,
  ServiceBuild,
  ServiceDependency,
  ServiceVolume,
  TopLevelResource,
  YMap,
  YNode,
  YScalar,
} from './model.js';
import { parsePortShort, parseVolumeShort } from './short-syntax.js';
import { emptyMap, scalarRanges } from './ynodes.js';

/** A scalar's value as a string (numbers and booleans as YAML wrote them); undefined for null. */
export function str(node: YNode | undefined): string | undefined {
  if (!node || node.kind !== 'scalar' || node.value === null) return undefined;
  return String(node.value);
}

function truthy(node: YNode | undefined): boolean {
  if (!node) return false;
  if (node.kind !== 'scalar') return true;
  return node.value === true || node.value === 'true';
}

function span(a: Ranged, b: Ranged): Ranged {
  return { path: a.path, start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/** Names from a list of strings or the keys of a map. */
function namedRefs(node: YNode | undefined): NamedRef[] {
  if (!node) return [];
  if (node.kind === 'seq') {
    const out: NamedRef[] = [];
    for (const item of node.items) {
      const name = str(item);
      if (name !== undefined) out.push({ name, range: item.range });
    }
    return out;
  }
  if (node.kind === 'map') return node.entries.map((e) => ({ name: e.key, range: e.keyRange }));
  return [];
}

/** `secrets:`/`configs:` of a service: names, or maps whose `source` names the resource. */
function sourceRefs(node: YNode | undefined): NamedRef[] {
  if (!node || node.kind !== 'seq') return namedRefs(node);
  const out: NamedRef[] = [];
  for (const item of node.items) {
    if (item.kind === 'map') {
      const src = item.get('source');
      const name = str(src);
      if (name !== undefined && src) out.push({ name, range: src.range });
    } else {
      const name = str(item);
      if (name !== undefined) out.push({ name, range: item.range });
    }
  }
  return out;
}

/** `KEY=VALUE` list items or a map, as used by `environment` and `build.args`. */
function keyValues(node: YNode | undefined): { name: string; value: string | null; range: Ranged }[] {
  if (!node) return [];
  if (node.kind === 'map') {
    return node.entries.map((e) => ({ name: e.key, value: str(e.value) ?? null, range: span(e.keyRange, e.value.range) }));
  }
  if (node.kind !== 'seq') return [];
  const out: { name: string; value: string | null; range: Ranged }[] = [];
  for (const item of node.items) {
    const text = str(item);
    if (text === undefined) continue;
    const eq = text.indexOf('=');
    out.push({ name: eq < 0 ? text : text.slice(0, eq), value: eq < 0 ? null : text.slice(eq + 1), range: item.range });
  }
  return out;
}

function imageOf(node: YScalar, text: string): ComposeService['image'] {
  const value = String(node.value);
  const raw = node.raw === null ? '' : String(node.raw);
  const unresolved = node.vars.filter((v) => !v.defined && (v.operator === '' || v.operator === '?' || v.operator === ':?')).map((v) => v.name);
  // The reference's range is the value inside any quotes, so tag/digest offsets line up.
  const ranges = scalarRanges(node, text);
  const inner = ranges(0, value.length);
  const range = inner && inner.end > inner.start ? inner : node.range;
  const ref = parseImageRef(raw, value, range, unresolved, ranges);
  return { value, range: node.range, ref };
}

function buildOf(node: YNode, entryKeyRange: Ranged): ServiceBuild {
  if (node.kind !== 'map') {
    const context = str(node) ?? '.';
    return { node, context, contextRange: node.kind === 'scalar' && node.value !== null ? node.range : entryKeyRange, args: [] };
  }
  const ctx = node.entry('context');
  const build: ServiceBuild = {
    node,
    context: str(ctx?.value) ?? '.',
    contextRange: ctx ? ctx.value.range : entryKeyRange,
    args: keyValues(node.get('args')),
  };
  const dockerfile = node.get('dockerfile');
  const df = str(dockerfile);
  if (df !== undefined && dockerfile) {
    build.dockerfile = df;
    build.dockerfileRange = dockerfile.range;
  }
  const inline = str(node.get('dockerfile_inline'));
  if (inline !== undefined) build.dockerfileInline = inline;
  const target = node.get('target');
  const t = str(target);
  if (t !== undefined && target) {
    build.target = t;
    build.targetRange = target.range;
  }
  return build;
}

function dependsOn(node: YNode | undefined): ServiceDependency[] {
  if (!node) return [];
  if (node.kind === 'map') {
    return node.entries.map((e) => {
      const dep: ServiceDependency = { service: e.key, range: e.keyRange, short: false, required: true };
      if (e.value.kind === 'map') {
        const cond = str(e.value.get('condition'));
        if (cond !== undefined) dep.condition = cond;
        const req = e.value.get('required');
        if (req && req.kind === 'scalar' && (req.value === false || req.value === 'false')) dep.required = false;
      }
      return dep;
    });
  }
  return namedRefs(node).map((r) => ({ service: r.name, range: r.range, short: true, required: true }));
}

function volumesOf(node: YNode | undefined): ServiceVolume[] {
  if (!node || node.kind !== 'seq') return [];
  const out: ServiceVolume[] = [];
  for (const item of node.items) {
    if (item.kind === 'map') {
      const vol: ServiceVolume = { node: item, type: str(item.get('type')) ?? 'volume', readOnly: truthy(item.get('read_only')), short: false };
      const source = str(item.get('source'));
      if (source !== undefined && source !== '') vol.source = source;
      const target = str(item.get('target'));
      if (target !== undefined) vol.target = target;
      out.push(vol);
      continue;
    }
    const spec = str(item);
    if (spec === undefined) continue;
    const parsed = parseVolumeShort(spec);
    const vol: ServiceVolume = { node: item, type: parsed.type, readOnly: parsed.readOnly, short: true };
    if (parsed.source !== undefined) vol.source = parsed.source;
    if (parsed.target !== undefined) vol.target = parsed.target;
    if (parsed.mode !== undefined) vol.mode = parsed.mode;
    if (parsed.error !== undefined) vol.error = parsed.error;
    out.push(vol);
  }
  return out;
}

function portsOf(node: YNode | undefined): PortMapping[] {
  if (!node || node.kind !== 'seq') return [];
  const out: PortMapping[] = [];
  for (const item of node.items) {
    if (item.kind === 'map') {
      const port: PortMapping = { node: item, target: str(item.get('target')) ?? '', protocol: str(item.get('protocol')) ?? 'tcp', short: false };
      const published = str(item.get('published'));
      if (published !== undefined && published !== '') port.published = published;
      const hostIp = str(item.get('host_ip'));
      if (hostIp !== undefined && hostIp !== '') port.hostIp = hostIp;
      out.push(port);
      continue;
    }
    const spec = str(item);
    if (spec === undefined) continue;
    const parsed = parsePortShort(spec);
    const port: PortMapping = { node: item, target: parsed.target, protocol: parsed.protocol, short: true };
    if (parsed.hostIp !== undefined) port.hostIp = parsed.hostIp;
    if (parsed.published !== undefined) port.published = parsed.published;
    if (parsed.error !== undefined) port.error = parsed.error;
    out.push(port);
  }
  return out;
}

function envFilesOf(node: YNode | undefined): EnvFileRef[] {
  if (!node) return [];
  const items = node.kind === 'seq' ? node.items : [node];
  const out: EnvFileRef[] = [];
  for (const item of items) {
    if (item.kind === 'map') {
      const pathNode = item.get('path');
      const path = str(pathNode);
      if (path === undefined || !pathNode) continue;
      const req = item.get('required');
      const required = !(req && req.kind === 'scalar' && (req.value === false || req.value === 'false'));
      out.push({ path, range: pathNode.range, required });
      continue;
    }
    const path = str(item);
    if (path !== undefined) out.push({ path, range: item.range, required: true });
  }
  return out;
}

export function serviceOf(name: string, nameRange: Ranged, value: YNode, text: string): ComposeService {
  const node: YMap = value.kind === 'map' ? value : emptyMap(value.range, value.path);
  const svc: ComposeService = {
    name,
    nameRange,
    node,
    dependsOn: dependsOn(node.get('depends_on')),
    volumes: volumesOf(node.get('volumes')),
    ports: portsOf(node.get('ports')),
    envFiles: envFilesOf(node.get('env_file')),
    environment: keyValues(node.get('environment')),
    networks: namedRefs(node.get('networks')),
    secrets: sourceRefs(node.get('secrets')),
    configs: sourceRefs(node.get('configs')),
    profiles: namedRefs(node.get('profiles')).map((r) => r.name),
  };
  const image = node.get('image');
  if (image && image.kind === 'scalar' && image.value !== null) svc.image = imageOf(image, text);
  const build = node.entry('build');
  if (build && !(build.value.kind === 'scalar' && build.value.value === null)) svc.build = buildOf(build.value, build.keyRange);
  const cn = node.get('container_name');
  const cnValue = str(cn);
  if (cnValue !== undefined && cn) svc.containerName = { value: cnValue, range: cn.range };
  const hc = node.get('healthcheck');
  if (hc && hc.kind === 'map') svc.healthcheck = hc;
  const user = node.get('user');
  const userValue = str(user);
  if (userValue !== undefined && user) svc.user = { value: userValue, range: user.range };
  const command = node.get('command');
  if (command) svc.command = command;
  return svc;
}

/** Top-level `volumes:` etc. Accepts a map (the spec), and leniently a bare name or a list. */
export function resourcesOf(node: YNode | undefined): TopLevelResource[] {
  if (!node) return [];
  if (node.kind === 'map') {
    return node.entries.map((e) => {
      const ext = e.value.kind === 'map' ? e.value.get('external') : undefined;
      return { name: e.key, range: e.keyRange, node: e.value, external: ext !== undefined && (ext.kind === 'map' || truthy(ext)) };
    });
  }
  if (node.kind === 'scalar') {
    const name = str(node);
    return name !== undefined && name !== '' ? [{ name, range: node.range, node, external: false }] : [];
  }
  const out: TopLevelResource[] = [];
  for (const item of node.items) {
    if (item.kind === 'map') out.push(...resourcesOf(item));
    else {
      const name = str(item);
      if (name !== undefined && name !== '') out.push({ name, range: item.range, node: item, external: false });
    }
  }
  return out;
}

export function servicesOf(node: YNode | undefined, text: string): ComposeService[] {
  if (!node || node.kind !== 'map') return [];
  return node.entries.map((e) => serviceOf(e.key, e.keyRange, e.value, text));
}
