import { defineRule } from '../../../src/engine/types.js';
import type { ComposeFile, VarRef } from '../../../src/parse/compose/model.js';

type Msg = 'unset';

const inside = (inner: VarRef, outer: VarRef): boolean =>
  inner !== outer &&
  inner.range.path === outer.range.path &&
  inner.range.start >= outer.range.start &&
  inner.range.end <= outer.range.end &&
  inner.range.end - inner.range.start < outer.range.end - outer.range.start;

/** Whether Compose uses the argument of `${NAME<op>argument}` with the current variables. */
function argumentUsed(ref: VarRef, file: ComposeFile): boolean {
  const nonEmpty = ref.defined && (file.variables.get(ref.name) ?? '') !== '';
  switch (ref.operator) {
    case ':-':
      return !nonEmpty;
    case '-':
      return !ref.defined;
    case ':+':
      return nonEmpty;
    case '+':
      return ref.defined;
    default:
      // `:?`/`?` arguments are error texts, not values.
      return false;
  }
}

export default defineRule<Record<string, never>, Msg>(
  {
    id: 'unset-variable',
    kind: 'compose',
    summary: 'Variable without a default that is neither in `.env` nor in the environment, so Compose substitutes an empty string',
    category: 'correctness',
    severity: 'warning',
    recommended: true,
    aliases: [],
    messages: {
      unset:
        'Variable `{name}` is not set, so Compose replaces `{ref}` with an empty string; set it in `.env` or the environment, or write `${{name}:-default}`',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    compose(file) {
      const seen = new Set<string>();
      const refs = file.varRefs.filter((r) => {
        const key = `${r.range.start}:${r.range.end}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      for (const ref of refs) {
        if (ref.defined || ref.operator !== '') continue;
        // `${A:-${B}}` only reads B when A's default is taken.
        if (refs.some((outer) => outer.operator !== '' && inside(ref, outer) && !argumentUsed(outer, file))) continue;
        ctx.report({ at: ref.range, messageId: 'unset', data: { name: ref.name, ref: file.source.slice(ref.range) } });
      }
    },
  }),
);
