import { defineRule, type Ranged } from '../../../src/engine/types.js';
import type { YNode } from '../../../src/parse/compose/model.js';

type Msg = 'invalid';

/** Every malformed `$…` of the file's values, each written place once (aliases repeat nodes). */
function malformed(node: YNode | undefined, out: Map<string, { message: string; range: Ranged }>): void {
  if (!node) return;
  if (node.kind === 'scalar') {
    for (const e of node.interpolationErrors) {
      // A `$` before a character that cannot start a name (`$(date)`, `$5`) is kept as written
      // by Compose; only a broken `${…}` is refused.
      if (e.message.startsWith('invalid interpolation format') && !e.message.includes('must be followed by')) out.set(`${e.range.start}:${e.range.end}`, e);
    }
  } else if (node.kind === 'seq') for (const item of node.items) malformed(item, out);
  else for (const e of node.entries) malformed(e.value, out);
}

export default defineRule<Record<string, never>, Msg>(
  {
    id: 'invalid-interpolation',
    kind: 'compose',
    summary: 'A value uses `$` in a way Compose cannot interpolate',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [],
    messages: {
      invalid: 'Compose refuses to load the file: {reason}; write `$$` for a literal `$`, or `${NAME}` / `${NAME:-default}` for a variable',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    compose(file) {
      const found = new Map<string, { message: string; range: Ranged }>();
      malformed(file.root, found);
      for (const e of found.values()) {
        const reason = e.message.replace(/^invalid interpolation format:\s*/, '').replace(/\s*\(escape a literal \$ as \$\$\)$/, '');
        ctx.report({ at: e.range, messageId: 'invalid', data: { reason } });
      }
    },
  }),
);
