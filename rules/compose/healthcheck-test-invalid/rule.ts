import { defineRule } from '../../../src/engine/types.js';

const FORMS = ['CMD', 'CMD-SHELL', 'NONE'];

export default defineRule<Record<string, never>, 'badFirst' | 'badFirstCase'>(
  {
    id: 'healthcheck-test-invalid',
    kind: 'compose',
    summary: 'A `healthcheck.test` list does not start with `CMD`, `CMD-SHELL` or `NONE`',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [],
    messages: {
      badFirst:
        '`healthcheck.test` of service `{service}` starts with `{first}`, but a list must start with `CMD` (run the rest as a command), `CMD-SHELL` (run it with a shell) or `NONE`, so Compose refuses the file; write `["CMD", {rest}]` or `["CMD-SHELL", "…"]`',
      badFirstCase:
        '`healthcheck.test` of service `{service}` starts with `{first}`, but the form is case-sensitive, so Compose refuses the file; write `{upper}`',
    },
    fix: 'safe',
    since: '0.1.0',
  },
  (ctx) => ({
    'compose:service'(service, file) {
      const test = service.healthcheck?.get('test');
      if (!test || test.kind !== 'seq') return;
      const first = test.items[0];
      if (!first || first.kind !== 'scalar' || typeof first.value !== 'string') return;
      if (FORMS.includes(first.value) || first.vars.some((v) => !v.defined)) return;
      const upper = first.value.toUpperCase();
      if (FORMS.includes(upper) && first.style !== 'block') {
        const q = first.style === 'single' ? "'" : first.style === 'double' ? '"' : '';
        ctx.report({
          at: first.range,
          messageId: 'badFirstCase',
          data: { service: service.name, first: first.value, upper },
          fix: { title: `write \`${upper}\``, edits: [{ path: file.path, start: first.range.start, end: first.range.end, text: `${q}${upper}${q}` }] },
        });
        return;
      }
      ctx.report({ at: first.range, messageId: 'badFirst', data: { service: service.name, first: first.value, rest: JSON.stringify(first.value) } });
    },
  }),
);
