import { defineRule } from '../../../src/engine/types.js';

interface Options {
  /** The pattern container names must match. */
  pattern: string;
}

/** What the Docker Engine accepts as a container name. */
const ENGINE_PATTERN = '^[a-zA-Z0-9][a-zA-Z0-9_.-]+$';

export default defineRule<Options, 'invalid'>(
  {
    id: 'container-name-invalid',
    kind: 'compose',
    summary: '`container_name` is not a name the Docker Engine accepts',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [{ tool: 'dclint', code: 'service-container-name-regex', fidelity: 'same' }],
    messages: {
      invalid:
        'Container name `{name}` of service `{service}` does not match `{pattern}`, so the container cannot be created; use letters, digits, `_`, `.` and `-`, starting with a letter or digit, e.g. `{suggestion}`',
    },
    options: {
      schema: { type: 'object', properties: { pattern: { type: 'string' } }, additionalProperties: false },
      defaults: { pattern: ENGINE_PATTERN },
    },
    since: '0.1.0',
  },
  (ctx) => {
    let re: RegExp;
    try {
      re = new RegExp(ctx.options.pattern);
    } catch {
      re = new RegExp(ENGINE_PATTERN);
    }
    return {
      'compose:service'(service) {
        const cn = service.containerName;
        if (!cn) return;
        const node = service.node.get('container_name');
        // A name from an unset variable is only known at deploy time.
        if (node?.kind === 'scalar' && node.vars.some((v) => !v.defined && v.operator !== ':-' && v.operator !== '-')) return;
        if (re.test(cn.value)) return;
        const cleaned = cn.value.replace(/[^a-zA-Z0-9_.-]+/g, '-').replace(/^[^a-zA-Z0-9]+/, '');
        const suggestion = cleaned.length >= 2 ? cleaned : service.name.replace(/[^a-zA-Z0-9_.-]+/g, '-');
        ctx.report({ at: cn.range, messageId: 'invalid', data: { name: cn.value, service: service.name, pattern: ctx.options.pattern, suggestion } });
      },
    };
  },
);
