import { defineRule } from '../../../src/engine/types.js';
import { stacksOf } from '../../../src/project/compose-project.js';

export default defineRule<Record<string, never>, 'profiled'>(
  {
    id: 'depends-on-inactive-profile',
    kind: 'compose',
    summary: 'A service that always runs depends on a service that only runs under a profile',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [],
    messages: {
      profiled:
        'Service `{service}` runs without a profile but depends on `{target}`, which only runs with profile {profiles}, so `docker compose up` fails unless that profile is selected; give `{service}` the same profile, remove `profiles` from `{target}`, or mark the dependency `required: false`',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    project(project) {
      for (const stack of stacksOf(project)) {
        const byName = new Map(stack.services.map((s) => [s.name, s] as const));
        for (const s of stack.services) {
          // A service that only runs under a profile starts with its dependencies' profiles, if the user chose well.
          if (!s.active || (s.profiles.length && !stack.profilesSelected)) continue;
          for (const dep of s.dependsOn) {
            const target = byName.get(dep.service);
            if (!dep.required || !target || target.active) continue;
            const profiles = target.profiles.map((p) => `\`${p}\``).join(' or ');
            ctx.report({ at: dep.range, messageId: 'profiled', data: { service: s.name, target: target.name, profiles } });
          }
        }
      }
    },
  }),
);
