import type { ComposeFile, YNode } from '../../../src/parse/compose/model.js';

/** Service keys whose strings end up in a shell inside the container (or run as its argv). */
const SHELL_KEYS = ['command', 'entrypoint'] as const;
/** Lifecycle hooks (`post_start`, `pre_stop`) hold a list of `{command: …}` entries. */
const HOOK_KEYS = ['post_start', 'pre_stop'] as const;

const rangeKey = (r: { start: number; end: number }): string => `${r.start}:${r.end}`;

function collect(node: YNode | undefined, into: Set<string>): void {
  if (!node) return;
  if (node.kind === 'scalar') {
    for (const v of node.vars) into.add(rangeKey(v.range));
  } else if (node.kind === 'seq') {
    for (const item of node.items) collect(item, into);
  } else {
    for (const e of node.entries) collect(e.value, into);
  }
}

/**
 * Ranges (`start:end`) of the variable references written in strings that the container runs:
 * `command`, `entrypoint`, `healthcheck.test` and lifecycle hook commands. A `$VAR` there was often
 * meant for the container's shell, which only sees it when written `$$VAR`.
 */
export function shellVarRanges(file: ComposeFile): Set<string> {
  const out = new Set<string>();
  for (const service of file.services) {
    for (const key of SHELL_KEYS) collect(service.node.get(key), out);
    collect(service.healthcheck?.get('test'), out);
    for (const key of HOOK_KEYS) {
      const hooks = service.node.get(key);
      if (hooks?.kind !== 'seq') continue;
      for (const hook of hooks.items) if (hook.kind === 'map') collect(hook.get('command'), out);
    }
  }
  return out;
}

export { rangeKey };
