import { defineRule, type Ranged } from '../../../src/engine/types.js';
import type { ArgInstruction, Comment, Dockerfile, Instruction } from '../../../src/parse/dockerfile/model.js';

/** Comments that are tool directives, not prose. */
const PRAGMA = /^(?:hadolint\b|check=|compose-lint\b|syntax=|escape=|shellcheck\b)/i;

/** The comment block that ends on the line right above `ins` (blank lines break it). */
function commentAbove(file: Dockerfile, ins: Instruction, byLine: Map<number, Comment>): Comment | undefined {
  let line = file.source.positionAt(ins.range.start).line - 1;
  let top: Comment | undefined;
  while (byLine.has(line)) top = byLine.get(line--);
  return top;
}

export default defineRule<Record<string, never>, 'description'>(
  {
    id: 'invalid-definition-description',
    kind: 'dockerfile',
    summary: 'A comment right above a named `FROM` or an `ARG` does not start with that name',
    category: 'style',
    severity: 'info',
    recommended: false,
    aliases: [{ tool: 'buildkit', code: 'InvalidDefinitionDescription', fidelity: 'same' }],
    messages: {
      description:
        'The comment above this {what} becomes its description in `docker build --call=outline`, which expects it to start with the name; write `# {name} <description>`, or put a blank line between the comment and the instruction',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      const byLine = new Map<number, Comment>();
      for (const c of file.comments) {
        if (PRAGMA.test(c.text)) continue;
        byLine.set(file.source.positionAt(c.range.start).line, c);
      }
      const check = (ins: Instruction, names: string[], what: string, at: Ranged) => {
        const comment = commentAbove(file, ins, byLine);
        if (!comment || names.length === 0) return;
        const word = comment.text.split(/\s+/)[0] ?? '';
        if (names.includes(word)) return;
        ctx.report({ at, messageId: 'description', data: { what, name: names.length === 1 ? names[0]! : '<name>' } });
      };
      for (const ins of file.instructions) {
        if (ins.keyword === 'FROM') {
          const def = (ins as Extract<Instruction, { keyword: 'FROM' }>).stageName;
          if (def) check(ins, [def.value.toLowerCase()], 'stage', def.range);
        } else if (ins.keyword === 'ARG') {
          const vars = (ins as ArgInstruction).vars;
          if (vars.length) check(ins, vars.map((v) => v.name), 'argument', vars[0]!.nameRange);
        }
      }
    },
  }),
);
