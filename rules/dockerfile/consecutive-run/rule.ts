import { defineRule } from '../../../src/engine/types.js';
import type { Instruction, RunInstruction } from '../../../src/parse/dockerfile/model.js';

/** One simple command, written in shell form: the RUNs that chaining with `&&` would merge. */
function single(run: RunInstruction): boolean {
  return run.form === 'shell' && run.commands.length === 1;
}

function sameFlags(a: Instruction, b: Instruction): boolean {
  const key = (i: Instruction) => i.flags.map((f) => `${f.name}=${f.value ?? ''}`).sort().join('\n');
  return key(a) === key(b);
}

export default defineRule<Record<string, never>, 'merge'>(
  {
    id: 'consecutive-run',
    kind: 'dockerfile',
    summary: 'Two RUN instructions in a row, each with one command, that could be one layer',
    category: 'best-practice',
    severity: 'info',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3059', fidelity: 'partial' }],
    messages: {
      merge: 'This RUN directly follows another single-command RUN, and each RUN adds a layer and a cache step; join them as `RUN {first} && {second}`',
    },
    fix: 'unsafe',
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:stage'(stage, file) {
      const text = file.source.text;
      let prev: RunInstruction | undefined;
      for (const ins of stage.instructions) {
        if (ins.keyword !== 'RUN') {
          prev = undefined;
          continue;
        }
        const run = ins as RunInstruction;
        if (prev && single(prev) && single(run) && sameFlags(prev, run)) {
          const first = prev.commands[0]!.nameWord.value;
          const second = run.commands[0]!.nameWord.value;
          // Comments between the two move above the first RUN, so joining loses nothing.
          const between = text.slice(prev.range.end, run.argsRange.start);
          const comments = text
            .slice(prev.range.end, run.range.start)
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter((l) => l.startsWith('#'));
          const prevLine = text.lastIndexOf('\n', prev.range.start - 1) + 1;
          const path = run.range.path;
          const fix = {
            title: 'join the two RUN instructions with `&&`',
            edits: [
              ...(comments.length ? [{ path, start: prevLine, end: prevLine, text: comments.map((c) => `${c}\n`).join('') }] : []),
              { path, start: prev.range.end, end: prev.range.end + between.length, text: ' \\\n && ' },
            ],
          };
          ctx.report({
            at: run.keywordRange,
            messageId: 'merge',
            data: { first: `${first} …`, second: `${second} …` },
            related: [{ at: prev.keywordRange, message: 'the previous RUN' }],
            fix,
          });
          // The merged pair is no longer a single command: the next RUN pairs afresh.
          prev = undefined;
          continue;
        }
        prev = run;
      }
    },
  }),
);
