import { defineRule } from '../../../src/engine/types.js';
import type { Dockerfile, Instruction, Stage } from '../../../src/parse/dockerfile/model.js';
import { expandWord } from '../../../src/parse/dockerfile/expand.js';

/** `/x`, and Windows `C:\x` / `C:/x` / `\x`. */
const isAbsolute = (p: string): boolean => /^(?:\/|\\|[A-Za-z]:[\\/])/.test(p);

/**
 * The WORKDIR path as Docker sees it: quotes removed, variables replaced by the stage's ARG
 * defaults and ENV values; undefined when a variable has no known value.
 */
function pathOf(file: Dockerfile, stage: Stage, ins: Instruction): string | undefined {
  const r = ins.argsRange;
  const exp = expandWord(file.source.text, r.start, r.end, file.escapeChar, (n) => stage.env.get(n)?.value ?? stage.args.get(n)?.defaultValue);
  // An ENV value may itself hold variables the model keeps unexpanded.
  return exp.unresolved.length || exp.value.includes('$') ? undefined : exp.value.trim();
}

export default defineRule<Record<string, never>, 'relative'>(
  {
    id: 'workdir-relative-path',
    kind: 'dockerfile',
    summary: 'The first `WORKDIR` of a stage is relative, so it depends on the base image\'s directory',
    category: 'reliability',
    severity: 'error',
    recommended: true,
    aliases: [
      { tool: 'buildkit', code: 'WorkdirRelativePath', fidelity: 'same' },
      { tool: 'hadolint', code: 'DL3000', fidelity: 'partial' },
    ],
    messages: {
      relative:
        '`WORKDIR {path}` is relative and no absolute `WORKDIR` comes before it in this stage, so where it lands depends on the base image\'s working directory, which can change with any update; write an absolute path such as `WORKDIR /{trimmed}`',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      // Whether a stage has set its working directory itself (absolute, or relative to one).
      const settled = new Map<number, boolean>();
      for (const stage of file.stages) {
        let known = stage.from.stageRef !== undefined && settled.get(stage.from.stageRef) === true;
        for (const ins of stage.instructions) {
          if (ins.keyword !== 'WORKDIR' || known) continue;
          const path = pathOf(file, stage, ins);
          known = true;
          if (path === undefined || path === '' || isAbsolute(path)) continue;
          ctx.report({ at: ins.argsRange, messageId: 'relative', data: { path, trimmed: path.replace(/^\.\/?/, '') } });
        }
        settled.set(stage.index, known);
      }
    },
  }),
);
