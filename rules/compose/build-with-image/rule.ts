import { defineRule } from '../../../src/engine/types.js';

interface Options {
  /** Skip services that set `pull_policy`: they say explicitly whether the image is pulled or built. */
  checkPullPolicy: boolean;
}

export default defineRule<Options, 'both'>(
  {
    id: 'build-with-image',
    kind: 'compose',
    summary: 'A service sets both `build` and `image`',
    category: 'best-practice',
    severity: 'warning',
    recommended: false,
    aliases: [{ tool: 'dclint', code: 'no-build-and-image', fidelity: 'same' }],
    messages: {
      both:
        'Service `{service}` sets both `build` and `image`, so whether `{image}` is pulled from a registry or built here depends on the command run (`pull`, `up`, `build`); drop one of them, or state the choice with `pull_policy: build` or `pull_policy: missing`',
    },
    options: {
      schema: { type: 'object', properties: { checkPullPolicy: { type: 'boolean' } }, additionalProperties: false },
      defaults: { checkPullPolicy: true },
    },
    since: '0.1.0',
  },
  (ctx) => ({
    'compose:service'(service) {
      if (!service.image || !service.build) return;
      if (ctx.options.checkPullPolicy && service.node.get('pull_policy') !== undefined) return;
      ctx.report({ at: service.image.range, messageId: 'both', data: { service: service.name, image: service.image.value } });
    },
  }),
);
