/** Facts shared by the compose security rules: host paths, values, capability names. */
export { hasUnsetVariable } from './compose-values.js';
import type { ComposeService, ServiceVolume, YNode, YScalar } from '../parse/compose/model.js';

/** A scalar's value as text; undefined for null, maps and lists. */
export function scalarText(node: YNode | undefined): string | undefined {
  if (!node || node.kind !== 'scalar' || node.value === null) return undefined;
  return String(node.value);
}

/** `true` written as a YAML boolean or the string `"true"`. */
export function isTrue(node: YNode | undefined): boolean {
  return node?.kind === 'scalar' && (node.value === true || String(node.value).toLowerCase() === 'true');
}


/** The scalars of a list (or the single scalar written instead of a list). */
export function listScalars(node: YNode | undefined): YScalar[] {
  if (!node) return [];
  if (node.kind === 'scalar') return node.value === null ? [] : [node];
  if (node.kind === 'seq') return node.items.filter((i): i is YScalar => i.kind === 'scalar' && i.value !== null);
  return [];
}

/**
 * The host path a volume entry binds, normalised (no trailing slash, `//` and `/./` collapsed),
 * or undefined for named and anonymous volumes, tmpfs, and relative paths of the project.
 */
export function boundHostPath(volume: ServiceVolume): string | undefined {
  if (volume.type !== 'bind' || volume.source === undefined) return undefined;
  const src = volume.source.trim();
  if (!src.startsWith('/')) return undefined;
  const parts: string[] = [];
  for (const p of src.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return `/${parts.join('/')}`;
}

/** Whether `path` is `dir` or lies under it. */
export function isUnder(path: string, dir: string): boolean {
  return dir === '/' ? path === '/' : path === dir || path.startsWith(`${dir}/`);
}

/** Reports one finding per written place: values merged from an anchor repeat in each service. */
export function oncePerPlace(): (node: { range: { path: string; start: number; end: number } }, key?: string) => boolean {
  // By file first: the sets live for the whole run, across compose files, and a key holding the
  // path would repeat (and hash) the long path at every check.
  const seen = new Map<string, Set<string>>();
  return (node, key = '') => {
    let inFile = seen.get(node.range.path);
    if (!inFile) seen.set(node.range.path, (inFile = new Set()));
    const k = `${node.range.start}:${node.range.end}:${key}`;
    if (inFile.has(k)) return false;
    inFile.add(k);
    return true;
  };
}

/** The service-level key's entry, for reporting on the key when the value is elsewhere (merged). */
export function serviceEntry(service: ComposeService, key: string) {
  return service.node.entry(key);
}

/** Where to point at a volume entry: the `source` of the long syntax, the whole short one. */
export function volumeSourceRange(volume: ServiceVolume) {
  if (volume.node.kind === 'map') return volume.node.get('source')?.range ?? volume.node.range;
  return volume.node.range;
}
