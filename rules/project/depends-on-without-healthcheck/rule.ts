import { defineRule } from '../../../src/engine/types.js';
import type { ComposeFile, ComposeService } from '../../../src/parse/compose/model.js';
import type { ComposeProject } from '../../../src/project/model.js';
import { stacksOf } from '../../../src/project/compose-project.js';
import { composeHealthcheck, dockerfileHasHealthcheck } from './healthcheck.js';
import { healthcheckHint } from './hints.js';

type Msg = 'notReady' | 'notReadyWithHint';

export default defineRule<Record<string, never>, Msg>(
  {
    id: 'depends-on-without-healthcheck',
    kind: 'project',
    summary: '`depends_on` waits only for the dependency to start, and the dependency has no healthcheck to wait for',
    category: 'reliability',
    severity: 'warning',
    recommended: true,
    aliases: [],
    messages: {
      notReady:
        '`{service}` starts as soon as `{target}` has started, not when it is ready; give `{target}` a healthcheck and write `depends_on: {{target}: {condition: service_healthy}}`',
      notReadyWithHint:
        '`{service}` starts as soon as `{target}` has started, not when it is ready; give `{target}` a healthcheck (e.g. `test: ["CMD-SHELL", "{command}"]`) and write `depends_on: {{target}: {condition: service_healthy}}`',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    project(project) {
      // The projects of some compose files, in the order of the run (the last build wins).
      const position = new Map<ComposeFile, number[]>();
      project.composeProjects.forEach((cp, i) => {
        const list = position.get(cp.compose);
        if (list) list.push(i);
        else position.set(cp.compose, [i]);
      });
      const projectsOf = (files: readonly ComposeFile[]): ComposeProject[] =>
        [...new Set(files)]
          .flatMap((f) => position.get(f) ?? [])
          .sort((a, b) => a - b)
          .map((i) => project.composeProjects[i]!);
      // Judged on the merged project: the healthcheck may sit in another file of the stack.
      for (const stack of stacksOf(project)) {
        const byName = new Map<string, ComposeService>();
        for (const s of stack.services) if (!byName.has(s.name)) byName.set(s.name, s);
        // The Dockerfile a service builds, from the last file of the stack that sets its build.
        // Collected only when a dependency lacks a declared healthcheck, through an index: scanning
        // every project for every stack made the rule quadratic in the number of compose files.
        let builds: ComposeProject['builds'] | undefined;
        const hasHealthcheck = (dep: ComposeService): boolean => {
          const declared = composeHealthcheck(dep);
          if (declared !== 'absent') return declared === 'declared';
          builds ??= projectsOf(stack.files).flatMap((cp) => cp.builds);
          const build = builds.filter((b) => b.service.name === dep.name).pop();
          return build?.dockerfile !== undefined && dockerfileHasHealthcheck(build.dockerfile, dep.build?.target);
        };
        for (const service of stack.services) {
          for (const dep of service.dependsOn) {
            // Any written condition is a choice: service_healthy and service_completed_successfully
            // wait for something real, and an explicit service_started says starting is enough.
            if (!dep.short && dep.condition !== undefined) continue;
            const target = byName.get(dep.service);
            if (!target || target === service || hasHealthcheck(target)) continue;
            const command = target.image && !target.build ? healthcheckHint(target.image.ref.repository) : undefined;
            const data = { service: service.name, target: target.name };
            if (command) ctx.report({ at: dep.range, messageId: 'notReadyWithHint', data: { ...data, command } });
            else ctx.report({ at: dep.range, messageId: 'notReady', data });
          }
        }
      }
    },
  }),
);
