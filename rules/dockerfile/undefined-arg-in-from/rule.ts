import { defineRule } from '../../../src/engine/types.js';
import { PLATFORM_ARGS, variableRefs } from '../../../src/analysis/buildkit.js';
import { didYouMean } from '../../../src/text/did-you-mean.js';

export default defineRule<Record<string, never>, 'undefinedArg' | 'undefinedArgTypo'>(
  {
    id: 'undefined-arg-in-from',
    kind: 'dockerfile',
    summary: 'A `FROM` uses a variable that no `ARG` before the first `FROM` declares',
    category: 'correctness',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'buildkit', code: 'UndefinedArgInFrom', fidelity: 'same' }],
    messages: {
      undefinedArg:
        '`{ref}` is not declared by an `ARG` before the first `FROM`, so it expands to an empty string unless passed with `--build-arg`; add `ARG {name}=<default>` at the top of the file',
      undefinedArgTypo: '`{ref}` is not declared by an `ARG` before the first `FROM`, so it expands to an empty string; did you mean `{suggestion}`?',
    },
    hasSuggestions: true,
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      const known = new Set<string>(PLATFORM_ARGS);
      for (const arg of file.globalArgs) for (const v of arg.vars) known.add(v.name);
      for (const stage of file.stages) {
        const from = stage.from;
        const spans = [from.image.range, ...(from.platform?.valueRange ? [from.platform.valueRange] : [])];
        for (const span of spans) {
          for (const ref of variableRefs(file, span.start, span.end)) {
            if (known.has(ref.name)) continue;
            const written = file.source.text.slice(ref.range.start, ref.range.end);
            const suggestion = didYouMean(ref.name, known);
            if (suggestion) {
              const replacement = written.replace(ref.name, suggestion);
              ctx.report({
                at: ref.range,
                messageId: 'undefinedArgTypo',
                data: { ref: written, suggestion: replacement },
                suggest: [{ title: `write \`${replacement}\``, edits: [{ ...ref.range, text: replacement }] }],
              });
            } else {
              ctx.report({ at: ref.range, messageId: 'undefinedArg', data: { ref: written, name: ref.name } });
            }
          }
        }
      }
    },
  }),
);
