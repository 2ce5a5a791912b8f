import { hasUnsetVariable } from '../../../src/analysis/compose-values.js';
import { defineRule, type Edit, type Ranged } from '../../../src/engine/types.js';
import type { ComposeFile, ComposeService, PortMapping, YMap, YScalar } from '../../../src/parse/compose/model.js';
import { rangeInScalar } from '../../../src/parse/compose/ynodes.js';
import { databaseOfImage, databaseOfPort } from './known-databases.js';

interface Options {
  /** More container ports to treat as database ports. */
  extraPorts: number[];
}

type Msg = 'shortSyntax' | 'longSyntax';

const LOOPBACK = '127.0.0.1';

/** `0.0.0.0`, `::` and the other spellings of the IPv6 unspecified address. */
export function isAnyAddress(ip: string | undefined): boolean {
  if (ip === undefined || ip === '') return true;
  const bare = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  if (bare === '0.0.0.0') return true;
  return bare.includes(':') && /^[0:]+$/.test(bare);
}


/** Offsets of a scalar's content inside its quotes; undefined for block scalars. */
function contentSpan(node: YScalar, text: string): [number, number] | undefined {
  const { start, end } = node.range;
  if (node.style === 'plain') return [start, end];
  if (node.style === 'block') return undefined;
  const q = node.style === 'single' ? "'" : '"';
  if (text[start] !== q || text[end - 1] !== q || end - start < 2) return undefined;
  return [start + 1, end - 1];
}

/** The edit that binds a short-syntax port to loopback, and the value it leads to. */
function shortSyntaxEdit(port: PortMapping, node: YScalar, file: ComposeFile): { edit: Edit; fixed: string } | undefined {
  const text = file.source.text;
  const span = contentSpan(node, text);
  if (!span) return undefined;
  let edit: Edit;
  if (port.hostIp !== undefined) {
    // `0.0.0.0:5432:5432` or `[::]:5432:5432`: replace the address where it is written.
    const value = String(node.value);
    const written = value.startsWith(`[${port.hostIp}]:`) ? `[${port.hostIp}]` : port.hostIp;
    if (!value.startsWith(`${written}:`)) return undefined;
    const r = rangeInScalar(node, text, 0, written.length);
    if (!r) return undefined;
    edit = { path: file.path, start: r.start, end: r.end, text: LOOPBACK };
  } else {
    // A container-only port gets a random host port: keep it random with an empty host part.
    const prefix = port.published === undefined ? `${LOOPBACK}::` : `${LOOPBACK}:`;
    edit = { path: file.path, start: span[0], end: span[0], text: prefix };
  }
  const fixed = text.slice(span[0], edit.start) + edit.text + text.slice(edit.end, span[1]);
  return { edit, fixed };
}

/** The edit that adds (or corrects) `host_ip` in a long-syntax port. */
function longSyntaxEdit(node: YMap, file: ComposeFile): Edit | undefined {
  const text = file.source.text;
  const hostIp = node.get('host_ip');
  if (hostIp) {
    if (hostIp.kind !== 'scalar' || hostIp.vars.length) return undefined;
    return { path: file.path, start: hostIp.range.start, end: hostIp.range.end, text: LOOPBACK };
  }
  const first = node.entries.find((e) => !e.merged);
  if (!first) return undefined;
  const at = first.keyRange.start;
  if (text[node.range.start] === '{') return { path: file.path, start: at, end: at, text: `host_ip: ${LOOPBACK}, ` };
  // Block mapping: the new key goes on its own line, at the column of the first key.
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  if (!/^[ -]*$/.test(text.slice(lineStart, at))) return undefined;
  return { path: file.path, start: at, end: at, text: `host_ip: ${LOOPBACK}\n${' '.repeat(at - lineStart)}` };
}

/** A block mapping's range runs on to the next line: stop it where its last value ends. */
function mapExtent(node: YMap, text: string): Ranged {
  if (text[node.range.start] === '{') return node.range;
  const own = node.entries.filter((e) => !e.merged && e.value.range.path === node.range.path);
  const end = Math.max(node.range.start, ...own.map((e) => e.value.range.end).filter((e) => e <= node.range.end));
  return { path: node.range.path, start: node.range.start, end: end > node.range.start ? end : node.range.end };
}

export default defineRule<Options, Msg>(
  {
    id: 'port-published-on-all-interfaces',
    kind: 'compose',
    summary: 'Database or broker port published on every host interface instead of on loopback',
    category: 'security',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'dclint', code: 'no-unbound-port-interfaces', fidelity: 'partial' }],
    messages: {
      shortSyntax:
        '`{service}` publishes {what} on all host interfaces, so anyone who can reach the host can reach the database (Docker\'s published ports also bypass ufw-style host firewalls); write `{fixed}` to publish it on loopback only',
      longSyntax:
        '`{service}` publishes {what} on all host interfaces, so anyone who can reach the host can reach the database (Docker\'s published ports also bypass ufw-style host firewalls); set `host_ip: 127.0.0.1` to publish it on loopback only',
    },
    hasSuggestions: true,
    options: {
      schema: {
        type: 'object',
        properties: { extraPorts: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 65535 } } },
        additionalProperties: false,
      },
      defaults: { extraPorts: [] },
    },
    since: '0.1.0',
  },
  (ctx) => {
    const extra = new Set(ctx.options.extraPorts);

    const describe = (service: ComposeService, port: PortMapping): string | undefined => {
      const byPort = databaseOfPort(port.target, extra);
      if (byPort) return byPort.product ? `the ${byPort.product} port \`${byPort.port}\`` : `port \`${byPort.port}\``;
      const product = service.image ? databaseOfImage(service.image.ref) : undefined;
      if (product) return `port \`${port.target}\` of ${product} (image \`${service.image!.ref.repository}\`)`;
      return undefined;
    };

    return {
      'compose:service'(service, file) {
        // With host networking Compose ignores `ports:`; the service listens on the host anyway.
        const networkMode = service.node.get('network_mode');
        if (networkMode?.kind === 'scalar' && networkMode.value === 'host') return;
        for (const port of service.ports) {
          if (port.error !== undefined || port.target === '' || !isAnyAddress(port.hostIp)) continue;
          if (hasUnsetVariable(port.node)) continue;
          const what = describe(service, port);
          if (!what) continue;
          if (port.short && port.node.kind === 'scalar') {
            const s = shortSyntaxEdit(port, port.node, file);
            const proto = port.protocol === 'tcp' ? '' : `/${port.protocol}`;
            const fixed = s?.fixed ?? `${LOOPBACK}:${port.published ?? ''}:${port.target}${proto}`;
            ctx.report({
              at: port.node.range,
              messageId: 'shortSyntax',
              data: { service: service.name, what, fixed },
              ...(s ? { suggest: [{ title: `write \`${fixed}\``, edits: [s.edit] }] } : {}),
            });
          } else if (port.node.kind === 'map') {
            const edit = longSyntaxEdit(port.node, file);
            ctx.report({
              at: mapExtent(port.node, file.source.text),
              messageId: 'longSyntax',
              data: { service: service.name, what },
              ...(edit ? { suggest: [{ title: `write \`host_ip: ${LOOPBACK}\``, edits: [edit] }] } : {}),
            });
          }
        }
      },
    };
  },
);
