/** The default key groups of a service, in order (the groups dclint's service-keys-order uses). */
export const DEFAULT_GROUPS: Readonly<Record<string, readonly string[]>> = {
  'Core Definitions': ['image', 'build', 'container_name'],
  'Service Dependencies': ['depends_on'],
  'Data Management and Configuration': ['volumes', 'volumes_from', 'configs', 'secrets'],
  'Environment Configuration': ['environment', 'env_file'],
  Networking: ['ports', 'networks', 'network_mode', 'extra_hosts'],
  'Runtime Behavior': ['command', 'entrypoint', 'working_dir', 'restart', 'healthcheck'],
  'Operational Metadata': ['logging', 'labels'],
  'Security and Execution Context': ['user', 'isolation'],
  Other: [],
};

export const DEFAULT_GROUP_ORDER: readonly string[] = Object.keys(DEFAULT_GROUPS);

/**
 * Rank of each known key: groups in `groupOrder`, keys in group order. Keys in no group sort
 * after all of them, alphabetically.
 */
export function keyRanks(groups: Readonly<Record<string, readonly string[]>>, groupOrder: readonly string[]): Map<string, number> {
  const merged = { ...DEFAULT_GROUPS, ...groups };
  const ranks = new Map<string, number>();
  const order = [...groupOrder, ...Object.keys(merged).filter((g) => !groupOrder.includes(g))];
  for (const group of order) for (const key of merged[group] ?? []) if (!ranks.has(key)) ranks.set(key, ranks.size);
  return ranks;
}
