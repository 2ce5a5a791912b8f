import { defineRule } from '../../../src/engine/types.js';

function hasLineBreak(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/**
 * `text.slice(start, stop).trim() === ''` without a string per line: ASCII is judged in place
 * (a line's first visible character usually settles it), anything else is left to `trim`.
 */
function isBlank(text: string, start: number, stop: number): boolean {
  for (let i = start; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c < 128) return false;
    return text.slice(i, stop).trim() === '';
  }
  return true;
}

export default defineRule<Record<string, never>, 'emptyLine'>(
  {
    id: 'empty-continuation-line',
    kind: 'dockerfile',
    summary: 'A blank line inside an instruction continued with `\\`',
    category: 'correctness',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'buildkit', code: 'NoEmptyContinuation', fidelity: 'same' }],
    messages: {
      emptyLine:
        'This blank line sits inside the `{keyword}` continued from line {line}; Docker skips it for now but will reject it in a future release, and it hides where the instruction ends; remove it',
    },
    fix: 'safe',
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:instruction'(ins, file) {
      const text = file.source.text;
      // Heredoc bodies may hold blank lines; only the instruction's own lines count.
      const end = ins.heredocs.length ? Math.min(...ins.heredocs.map((h) => h.bodyRange.start)) : ins.range.end;
      // An instruction on one line (most of them) has no line inside it.
      if (!hasLineBreak(text, ins.range.start, end)) return;
      const first = file.source.positionAt(ins.range.start).line;
      const last = file.source.positionAt(end).line;
      for (let line = first + 1; line < last; line++) {
        const start = file.source.lineStart(line);
        const stop = file.source.lineEnd(line);
        if (!isBlank(text, start, stop)) continue;
        const next = file.source.lineStart(line + 1);
        ctx.report({
          at: { path: file.path, start: stop, end: stop },
          messageId: 'emptyLine',
          data: { keyword: ins.keyword, line: first },
          fix: { title: 'remove the blank line', edits: [{ path: file.path, start, end: next, text: '' }] },
        });
      }
    },
  }),
);
