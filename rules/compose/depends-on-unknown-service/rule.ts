import { nameSpan } from '../../../src/analysis/compose-values.js';
import { defineRule } from '../../../src/engine/types.js';
import { stacksOf } from '../../../src/project/compose-project.js';
import { didYouMean } from '../../../src/text/did-you-mean.js';

type Msg = 'unknown' | 'unknownDidYouMean';


export default defineRule<Record<string, never>, Msg>(
  {
    id: 'depends-on-unknown-service',
    kind: 'compose',
    summary: '`depends_on` names a service that the compose project does not define',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [],
    messages: {
      unknown:
        'Service `{service}` depends on `{target}`, which is not a service of this project, so Compose refuses to start the project; remove the entry or define a service `{target}`',
      unknownDidYouMean:
        'Service `{service}` depends on `{target}`, which is not a service of this project, so Compose refuses to start the project; did you mean `{suggestion}`?',
    },
    hasSuggestions: true,
    since: '0.1.0',
  },
  (ctx) => ({
    project(project) {
      // Judged on the merged project: an override file may depend on a service of the base file.
      for (const stack of stacksOf(project)) {
        const names = stack.services.map((s) => s.name);
        for (const service of stack.services) {
          for (const dep of service.dependsOn) {
            if (dep.service === '' || names.includes(dep.service)) continue;
            const data = { service: service.name, target: dep.service };
            const suggestion = didYouMean(dep.service, names.filter((n) => n !== service.name));
            if (suggestion === undefined) {
              ctx.report({ at: dep.range, messageId: 'unknown', data });
              continue;
            }
            const span = nameSpan(stack.fileOf(dep.range.path)?.source, dep.range, dep.service);
            ctx.report({
              at: dep.range,
              messageId: 'unknownDidYouMean',
              data: { ...data, suggestion },
              ...(span ? { suggest: [{ title: `write \`${suggestion}\``, edits: [{ path: dep.range.path, start: span.start, end: span.end, text: suggestion }] }] } : {}),
            });
          }
        }
      }
    },
  }),
);
