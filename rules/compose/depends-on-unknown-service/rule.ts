import { defineRule, type Ranged } from '../../../src/engine/types.js';
import type { ComposeFile } from '../../../src/parse/compose/model.js';
import { didYouMean } from '../../../src/text/did-you-mean.js';

type Msg = 'unknown' | 'unknownDidYouMean';

/** The span that holds exactly `name` (inside quotes when quoted), for a rename suggestion. */
function nameSpan(file: ComposeFile, range: Ranged, name: string): Ranged | undefined {
  const written = file.source.slice(range);
  if (written === name) return range;
  const q = written[0];
  if ((q === '"' || q === "'") && written.length === name.length + 2 && written.slice(1, -1) === name) {
    return { path: range.path, start: range.start + 1, end: range.end - 1 };
  }
  return undefined;
}

export default defineRule<Record<string, never>, Msg>(
  {
    id: 'depends-on-unknown-service',
    kind: 'compose',
    summary: '`depends_on` names a service that the compose file does not define',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [],
    messages: {
      unknown:
        'Service `{service}` depends on `{target}`, which is not a service of this file, so Compose refuses to start the project; remove the entry or define a service `{target}`',
      unknownDidYouMean:
        'Service `{service}` depends on `{target}`, which is not a service of this file, so Compose refuses to start the project; did you mean `{suggestion}`?',
    },
    hasSuggestions: true,
    since: '0.1.0',
  },
  (ctx) => ({
    compose(file) {
      const names = file.services.map((s) => s.name);
      for (const service of file.services) {
        for (const dep of service.dependsOn) {
          if (dep.service === '' || names.includes(dep.service)) continue;
          const data = { service: service.name, target: dep.service };
          const suggestion = didYouMean(dep.service, names.filter((n) => n !== service.name));
          if (suggestion === undefined) {
            ctx.report({ at: dep.range, messageId: 'unknown', data });
            continue;
          }
          const span = nameSpan(file, dep.range, dep.service);
          ctx.report({
            at: dep.range,
            messageId: 'unknownDidYouMean',
            data: { ...data, suggestion },
            ...(span ? { suggest: [{ title: `write \`${suggestion}\``, edits: [{ path: file.path, start: span.start, end: span.end, text: suggestion }] }] } : {}),
          });
        }
      }
    },
  }),
);
