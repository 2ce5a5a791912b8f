import { defineRule } from '../../../src/engine/types.js';
import { stacksOf } from '../../../src/project/compose-project.js';
import { dependencyEdges, findCycles } from './graph.js';

type Msg = 'cycle';

export default defineRule<Record<string, never>, Msg>(
  {
    id: 'depends-on-cycle',
    kind: 'compose',
    summary: 'Services depend on each other in a cycle (depends_on, links, volumes_from, `service:` namespaces)',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [],
    messages: {
      cycle:
        'Dependency cycle `{path}`: Compose cannot tell which service to start first and refuses to run the project; remove one of these dependencies',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    project(project) {
      // Judged on the merged project: an override file may close a cycle the base file started.
      for (const file of stacksOf(project)) {
        const names = file.services.map((s) => s.name);
        for (const cycle of findCycles(names.length, dependencyEdges(file))) {
          // Start the cycle at the edge written first, so the report sits at that edge.
          // Files of the stack in their order, then offsets within a file.
          const rank = (e: (typeof cycle)[number]) => file.files.findIndex((f) => f.path === e.range.path) * 1e12 + e.range.start;
          let first = 0;
          cycle.forEach((e, i) => {
            if (rank(e) < rank(cycle[first]!)) first = i;
          });
          const ordered = [...cycle.slice(first), ...cycle.slice(0, first)];
          const path = [...ordered.map((e) => names[e.from]!), names[ordered[0]!.from]!].join(' → ');
          ctx.report({
            at: ordered[0]!.range,
            messageId: 'cycle',
            data: { path },
            related: ordered.slice(1).map((e) => ({
              at: e.range,
              message: `\`${names[e.from]}\` depends on \`${names[e.to]}\` through \`${e.via}\``,
            })),
          });
        }
      }
    },
  }),
);
