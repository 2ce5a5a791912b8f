import { defineRule } from '../../../src/engine/types.js';
import type { ArgVar } from '../../../src/parse/dockerfile/model.js';
import { buildAt } from '../../../src/analysis/project-files.js';

export default defineRule<Record<string, never>, 'notPassed'>(
  {
    id: 'build-arg-not-passed',
    kind: 'project',
    summary: 'A Dockerfile `ARG` without default that `FROM` needs, and the compose service building it never passes',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [],
    messages: {
      notPassed:
        '`{dockerfile}` needs build arg `{name}` in `FROM` and declares it without a default, but service `{service}` does not pass it, so the image name is empty and the build fails; add `args: {{name}: <value>}` under `build:`, or give the ARG a default (`ARG {name}=<value>`)',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    project(project) {
      for (const cp of project.composeProjects) {
        for (const b of cp.builds) {
          const df = b.dockerfile ?? b.inlineDockerfile;
          if (!df) continue;
          const shown = b.dockerfile ? (b.service.build!.dockerfile ?? 'Dockerfile') : 'dockerfile_inline';
          const globals = new Map<string, ArgVar>();
          for (const ins of df.globalArgs) for (const v of ins.vars) globals.set(v.name, v);
          const reported = new Set<string>();
          for (const stage of df.stages) {
            for (const name of stage.from.image.unresolved) {
              const arg = globals.get(name);
              // An ARG never declared is the Dockerfile's own problem (undefined-arg-in-from).
              if (!arg || arg.defaultValue !== undefined || b.buildArgs?.[name] !== undefined || reported.has(name)) continue;
              // `${NAME:+-debug}`, `${NAME:-x}`: an unset value is a choice the Dockerfile made.
              if (!new RegExp(`\\$(?:\\{${name}\\}|${name}(?![A-Za-z0-9_]))`).test(stage.from.image.raw)) continue;
              reported.add(name);
              ctx.report({
                at: buildAt(b.service),
                messageId: 'notPassed',
                data: { dockerfile: shown, name, service: b.service.name },
                // The inline Dockerfile's ranges are not positions of any file.
                related: b.dockerfile
                  ? [
                      { at: arg.nameRange, message: `\`ARG ${name}\` has no default` },
                      { at: stage.from.image.range, message: 'used here' },
                    ]
                  : [],
              });
            }
          }
        }
      }
    },
  }),
);
