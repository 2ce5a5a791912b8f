import { defineRule, type Ranged } from '../../../src/engine/types.js';
import type { ImageRef } from '../../../src/parse/image-ref.js';
import type { ComposeFile, ComposeService, VarRef } from '../../../src/parse/compose/model.js';

interface Options {
  /** Tags that float like `latest` (dclint's prohibitedTags). */
  floatingTags: string[];
}

type Msg = 'untagged' | 'floatingTag' | 'untaggedVariable' | 'floatingTagVariable';

/** The variable written last in `image:` when it ends the value: it supplied the tag (or its absence). */
function tagVariable(file: ComposeFile, service: ComposeService): VarRef | undefined {
  const at = service.image!.range;
  const inImage = file.varRefs.filter((v) => v.range.path === at.path && v.range.start >= at.start && v.range.end <= at.end);
  const last = inImage.reduce<VarRef | undefined>((best, v) => (!best || v.range.end > best.range.end || (v.range.end === best.range.end && v.range.start < best.range.start) ? v : best), undefined);
  if (!last || !/^["']?$/.test(file.source.text.slice(last.range.end, at.end))) return undefined;
  return last;
}

export default defineRule<Options, Msg>(
  {
    id: 'latest-image-tag',
    kind: 'project',
    summary: 'Image without a tag, or with a floating tag such as `latest`, in FROM or compose `image:`',
    category: 'reliability',
    severity: 'warning',
    recommended: true,
    aliases: [
      { tool: 'hadolint', code: 'DL3006', fidelity: 'partial' },
      { tool: 'hadolint', code: 'DL3007', fidelity: 'same' },
      { tool: 'dclint', code: 'service-image-require-explicit-tag', fidelity: 'partial' },
    ],
    messages: {
      untagged:
        'Image `{image}` has no tag, so it means `{image}:latest` and each pull may bring another version; pin a version, e.g. `{image}:<version>` or a digest',
      floatingTag:
        'Tag `{tag}` of `{image}` floats: each pull may bring another version and builds stop being reproducible; pin a version, e.g. `{repo}:<version>` or a digest',
      untaggedVariable:
        'Image `{image}` has no tag once `{ref}` is replaced (`{name}={value}`{where}), so it means `{image}:latest` and each pull may bring another version; set `{name}={example}`',
      floatingTagVariable:
        'Tag `{tag}` of `{image}` comes from `{ref}` (`{name}={value}`{where}) and floats: each pull may bring another version and builds stop being reproducible; set `{name}={example}`',
    },
    options: {
      schema: {
        type: 'object',
        properties: { floatingTags: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
      defaults: { floatingTags: ['latest'] },
    },
    since: '0.1.0',
  },
  (ctx) => {
    const floating = new Set(ctx.options.floatingTags.map((t) => t.toLowerCase()));
    const pending: { file: ComposeFile; ref: ImageRef; variable: VarRef }[] = [];
    const check = (ref: ImageRef, at: Ranged) => {
      // A digest pins the image whatever the tag says; unresolved variables hide the real tag.
      if (ref.digest || ref.unresolved.length || ref.resolved === '') return;
      const repo = ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository;
      if (ref.tag === undefined) {
        ctx.report({ at, messageId: 'untagged', data: { image: ref.resolved } });
      } else if (floating.has(ref.tag.toLowerCase())) {
        ctx.report({ at: ref.tagRange ?? at, messageId: 'floatingTag', data: { tag: ref.tag, image: ref.resolved, repo } });
      }
    };
    return {
      'dockerfile:from'(from) {
        if (from.scratch || from.stageRef !== undefined) return;
        check(from.image, from.image.range);
      },
      'compose:service'(service, file) {
        // Beside `build:`, `image:` names the image compose builds; nothing is pulled from it.
        if (!service.image || service.build) return;
        const ref = service.image.ref;
        const variable = ref.tagRange || ref.raw === ref.resolved ? undefined : tagVariable(file, service);
        if (!variable) return check(ref, service.image.range);
        if (ref.digest || ref.unresolved.length || ref.resolved === '') return;
        if (ref.tag !== undefined && !floating.has(ref.tag.toLowerCase())) return;
        // Reported once the project is known, to point at the `.env` line that gave the value.
        pending.push({ file, ref, variable });
      },
      project(project) {
        for (const { file, ref, variable } of pending) {
          const dotEnv = project.composeProjects.find((cp) => cp.compose === file)?.dotEnv;
          const value = file.variables.get(variable.name) ?? '';
          const entry = dotEnv?.entries.filter((e) => e.key === variable.name).pop();
          // The shell environment wins over `.env`: only a matching value came from the file.
          const fromDotEnv = entry && entry.value === value ? entry : undefined;
          const whole = file.source.slice(variable.range) === ref.raw;
          const repo = ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository;
          const data = {
            image: ref.resolved,
            tag: ref.tag ?? '',
            ref: file.source.slice(variable.range),
            name: variable.name,
            value,
            where: fromDotEnv ? ' in `.env`' : '',
            example: whole ? `${repo}:<version>` : ref.tag === undefined ? `${value}:<version>` : '<version>',
          };
          ctx.report({
            at: variable.range,
            messageId: ref.tag === undefined ? 'untaggedVariable' : 'floatingTagVariable',
            data,
            ...(fromDotEnv ? { related: [{ at: fromDotEnv.valueRange, message: `\`${variable.name}\` is set here` }] } : {}),
          });
        }
        pending.length = 0;
      },
    };
  },
);
