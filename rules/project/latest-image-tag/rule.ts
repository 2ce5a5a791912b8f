import { defineRule, type Ranged } from '../../../src/engine/types.js';
import type { ImageRef } from '../../../src/parse/image-ref.js';

interface Options {
  /** Tags that float like `latest` (dclint's prohibitedTags). */
  floatingTags: string[];
}

export default defineRule<Options, 'untagged' | 'floatingTag'>(
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
      'compose:service'(service) {
        // Beside `build:`, `image:` names the image compose builds; nothing is pulled from it.
        if (service.image && !service.build) check(service.image.ref, service.image.range);
      },
    };
  },
);
