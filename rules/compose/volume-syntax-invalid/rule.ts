import { defineRule } from '../../../src/engine/types.js';

/** The likely intended entry: options joined with `:` instead of `,`, or an empty section. */
function intended(spec: string, error: string): string | undefined {
  if (error === 'empty section between colons') {
    const fixed = spec.replace(/:{2,}/g, ':').replace(/^:|:$/g, '');
    return fixed !== spec && fixed !== '' ? fixed : undefined;
  }
  if (error === 'too many colons') {
    const drive = /^[A-Za-z]:[\\/]/.test(spec) ? 2 : 0;
    const parts = spec.slice(drive).split(':');
    const opts = parts.slice(2);
    if (opts.length > 1 && opts.every((o) => /^(ro|rw|z|Z|nocopy|r?shared|r?slave|r?private|cached|delegated|consistent)$/.test(o))) {
      return `${spec.slice(0, drive)}${parts[0]}:${parts[1]}:${opts.join(',')}`;
    }
  }
  return undefined;
}

export default defineRule<Record<string, never>, 'invalid' | 'invalidDidYouMean'>(
  {
    id: 'volume-syntax-invalid',
    kind: 'compose',
    summary: 'A `volumes` entry in short syntax cannot be parsed',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [],
    messages: {
      invalid: 'Volume `{spec}` cannot be parsed ({reason}), so Compose refuses the service; write `source:target[:options]` with options separated by commas, e.g. `./data:/data:ro,z`',
      invalidDidYouMean: 'Volume `{spec}` cannot be parsed ({reason}), so Compose refuses the service; did you mean `{suggestion}`?',
    },
    hasSuggestions: true,
    since: '0.1.0',
  },
  (ctx) => ({
    'compose:service'(service, file) {
      for (const vol of service.volumes) {
        const node = vol.node;
        if (vol.error === undefined || node.kind !== 'scalar' || node.vars.some((v) => !v.defined)) continue;
        const spec = String(node.value);
        const suggestion = node.vars.length ? undefined : intended(spec, vol.error);
        const data = { spec, reason: vol.error };
        if (!suggestion) {
          ctx.report({ at: node.range, messageId: 'invalid', data });
          continue;
        }
        const q = node.style === 'single' ? "'" : node.style === 'double' ? '"' : '';
        ctx.report({
          at: node.range,
          messageId: 'invalidDidYouMean',
          data: { ...data, suggestion },
          suggest: [{ title: `write \`${suggestion}\``, edits: [{ path: file.path, start: node.range.start, end: node.range.end, text: `${q}${suggestion}${q}` }] }],
        });
      }
    },
  }),
);
