import { defineRule } from '../../../src/engine/types.js';
import { describePorts, listeningPorts } from '../../../src/analysis/listen-ports.js';

export default defineRule<Record<string, never>, 'notListening'>(
  {
    id: 'published-port-not-listening',
    kind: 'project',
    summary: 'A service publishes a container port that its image neither `EXPOSE`s nor listens on according to its command',
    category: 'correctness',
    severity: 'info',
    recommended: true,
    aliases: [],
    messages: {
      notListening:
        'Service `{service}` publishes container port `{port}`, but by its files it listens on {known}, so connections to the published port may find nothing; publish the port the app listens on (e.g. `{host}:{suggestion}`), or make the app listen on `{port}`',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    project(project) {
      const seen = new Set<string>();
      for (const cp of project.composeProjects) {
        for (const b of cp.builds) {
          const service = b.service;
          if (!service.ports.length || (!b.dockerfile && !b.inlineDockerfile)) continue;
          // The merged service, when this file is part of a stack, carries the command of overrides.
          const merged = cp.stack?.services.find((s) => s.name === service.name);
          const info = listeningPorts(merged ?? service, b);
          // No evidence, or evidence hidden behind a variable: nothing to compare with.
          if (info.uncertain || !info.ports.length) continue;
          const known = new Set(info.ports.map((p) => p.port));
          for (const mapping of service.ports) {
            if (mapping.error || !/^\d+$/.test(mapping.target) || mapping.protocol === 'udp') continue;
            const port = Number(mapping.target);
            if (known.has(port)) continue;
            const at = mapping.node.kind === 'map' ? (mapping.node.get('target')?.range ?? mapping.node.range) : mapping.node.range;
            const key = `${at.path}:${at.start}`;
            if (seen.has(key)) continue;
            seen.add(key);
            ctx.report({
              at,
              messageId: 'notListening',
              data: {
                service: service.name,
                port,
                known: describePorts(info.ports),
                host: mapping.published ?? port,
                suggestion: info.ports[0]!.port,
              },
              related: info.ports.filter((p) => p.at).slice(0, 3).map((p) => ({ at: p.at!, message: `\`EXPOSE ${p.port}\`` })),
            });
          }
        }
      }
    },
  }),
);
