/** Recognising Compose file format v1: services written at the top level, no `services:` key. */
import type { ComposeFile, YMapEntry } from '../parse/compose/model.js';

const TOP_LEVEL = new Set(['version', 'name', 'include', 'services', 'networks', 'volumes', 'secrets', 'configs', 'models']);

/** Keys only a service has, so a top-level map holding one is a v1 service. */
const SERVICE_KEYS = ['image', 'build', 'command', 'ports', 'links', 'volumes_from', 'net', 'environment', 'container_name'];

/**
 * The top-level entries that are v1 services, or undefined when the file is not a v1 file (it has
 * `services:` or `version:`, or nothing at the top level looks like a service).
 */
export function composeV1Services(file: ComposeFile): YMapEntry[] | undefined {
  const root = file.root;
  if (!root || root.get('services') !== undefined || root.get('version') !== undefined) return undefined;
  const services = root.entries.filter(
    (e) => !e.merged && !TOP_LEVEL.has(e.key) && !e.key.startsWith('x-') && e.value.kind === 'map' && SERVICE_KEYS.some((k) => e.value.kind === 'map' && e.value.get(k) !== undefined),
  );
  return services.length ? services : undefined;
}
