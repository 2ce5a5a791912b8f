import { defineRule } from '../../../src/engine/types.js';
import type { ComposeFile, VarRef } from '../../../src/parse/compose/model.js';
import { rangeKey, shellVarRanges } from './shell-fields.js';

type Msg = 'unset' | 'unsetRepeated' | 'unsetShell' | 'unsetShellRepeated';

/** Other uses listed as related locations; the message still gives the full count. */
const MAX_RELATED = 20;

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
      unsetRepeated:
        'Variable `{name}` is not set (used {more} in this file), so Compose replaces `{ref}` and every other use with an empty string; set it in `.env` or the environment, or write `${{name}:-default}`',
      unsetShell:
        'Variable `{name}` is not set, so Compose replaces `{ref}` with an empty string before the container runs; if the container\'s shell should expand it, write `{escaped}` (`$$` passes a literal `$` to the container), otherwise set it in `.env` or the environment',
      unsetShellRepeated:
        'Variable `{name}` is not set (used {more} in this file), so Compose replaces `{ref}` and every other use with an empty string before the container runs; if the container\'s shell should expand it, write `{escaped}` (`$$` passes a literal `$` to the container), otherwise set it in `.env` or the environment',
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
      const shell = shellVarRanges(file);
      // Report each name once, at its first use in the file, with the other uses as related places.
      const byName = new Map<string, VarRef[]>();
      for (const ref of refs) {
        if (ref.defined || ref.operator !== '') continue;
        // `${A:-${B}}` only reads B when A's default is taken.
        if (refs.some((outer) => outer.operator !== '' && inside(ref, outer) && !argumentUsed(outer, file))) continue;
        const uses = byName.get(ref.name);
        if (uses) uses.push(ref);
        else byName.set(ref.name, [ref]);
      }
      for (const [name, uses] of byName) {
        uses.sort((a, b) => a.range.start - b.range.start);
        const [first, ...rest] = uses as [VarRef, ...VarRef[]];
        // A bare `$NAME` in a string the container runs reads like shell syntax; `${NAME}`, or a name
        // also used in `image:`, `volumes:`, …, is the usual way of templating the file for Compose.
        const shellUse = uses.every((u) => shell.has(rangeKey(u.range)) && file.source.text.charAt(u.range.start + 1) !== '{');
        const data: Record<string, string> = { name, ref: file.source.slice(first.range) };
        if (rest.length) data.more = rest.length === 1 ? '1 more time' : `${rest.length} more times`;
        if (shellUse) data.escaped = `$${data.ref}`;
        const messageId: Msg = shellUse
          ? rest.length ? 'unsetShellRepeated' : 'unsetShell'
          : rest.length ? 'unsetRepeated' : 'unset';
        const related = rest.slice(0, MAX_RELATED).map((u) => ({
          at: u.range,
          message: `\`${name}\` is also used here`,
        }));
        ctx.report({ at: first.range, messageId, data, ...(related.length ? { related } : {}) });
      }
    },
  }),
);
