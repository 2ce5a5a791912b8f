/**
 * yaml reports an unclosed quote or bracket where it gave up (often the end of the file); the
 * place to edit is the opener. This finds it, so the finding points at the `"` or `[` to close.
 */

const CLOSERS: Record<string, string> = { ']': '[', '}': '{' };

/** Offset of the unmatched opener that error `message` at `pos` is about, or undefined. */
export function openerOffset(text: string, pos: number, message: string): number | undefined {
  const quote = /Missing closing (["'])quote/.exec(message);
  if (quote) {
    // The opening quote is the last one before pos that starts a scalar (after `: `, `- `, `[`, `,` or a line start).
    for (let i = Math.min(pos, text.length) - 1; i >= 0; i--) {
      if (text[i] === quote[1] && /(^|[\s:,[{-])$/.test(text.slice(Math.max(0, i - 1), i))) return i;
    }
    return undefined;
  }
  const bracket = /end with an? ([\]}])/.exec(message);
  if (!bracket) return undefined;
  const close = bracket[1]!;
  const open = CLOSERS[close]!;
  let depth = 0;
  for (let i = Math.min(pos, text.length) - 1; i >= 0; i--) {
    const c = text[i];
    if (c === close) depth++;
    else if (c === open) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}
