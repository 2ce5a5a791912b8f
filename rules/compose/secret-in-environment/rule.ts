import { defineRule, type Ranged } from '../../../src/engine/types.js';
import type { YNode, YScalar } from '../../../src/parse/compose/model.js';
import { oncePerPlace } from '../../../src/analysis/compose-security.js';
import { isInertValue, isPlaceholder, isSecretName, tokenKind, urlPassword } from '../../../src/analysis/secret-names.js';

type Msg = 'byName' | 'byValue' | 'inUrl' | 'buildArg';

interface Entry {
  name: string;
  /** Value before interpolation, null when the entry has none (`- KEY`, `KEY:`). */
  raw: string | null;
  node: YScalar;
  at: Ranged;
}

/** `KEY=value` items or a map, with the raw text so references to variables stay visible. */
function entries(node: YNode | undefined): Entry[] {
  if (!node) return [];
  const out: Entry[] = [];
  if (node.kind === 'map') {
    for (const e of node.entries) {
      if (e.value.kind !== 'scalar') continue;
      out.push({ name: e.key, raw: e.value.raw === null ? null : String(e.value.raw), node: e.value, at: e.value.value === null ? e.keyRange : e.value.range });
    }
  } else if (node.kind === 'seq') {
    for (const item of node.items) {
      if (item.kind !== 'scalar' || item.raw === null) continue;
      const text = String(item.raw);
      const eq = text.indexOf('=');
      out.push({ name: eq < 0 ? text : text.slice(0, eq), raw: eq < 0 ? null : text.slice(eq + 1), node: item, at: item.range });
    }
  }
  return out;
}

export default defineRule<Record<string, never>, Msg>(
  {
    id: 'secret-in-environment',
    kind: 'compose',
    summary: 'A secret is written in clear in `environment` or `build.args`',
    category: 'security',
    severity: 'warning',
    recommended: true,
    aliases: [],
    messages: {
      byName:
        '`{name}` of service `{service}` holds a secret written in the compose file, where everyone with the repository (and `docker inspect`) can read it; write `{name}: ${{name}}` and keep the value in an untracked `.env`, or use `secrets:`',
      byValue:
        '`{name}` of service `{service}` holds what looks like a {kind}, written in the compose file where everyone with the repository can read it; revoke it, then write `{name}: ${{name}}` and keep the value in an untracked `.env`, or use `secrets:`',
      inUrl:
        '`{name}` of service `{service}` has a password inside its URL, written in the compose file where everyone with the repository can read it; replace the password with a variable (`${{name}_PASSWORD}`) kept in an untracked `.env`',
      buildArg:
        'Build argument `{name}` of service `{service}` holds a secret, which stays readable in the image history (`docker history`) and in the compose file; pass it as a build secret (`build.secrets`) and mount it with `RUN --mount=type=secret`',
    },
    since: '0.1.0',
  },
  (ctx) => {
    const once = oncePerPlace();
    return {
      'compose:service'(service) {
        const check = (e: Entry, inBuild: boolean): void => {
          if (e.raw === null || e.node.vars.length > 0 || /\$\{?[A-Za-z_]/.test(e.raw)) return;
          const name = e.name.trim();
          if (/_FILE$/i.test(name) || !once(e.node)) return;
          const data = { name, service: service.name };
          if (isPlaceholder(e.raw)) return;
          const kind = tokenKind(e.raw);
          if (kind) return ctx.report({ at: e.at, messageId: inBuild ? 'buildArg' : 'byValue', data: { ...data, kind } });
          if (isInertValue(e.raw)) return;
          if (isSecretName(name)) return ctx.report({ at: e.at, messageId: inBuild ? 'buildArg' : 'byName', data });
          const pw = urlPassword(e.raw);
          if (pw !== undefined && !inBuild) ctx.report({ at: e.at, messageId: 'inUrl', data });
        };
        for (const e of entries(service.node.get('environment'))) check(e, false);
        const build = service.node.get('build');
        if (build?.kind === 'map') for (const e of entries(build.get('args'))) check(e, true);
      },
    };
  },
);
