import { defineRule, type Ranged } from '../../../src/engine/types.js';
import type { YNode } from '../../../src/parse/compose/model.js';
import { describePorts, listeningPorts } from '../../../src/analysis/listen-ports.js';
import { builtStage, stageChain } from '../../../src/analysis/project-files.js';

/** `localhost:8080`, `http://127.0.0.1/` (80), `nc -z localhost 8080`: ports a check probes, with their offset in `text`. */
export function probedPorts(text: string): { port: number; index: number; length: number }[] {
  const out: { port: number; index: number; length: number }[] = [];
  const local = '(?:localhost|127\\.0\\.0\\.1|0\\.0\\.0\\.0|\\[::1\\])';
  for (const m of text.matchAll(new RegExp(`(https?://)?${local}(?::(\\d{1,5}))?(?=[/\\s'"?]|$)`, 'g'))) {
    if (m[2]) out.push({ port: Number(m[2]), index: m.index! + m[0].length - m[2].length, length: m[2].length });
    else if (m[1]) out.push({ port: m[1] === 'https://' ? 443 : 80, index: m.index!, length: m[0].length });
  }
  for (const m of text.matchAll(new RegExp(`\\b(?:nc|netcat)\\b[^;&|]*?\\s${local}\\s+(\\d{1,5})\\b`, 'g'))) {
    out.push({ port: Number(m[1]), index: m.index! + m[0].length - m[1]!.length, length: m[1]!.length });
  }
  return out;
}

/** The compose test as one line, with a way back from offsets in it to the file, when it maps 1:1. */
function composeTest(node: YNode, source: string): { text: string; rangeOf(i: number, n: number): Ranged }[] {
  const scalars = node.kind === 'seq' ? node.items : [node];
  const out: { text: string; rangeOf(i: number, n: number): Ranged }[] = [];
  for (const s of scalars) {
    if (s.kind !== 'scalar' || typeof s.value !== 'string') continue;
    const written = source.slice(s.range.start, s.range.end);
    const value = s.value;
    const base = written.indexOf(value);
    out.push({
      text: value,
      rangeOf: (i, n) => (base >= 0 ? { path: s.range.path, start: s.range.start + base + i, end: s.range.start + base + i + n } : s.range),
    });
  }
  return out;
}

export default defineRule<Record<string, never>, 'notListening'>(
  {
    id: 'healthcheck-port-not-listening',
    kind: 'project',
    summary: 'A healthcheck probes a local port that nothing in the service listens on',
    category: 'correctness',
    severity: 'warning',
    recommended: true,
    aliases: [],
    messages: {
      notListening:
        'The healthcheck of `{service}` probes port `{port}`, but by its files the service listens on {known}, so the check fails and the container never becomes healthy; probe `{suggestion}` instead',
    },
    hasSuggestions: true,
    since: '0.1.0',
  },
  (ctx) => ({
    project(project) {
      const seen = new Set<string>();
      for (const cp of project.composeProjects) {
        for (const b of cp.builds) {
          const service = cp.stack?.services.find((s) => s.name === b.service.name) ?? b.service;
          const df = b.dockerfile ?? b.inlineDockerfile;
          if (!df) continue;
          const info = listeningPorts(service, b);
          if (info.uncertain || !info.ports.length) continue;
          const known = new Set(info.ports.map((p) => p.port));
          // A port the compose file publishes is one the author believes the app listens on.
          for (const m of service.ports) if (/^\d+$/.test(m.target)) known.add(Number(m.target));
          const probes: { port: number; at: Ranged }[] = [];
          const test = service.healthcheck?.get('test');
          if (test) {
            const source = project.composeProjects.find((p) => p.compose.path === test.range.path)?.compose.source.text ?? cp.compose.source.text;
            for (const part of composeTest(test, source)) for (const p of probedPorts(part.text)) probes.push({ port: p.port, at: part.rangeOf(p.index, p.length) });
          } else if (b.dockerfile) {
            const stage = builtStage(df, service.build?.target);
            // The last HEALTHCHECK of the nearest stage that has one is in force.
            const check = stage
              ? stageChain(df, stage)
                  .map((s) => s.instructions.filter((i) => i.keyword === 'HEALTHCHECK').pop())
                  .find((i) => i !== undefined)
              : undefined;
            if (check) {
              const text = df.source.text.slice(check.range.start, check.range.end);
              for (const p of probedPorts(text)) probes.push({ port: p.port, at: { path: df.path, start: check.range.start + p.index, end: check.range.start + p.index + p.length } });
            }
          }
          const suggestion = info.ports[0]!.port;
          for (const probe of probes) {
            if (known.has(probe.port)) continue;
            const key = `${probe.at.path}:${probe.at.start}`;
            if (seen.has(key)) continue;
            seen.add(key);
            const explicit = /^\d+$/.test(probe.at.path === df.path ? df.source.text.slice(probe.at.start, probe.at.end) : (project.composeProjects.find((p) => p.compose.path === probe.at.path)?.compose.source.text.slice(probe.at.start, probe.at.end) ?? ''));
            ctx.report({
              at: probe.at,
              messageId: 'notListening',
              data: { service: service.name, port: probe.port, known: describePorts(info.ports), suggestion },
              ...(explicit ? { suggest: [{ title: `write \`${suggestion}\``, edits: [{ ...probe.at, text: String(suggestion) }] }] } : {}),
            });
          }
        }
      }
    },
  }),
);
