import { defineRule, type Edit, type Ranged } from '../../../src/engine/types.js';
import type { Dockerfile, EnvInstruction, Instruction } from '../../../src/parse/dockerfile/model.js';

/**
 * `KEY value words` → `KEY="value words"`. Only for values whose meaning cannot change inside
 * double quotes: no quotes, no escape character, no line continuation.
 */
function pairEdit(file: Dockerfile, keyEnd: number, valueStart: number, valueEnd: number): Edit | undefined {
  const raw = file.source.text.slice(valueStart, valueEnd).trimEnd();
  if (raw === '' || /["'\n\r]/.test(raw) || raw.includes(file.escapeChar)) return undefined;
  const value = /\s/.test(raw) ? `"${raw}"` : raw;
  return { path: file.path, start: keyEnd, end: valueStart + raw.length, text: `=${value}` };
}

function legacyOf(ins: Instruction, file: Dockerfile): { key: string; at: Ranged; edit?: Edit } | undefined {
  if (ins.keyword === 'ENV') {
    const pair = (ins as EnvInstruction).pairs.find((p) => p.legacy);
    if (!pair) return undefined;
    const edit = pairEdit(file, pair.keyRange.end, pair.valueRange.start, pair.valueRange.end);
    return { key: pair.key, at: pair.keyRange, ...(edit ? { edit } : {}) };
  }
  if (ins.keyword === 'LABEL') {
    // Docker reads the legacy form when the first word has no `=`: key, then the rest as value.
    const first = ins.args[0];
    if (!first || ins.args.length < 2 || file.source.text.slice(first.range.start, first.range.end).includes('=')) return undefined;
    const edit = pairEdit(file, first.range.end, ins.args[1]!.range.start, ins.argsRange.end);
    return { key: first.value, at: first.range, ...(edit ? { edit } : {}) };
  }
  return undefined;
}

export default defineRule<Record<string, never>, 'legacy'>(
  {
    id: 'legacy-key-value-format',
    kind: 'dockerfile',
    summary: '`ENV` or `LABEL` in the legacy `KEY value` form instead of `KEY=value`',
    category: 'style',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'buildkit', code: 'LegacyKeyValueFormat', fidelity: 'same' }],
    messages: {
      legacy:
        '`{keyword} {key} …` uses the legacy space-separated form, which takes the whole rest of the line as one value and is deprecated; write `{keyword} {key}=<value>` (quote values with spaces)',
    },
    fix: 'safe',
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:instruction'(ins, file) {
      const found = legacyOf(ins, file);
      if (!found) return;
      ctx.report({
        at: found.at,
        messageId: 'legacy',
        data: { keyword: ins.keyword, key: found.key },
        ...(found.edit ? { fix: { title: `write \`${found.key}${found.edit.text}\``, edits: [found.edit] } } : {}),
      });
    },
  }),
);
