import { defineRule } from '../../../src/engine/types.js';
import { declaredArgs, keyRangeIn, PREDEFINED_ARGS } from '../../../src/analysis/project-files.js';
import { didYouMean } from '../../../src/text/did-you-mean.js';

type Msg = 'undeclared' | 'undeclaredDidYouMean';

export default defineRule<Record<string, never>, Msg>(
  {
    id: 'build-arg-not-declared',
    kind: 'project',
    summary: 'A compose `build.args` key that the Dockerfile never declares with `ARG`',
    category: 'correctness',
    severity: 'warning',
    recommended: true,
    aliases: [],
    messages: {
      undeclared:
        'Build arg `{name}` is passed to `{dockerfile}`, which declares no `ARG {name}`, so the value is silently dropped (BuildKit only warns); add `ARG {name}` to the stage that needs it, or remove the arg',
      undeclaredDidYouMean:
        'Build arg `{name}` is passed to `{dockerfile}`, which declares no `ARG {name}`, so the value is silently dropped (BuildKit only warns); did you mean `{suggestion}`?',
    },
    hasSuggestions: true,
    since: '0.1.0',
  },
  (ctx) => ({
    project(project) {
      const seen = new Set<string>();
      for (const cp of project.composeProjects) {
        for (const b of cp.builds) {
          const df = b.dockerfile ?? b.inlineDockerfile;
          // An empty or broken model declares nothing we could trust.
          if (!df || !df.stages.length) continue;
          const declared = declaredArgs(df);
          const shown = b.dockerfile ? (b.service.build!.dockerfile ?? 'Dockerfile') : 'dockerfile_inline';
          for (const arg of b.service.build!.args) {
            if (declared.has(arg.name) || PREDEFINED_ARGS.has(arg.name)) continue;
            const at = keyRangeIn(cp.compose, arg.range, arg.name);
            const key = `${at.path}:${at.start}:${df.path}`;
            if (seen.has(key)) continue;
            seen.add(key);
            const suggestion = didYouMean(arg.name, declared.keys());
            const data = { name: arg.name, dockerfile: shown };
            if (suggestion && !b.service.build!.args.some((a) => a.name === suggestion)) {
              ctx.report({
                at,
                messageId: 'undeclaredDidYouMean',
                data: { ...data, suggestion },
                ...(b.dockerfile ? { related: [{ at: declared.get(suggestion)!, message: `\`ARG ${suggestion}\`` }] } : {}),
                suggest: [{ title: `write \`${suggestion}\``, edits: [{ path: at.path, start: at.start, end: at.end, text: suggestion }] }],
              });
            } else {
              ctx.report({ at, messageId: 'undeclared', data });
            }
          }
        }
      }
    },
  }),
);
