import { defineRule } from '../../../src/engine/types.js';
import { problemsOf } from '../../../src/analysis/stack-problems.js';

type Msg = 'unknownService' | 'unknownServiceInFile' | 'missingFile';

export default defineRule<Record<string, never>, Msg>(
  {
    id: 'extends-target-missing',
    kind: 'compose',
    summary: '`extends` names a service or a file that does not exist',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [],
    messages: {
      unknownService:
        'Service `{service}` extends `{target}`, which is not a service of this project, so Compose refuses to load it; name an existing service or define `{target}`',
      unknownServiceInFile:
        'Service `{service}` extends `{target}` from `{file}`, which defines no such service, so Compose refuses to load it; name a service of `{file}`',
      missingFile:
        'Service `{service}` extends a service of `{file}`, which does not exist (paths are relative to the file that writes `extends`), so Compose refuses to load it; correct the path',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    project(project) {
      for (const p of problemsOf(project, 'extends-missing-file')) ctx.report({ at: p.at, messageId: 'missingFile', data: p.data });
      for (const p of problemsOf(project, 'extends-unknown-service')) {
        ctx.report({ at: p.at, messageId: p.data['file'] ? 'unknownServiceInFile' : 'unknownService', data: p.data });
      }
    },
  }),
);
