import { hasUnsetVariable } from '../../../src/analysis/compose-values.js';
import { defineRule, type Edit, type Ranged } from '../../../src/engine/types.js';
import type { ComposeFile, ServiceVolume, YScalar } from '../../../src/parse/compose/model.js';
import { rangeInScalar } from '../../../src/parse/compose/ynodes.js';

type Msg = 'missingColon' | 'relativeTarget' | 'optionAsTarget';

/** Mount options Compose accepts in the third section (`ro`, `rw,z`, `nocopy`, propagation). */
const MODE_LIST = /^(?:ro|rw|z|Z|nocopy|shared|rshared|slave|rslave|private|rprivate)(?:,(?:ro|rw|z|Z|nocopy|shared|rshared|slave|rslave|private|rprivate))*$/;

/** `/x`, and Windows paths (`C:\x`, `C:/x`, `\\server\share`) for Windows containers. */
export function isAbsoluteTarget(target: string): boolean {
  return target.startsWith('/') || /^[A-Za-z]:([\\/]|$)/.test(target) || target.startsWith('\\\\');
}


/** Offset in the source just before value character `i`, or undefined when a variable wrote it. */
function offsetBefore(node: YScalar, text: string, i: number): number | undefined {
  return rangeInScalar(node, text, i, i + 1)?.start;
}

export default defineRule<Record<string, never>, Msg>(
  {
    id: 'volume-target-not-absolute',
    kind: 'compose',
    summary: 'Service volume whose container path is not absolute, which Docker refuses when it creates the container',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [],
    messages: {
      missingColon:
        'Volume `{spec}` lacks the `:` after the declared volume `{volume}`, so `{volume}` is not mounted and the container path is not absolute, which stops the container from being created; did you mean `{suggested}`?',
      optionAsTarget:
        'Volume `{spec}` has only two sections, so Compose reads `{target}` as the container path rather than as an option and the container cannot be created; write `{source}:<container path>:{target}`',
      relativeTarget:
        'Container path `{target}` is not absolute, so Docker refuses to create the container; write an absolute path such as `/{target}`',
    },
    fix: 'safe',
    hasSuggestions: true,
    since: '0.1.0',
  },
  (ctx) => {
    const reportShort = (vol: ServiceVolume, node: YScalar, file: ComposeFile): void => {
      const text = file.source.text;
      const spec = String(node.value);
      const target = vol.target!;
      const optionsOnly = vol.source !== undefined && vol.mode === undefined && MODE_LIST.test(target);
      if (vol.source === undefined || optionsOnly) {
        // `pg/var/lib/data` (or `pg/var/lib/data:ro`) where `pg` is a declared volume: the colon
        // after the volume name is missing.
        const path = vol.source ?? target;
        const slash = path.indexOf('/');
        const head = slash > 0 ? path.slice(0, slash) : '';
        if (head && file.volumes.some((v) => v.name === head)) {
          const suggested = `${head}:${path.slice(slash)}${optionsOnly ? `:${target}` : ''}`;
          const at = offsetBefore(node, text, slash);
          const fix = at === undefined ? undefined : { title: `write \`${suggested}\``, edits: [{ path: file.path, start: at, end: at, text: ':' }] };
          ctx.report({
            at: rangeInScalar(node, text, 0, spec.length) ?? node.range,
            messageId: 'missingColon',
            data: { spec, volume: head, suggested },
            ...(fix ? { fix } : {}),
          });
          return;
        }
      }
      if (optionsOnly) {
        ctx.report({
          at: rangeInScalar(node, text, vol.source!.length + 1, spec.length) ?? node.range,
          messageId: 'optionAsTarget',
          data: { spec, target, source: vol.source! },
        });
        return;
      }
      // The target is the second section (or the whole spec): its index follows the source.
      const from = vol.source === undefined ? 0 : vol.source.length + 1;
      const at = rangeInScalar(node, text, from, from + target.length) ?? node.range;
      const insertAt = offsetBefore(node, text, from);
      const suggested = `${vol.source === undefined ? '' : `${vol.source}:`}/${target}${vol.mode === undefined ? '' : `:${vol.mode}`}`;
      ctx.report({
        at,
        messageId: 'relativeTarget',
        data: { target },
        ...(insertAt === undefined ? {} : { suggest: [{ title: `write \`${suggested}\``, edits: [{ path: file.path, start: insertAt, end: insertAt, text: '/' }] }] }),
      });
    };

    return {
      'compose:service'(service, file) {
        for (const vol of service.volumes) {
          if (vol.error !== undefined || vol.target === undefined || vol.target === '') continue;
          if (isAbsoluteTarget(vol.target)) continue;
          if (vol.short) {
            if (vol.node.kind !== 'scalar' || hasUnsetVariable(vol.node)) continue;
            reportShort(vol, vol.node, file);
            continue;
          }
          const targetNode = vol.node.kind === 'map' ? vol.node.get('target') : undefined;
          if (!targetNode || targetNode.kind !== 'scalar' || hasUnsetVariable(targetNode)) continue;
          const insertAt = offsetBefore(targetNode, file.source.text, 0);
          const edits: Edit[] = insertAt === undefined ? [] : [{ path: file.path, start: insertAt, end: insertAt, text: '/' }];
          const at: Ranged = rangeInScalar(targetNode, file.source.text, 0, vol.target.length) ?? targetNode.range;
          ctx.report({
            at,
            messageId: 'relativeTarget',
            data: { target: vol.target },
            ...(edits.length ? { suggest: [{ title: `write \`/${vol.target}\``, edits }] } : {}),
          });
        }
      },
    };
  },
);
