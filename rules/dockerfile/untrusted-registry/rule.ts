import { defineRule, type Ranged } from '../../../src/engine/types.js';
import type { CopyInstruction, Dockerfile } from '../../../src/parse/dockerfile/model.js';

/** Docker Hub's names: an image without a registry comes from there. */
const HUB = ['docker.io', 'hub.docker.com', 'index.docker.io', 'registry-1.docker.io'];

/** hadolint's patterns: exact, `*`, `*.suffix`, `prefix*` — any `*` is a wildcard here. */
export function registryMatches(pattern: string, registry: string): boolean {
  const re = new RegExp(`^${pattern.toLowerCase().split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(registry.toLowerCase());
}

/** The registry of a reference written in `COPY --from` or a mount's `from=`. */
export function registryOf(ref: string): string | undefined {
  const slash = ref.indexOf('/');
  if (slash <= 0) return undefined;
  const first = ref.slice(0, slash);
  return first.includes('.') || first.includes(':') || first === 'localhost' ? first : undefined;
}

function isStageRef(file: Dockerfile, value: string, before: number): boolean {
  if (/^\d+$/.test(value)) return true;
  const v = value.toLowerCase();
  return file.stages.some((s) => s.index < before && s.name === v) || file.stages.some((s) => s.name === v);
}

export default defineRule<Record<string, never>, 'untrusted'>(
  {
    id: 'untrusted-registry',
    kind: 'dockerfile',
    summary: 'Image pulled from a registry not listed in `settings.trustedRegistries`',
    category: 'security',
    severity: 'error',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3026', fidelity: 'same' }],
    messages: {
      untrusted:
        '`{image}` comes from `{registry}`, which is not in `settings.trustedRegistries` ({trusted}), so the build pulls code from a source your team did not approve; use an image from a trusted registry or add `{registry}` to the list',
    },
    since: '0.1.0',
  },
  (ctx) => {
    const trusted = Array.isArray(ctx.settings.trustedRegistries) ? ctx.settings.trustedRegistries.filter((s) => typeof s === 'string') : [];
    const allowed = (registry: string | undefined) =>
      registry === undefined ? HUB.some((h) => trusted.some((p) => registryMatches(p, h))) : trusted.some((p) => registryMatches(p, registry));
    const check = (image: string, registry: string | undefined, at: Ranged) => {
      if (image.includes('$') || allowed(registry)) return;
      ctx.report({ at, messageId: 'untrusted', data: { image, registry: registry ?? 'docker.io', trusted: trusted.map((t) => `\`${t}\``).join(', ') } });
    };
    if (trusted.length === 0) return {};
    return {
      'dockerfile:from'(from) {
        if (from.scratch || from.stageRef !== undefined || from.image.unresolved.length) return;
        check(from.image.resolved, from.image.registry, from.image.range);
      },
      'dockerfile:copy'(node, file) {
        const ins = node as CopyInstruction;
        const v = ins.from?.value;
        if (!v || !ins.from!.valueRange || isStageRef(file, v, ins.stageIndex)) return;
        check(v, registryOf(v), ins.from!.valueRange);
      },
      'dockerfile:run'(run, file) {
        for (const m of run.mounts) {
          const v = m.options.from;
          if (!v || isStageRef(file, v, run.stageIndex)) continue;
          check(v, registryOf(v), m.flag.valueRange ?? m.flag.range);
        }
      },
    };
  },
);
