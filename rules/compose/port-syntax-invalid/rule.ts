import { defineRule } from '../../../src/engine/types.js';
import { didYouMean } from '../../../src/text/did-you-mean.js';

/** A likely intended spelling of a broken port entry, when the mistake is a common one. */
function intended(spec: string): string | undefined {
  const proto = /^(.*)\/([A-Za-z]+)$/.exec(spec);
  if (proto) {
    const p = proto[2]!.toLowerCase();
    const fixed = ['tcp', 'udp', 'sctp'].includes(p) ? p : didYouMean(p, ['tcp', 'udp', 'sctp']);
    if (fixed && fixed !== proto[2]) return `${proto[1]}/${fixed}`;
  }
  const cleaned = spec.replace(/\s+/g, '').replace(/[;=]/g, ':');
  return cleaned !== spec && cleaned !== '' ? cleaned : undefined;
}

export default defineRule<Record<string, never>, 'invalid' | 'invalidDidYouMean'>(
  {
    id: 'port-syntax-invalid',
    kind: 'compose',
    summary: 'A `ports` entry in short syntax cannot be parsed',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [],
    messages: {
      invalid: 'Port `{spec}` cannot be parsed ({reason}), so Compose refuses the service; write `[host_ip:][host_port:]container_port[/protocol]`, e.g. `8080:80`',
      invalidDidYouMean: 'Port `{spec}` cannot be parsed ({reason}), so Compose refuses the service; did you mean `{suggestion}`?',
    },
    hasSuggestions: true,
    since: '0.1.0',
  },
  (ctx) => ({
    'compose:service'(service, file) {
      for (const port of service.ports) {
        const node = port.node;
        if (port.error === undefined || node.kind !== 'scalar' || node.vars.some((v) => !v.defined)) continue;
        const spec = String(node.value);
        const suggestion = node.vars.length ? undefined : intended(spec);
        const data = { spec, reason: port.error };
        if (!suggestion) {
          ctx.report({ at: node.range, messageId: 'invalid', data });
          continue;
        }
        const q = node.style === 'single' ? "'" : '"';
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
