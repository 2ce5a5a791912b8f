import { defineRule } from '../../../src/engine/types.js';
import { scalarValueEdit, usesUnsetVariable } from '../../../src/analysis/project-files.js';
import { didYouMean } from '../../../src/text/did-you-mean.js';

type Msg = 'unknownTarget' | 'unknownTargetDidYouMean' | 'noNamedStage';

export default defineRule<Record<string, never>, Msg>(
  {
    id: 'build-target-unknown',
    kind: 'project',
    summary: '`build.target` names no stage of the Dockerfile the service builds',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [],
    messages: {
      unknownTarget:
        '`target: {target}` names no stage of `{dockerfile}`, so `docker compose build` fails with "target stage could not be found"; write one of {stages}',
      unknownTargetDidYouMean:
        '`target: {target}` names no stage of `{dockerfile}`, so `docker compose build` fails with "target stage could not be found"; did you mean `{suggestion}`?',
      noNamedStage:
        '`target: {target}` names no stage of `{dockerfile}`, which has no named stage, so `docker compose build` fails; name the stage (`FROM … AS {target}`) or remove `target:`',
    },
    hasSuggestions: true,
    since: '0.1.0',
  },
  (ctx) => ({
    project(project) {
      const seen = new Set<string>();
      for (const cp of project.composeProjects) {
        for (const b of cp.builds) {
          const build = b.service.build!;
          const df = b.dockerfile ?? b.inlineDockerfile;
          if (!df || build.target === undefined || !build.targetRange || !df.stages.length) continue;
          if (usesUnsetVariable(cp.compose, build.targetRange)) continue;
          const key = `${build.targetRange.path}:${build.targetRange.start}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const names = df.stages.flatMap((s) => (s.from.stageName ? [s.from.stageName.value] : []));
          // Docker compares stage names case-insensitively.
          if (names.some((n) => n.toLowerCase() === build.target!.toLowerCase())) continue;
          const shown = b.dockerfile ? (build.dockerfile ?? 'Dockerfile') : 'dockerfile_inline';
          const data = { target: build.target, dockerfile: shown };
          const related = b.dockerfile ? df.stages.filter((s) => s.from.stageName).map((s) => ({ at: s.from.stageName!.range, message: `stage \`${s.from.stageName!.value}\`` })) : [];
          const suggestion = didYouMean(build.target, names);
          if (!names.length) ctx.report({ at: build.targetRange, messageId: 'noNamedStage', data });
          else if (suggestion)
            ctx.report({
              at: build.targetRange,
              messageId: 'unknownTargetDidYouMean',
              data: { ...data, suggestion },
              related,
              suggest: [{ title: `write \`${suggestion}\``, edits: [scalarValueEdit(cp.compose, build.targetRange, suggestion)] }],
            });
          else ctx.report({ at: build.targetRange, messageId: 'unknownTarget', data: { ...data, stages: names.map((n) => `\`${n}\``).join(', ') }, related });
        }
      }
    },
  }),
);
