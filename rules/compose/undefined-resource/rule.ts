import { hasUnsetVariable, nameSpan } from '../../../src/analysis/compose-values.js';
import { defineRule, type Ranged } from '../../../src/engine/types.js';
import type { NamedRef, YNode, YScalar } from '../../../src/parse/compose/model.js';
import { stacksOf } from '../../../src/project/compose-project.js';
import { rangeInScalar } from '../../../src/parse/compose/ynodes.js';
import { isHostPath } from '../../../src/parse/compose/short-syntax.js';
import { didYouMean } from '../../../src/text/did-you-mean.js';

type Msg = 'undeclared' | 'undeclaredDidYouMean';
type Section = 'volumes' | 'networks' | 'secrets' | 'configs';

const KIND: Record<Section, string> = { volumes: 'volume', networks: 'network', secrets: 'secret', configs: 'config' };



/** `secrets:`/`configs:` lists: a name, or a map whose `source` is the name. */
function sourceRefs(node: YNode | undefined): NamedRef[] {
  if (!node || node.kind !== 'seq') return [];
  const out: NamedRef[] = [];
  for (const item of node.items) {
    const ref = item.kind === 'map' ? item.get('source') : item;
    if (ref && ref.kind === 'scalar' && typeof ref.value === 'string' && !hasUnsetVariable(ref)) out.push({ name: ref.value, range: ref.range });
  }
  return out;
}

export default defineRule<Record<string, never>, Msg>(
  {
    id: 'undefined-resource',
    kind: 'compose',
    summary: 'Service uses a named volume, network, secret or config that the top-level section does not declare',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [],
    messages: {
      undeclared:
        'Service `{service}` uses {kind} `{name}`, which is not declared under top-level `{section}:`, so Compose refuses to run the project; declare it there, e.g. `{declaration}`',
      undeclaredDidYouMean:
        'Service `{service}` uses {kind} `{name}`, which is not declared under top-level `{section}:`, so Compose refuses to run the project; did you mean `{suggestion}`, or else declare `{name}` there',
    },
    hasSuggestions: true,
    since: '0.1.0',
  },
  (ctx) => ({
    project(project) {
      // Judged on the merged project: an override file may use what the base file declares.
      for (const stack of stacksOf(project)) {
        const sourceOf = (path: string) => stack.fileOf(path)?.source;
        const declared: Record<Section, string[]> = {
          volumes: stack.volumes.map((r) => r.name),
          networks: stack.networks.map((r) => r.name),
          secrets: stack.secrets.map((r) => r.name),
          configs: stack.configs.map((r) => r.name),
        };
        for (const service of stack.services) {
          const check = (section: Section, name: string, range: Ranged, exact?: Ranged) => {
            if (name === '' || declared[section].includes(name)) return;
            const suggestion = didYouMean(name, declared[section]);
            const declaration = section === 'volumes' || section === 'networks' ? `${section}: {${name}: {}}` : `${section}: {${name}: {file: ./${name}.txt}}`;
            const data = { service: service.name, kind: KIND[section], name, section, declaration };
            if (suggestion === undefined) {
              ctx.report({ at: range, messageId: 'undeclared', data });
              return;
            }
            const span = exact ?? nameSpan(sourceOf(range.path), range, name);
            ctx.report({
              at: range,
              messageId: 'undeclaredDidYouMean',
              data: { ...data, suggestion },
              ...(span ? { suggest: [{ title: `write \`${suggestion}\``, edits: [{ path: range.path, start: span.start, end: span.end, text: suggestion }] }] } : {}),
            });
          };

          for (const vol of service.volumes) {
            if (vol.error !== undefined || vol.type !== 'volume' || vol.source === undefined) continue;
            if (vol.short) {
              const node = vol.node as YScalar;
              if (node.kind !== 'scalar' || hasUnsetVariable(node) || isHostPath(vol.source)) continue;
              const text = sourceOf(node.range.path)?.text;
              const at = text === undefined ? undefined : rangeInScalar(node, text, 0, vol.source.length);
              check('volumes', vol.source, at ?? node.range, at);
            } else if (vol.node.kind === 'map') {
              const src = vol.node.get('source');
              if (src && !hasUnsetVariable(src)) check('volumes', vol.source, src.range);
            }
          }
          for (const net of service.networks) {
            // Every project has a `default` network even when none is declared.
            if (net.name !== 'default') check('networks', net.name, net.range);
          }
          for (const s of service.secrets) check('secrets', s.name, s.range);
          for (const c of service.configs) check('configs', c.name, c.range);
          const build = service.build?.node;
          if (build && build.kind === 'map') for (const s of sourceRefs(build.get('secrets'))) check('secrets', s.name, s.range);
        }
      }
    },
  }),
);
