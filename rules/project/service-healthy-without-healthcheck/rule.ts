import { defineRule } from '../../../src/engine/types.js';
import type { ComposeService } from '../../../src/parse/compose/model.js';
import { composeHealthcheck, dockerfileHasHealthcheck } from '../depends-on-without-healthcheck/healthcheck.js';

type Msg = 'noHealthcheck' | 'imageOnly' | 'disabled';

export default defineRule<Record<string, never>, Msg>(
  {
    id: 'service-healthy-without-healthcheck',
    kind: 'project',
    summary: '`depends_on` waits for `service_healthy` on a service that has no healthcheck',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [],
    messages: {
      noHealthcheck:
        '`{service}` waits for `{target}` to be healthy, but `{target}` has no healthcheck, neither in compose nor in the Dockerfile stage it builds, so `docker compose up` fails with "container {target} has no healthcheck configured"; add a `healthcheck:` to `{target}`, or write `condition: service_started`',
      imageOnly:
        '`{service}` waits for `{target}` to be healthy, but `{target}` declares no healthcheck, so unless image `{image}` has a `HEALTHCHECK` of its own (most database images do not), `docker compose up` fails with "container {target} has no healthcheck configured"; add a `healthcheck:` to `{target}`',
      disabled:
        '`{service}` waits for `{target}` to be healthy, but the healthcheck of `{target}` is turned off, so `docker compose up` fails with "container {target} has no healthcheck configured"; enable its healthcheck, or write `condition: service_started`',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    project(project) {
      for (const cp of project.composeProjects) {
        const byName = new Map<string, ComposeService>();
        for (const s of cp.compose.services) if (!byName.has(s.name)) byName.set(s.name, s);
        for (const service of cp.compose.services) {
          for (const dep of service.dependsOn) {
            // With `required: false` Compose carries on when the dependency cannot be waited for.
            if (dep.condition !== 'service_healthy' || !dep.required) continue;
            const target = byName.get(dep.service);
            if (!target) continue;
            const declared = composeHealthcheck(target);
            const data = { service: service.name, target: target.name };
            if (declared === 'declared') continue;
            if (declared === 'disabled') {
              ctx.report({ at: dep.range, messageId: 'disabled', data });
              continue;
            }
            if (target.build) {
              const build = cp.builds.find((b) => b.service === target);
              // `dockerfile_inline` is parsed too; an unreadable Dockerfile may well declare the check.
              const df = build?.dockerfile ?? build?.inlineDockerfile;
              if (!df) continue;
              if (dockerfileHasHealthcheck(df, target.build.target)) continue;
              ctx.report({ at: dep.range, messageId: 'noHealthcheck', data });
              continue;
            }
            // A pulled image may declare a HEALTHCHECK we cannot see: the message says so.
            if (!target.image || target.image.ref.unresolved.length) continue;
            ctx.report({ at: dep.range, messageId: 'imageOnly', data: { ...data, image: target.image.value } });
          }
        }
      }
    },
  }),
);
