import { defineRule } from '../../../src/engine/types.js';
import { stacksOf } from '../../../src/project/compose-project.js';

export default defineRule<Record<string, never>, 'nothingToRun'>(
  {
    id: 'service-without-image-or-build',
    kind: 'compose',
    summary: 'A service has neither `image` nor `build`, so there is nothing to run',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [],
    messages: {
      nothingToRun:
        'Service `{service}` has neither `image` nor `build` (in any file of the project or through `extends`), so Compose has nothing to run and refuses the project; add `image: <name>:<tag>` or `build: <folder>`',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    project(project) {
      // Judged on the merged project: the image often comes from the base file or `extends`.
      for (const stack of stacksOf(project)) {
        for (const s of stack.services) {
          if (s.image || s.build || s.node.get('provider') || s.node.get('image')) continue;
          // An `extends` still there means its base had no image (reported at the base), could not
          // be found (extends-target-missing) or names a variable nobody set: nothing to add here.
          if (s.node.get('extends')) continue;
          ctx.report({ at: s.nameRange, messageId: 'nothingToRun', data: { service: s.name } });
        }
      }
    },
  }),
);
