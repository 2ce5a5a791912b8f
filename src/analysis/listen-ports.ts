/**
 * What a built service listens on, as far as its files tell: `EXPOSE` of the built stage (and the
 * stages it is based on), ports in its command (`--port 8000`, `-p 8000`, `--bind 0.0.0.0:8000`,
 * `:8080`), and `PORT=`-style variables. Used by the port rules, which only judge when there is
 * evidence and none of it is hidden behind a variable.
 */
import type { Ranged } from '../parse/source.js';
import type { ComposeService, YNode } from '../parse/compose/model.js';
import type { Dockerfile, Instruction, Stage } from '../parse/dockerfile/model.js';
import type { ServiceBuildTarget } from '../project/model.js';
import { builtStage, stageChain } from './project-files.js';

export interface PortEvidence {
  port: number;
  /** `EXPOSE`, `command`, `ENV PORT`, … for messages. */
  how: string;
  at?: Ranged;
}

export interface ListenInfo {
  ports: PortEvidence[];
  /** A port given by a variable (`--port $PORT`, `EXPOSE ${PORT}`): the evidence is incomplete. */
  uncertain: boolean;
}

/** Variables that name the service's own port (others, like `POSTGRES_PORT`, point at peers). */
const OWN_PORT_VARS = new Set(['PORT', 'HTTP_PORT', 'SERVER_PORT', 'LISTEN_PORT', 'APP_PORT', 'WEB_PORT']);

const PORT_FLAG = /(?:^|\s)(?:--(?:[a-z]+[-.])?port|-p)(?:=|\s+)(\S+)/gi;
const HOST_PORT = /(?:^|[\s='"/@])(?:0\.0\.0\.0|127\.0\.0\.1|localhost|\[::\]|\[::1\]|::)?:(\d{2,5})\b/g;
const ASSIGN_PORT = /\b([A-Z_]*PORT)=(\S+)/g;

function nodeText(node: YNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.kind === 'scalar') return node.value === null ? undefined : String(node.value);
  if (node.kind === 'seq') return node.items.map((i) => (i.kind === 'scalar' ? String(i.value ?? '') : '')).join(' ');
  return undefined;
}

function lastOf(df: Dockerfile, stage: Stage, keyword: string): Instruction | undefined {
  for (const s of stageChain(df, stage)) {
    const found = s.instructions.filter((i) => i.keyword === keyword);
    if (found.length) return found[found.length - 1];
  }
  return undefined;
}

function portNumber(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const n = Number(text);
  return n > 0 && n < 65536 ? n : undefined;
}

/** Ports a command line names. */
export function commandPorts(text: string): { ports: number[]; uncertain: boolean } {
  const ports: number[] = [];
  let uncertain = false;
  for (const m of text.matchAll(PORT_FLAG)) {
    const value = m[1]!.replace(/^['"]|['"]$/g, '');
    const n = portNumber(value) ?? portNumber(value.split(':').pop() ?? '');
    if (n) ports.push(n);
    else if (value.includes('$')) uncertain = true;
  }
  for (const m of text.matchAll(HOST_PORT)) {
    const n = portNumber(m[1]!);
    if (n) ports.push(n);
  }
  for (const m of text.matchAll(ASSIGN_PORT)) {
    if (!OWN_PORT_VARS.has(m[1]!)) continue;
    const n = portNumber(m[2]!);
    if (n) ports.push(n);
    else if (m[2]!.includes('$')) uncertain = true;
  }
  // Node's inspector: `--inspect` listens on 9229 unless given another port.
  for (const m of text.matchAll(/--inspect(?:-brk)?(?:=(\S+))?/g)) {
    const n = portNumber((m[1] ?? '').split(':').pop() ?? '');
    ports.push(n ?? 9229);
  }
  if (/\$\{?[A-Z_]*PORT\b/.test(text)) uncertain = true;
  return { ports, uncertain };
}

export function listeningPorts(service: ComposeService, build: ServiceBuildTarget | undefined): ListenInfo {
  const ports: PortEvidence[] = [];
  let uncertain = false;
  const df = build?.dockerfile ?? build?.inlineDockerfile;
  const stage = df ? builtStage(df, service.build?.target) : undefined;
  if (df && stage) {
    for (const s of stageChain(df, stage)) {
      for (const ins of s.instructions) {
        if (ins.keyword !== 'EXPOSE') continue;
        for (const arg of ins.args) {
          const spec = arg.value.split('/')[0]!;
          if (spec.includes('$')) {
            uncertain = true;
            continue;
          }
          const [lo, hi] = spec.split('-').map(portNumber);
          if (!lo) continue;
          for (let p = lo; p <= Math.min(hi ?? lo, lo + 1000); p++) ports.push({ port: p, how: 'EXPOSE', ...(build?.dockerfile ? { at: arg.range } : {}) });
        }
      }
      for (const [key, pair] of s.env) {
        if (!OWN_PORT_VARS.has(key)) continue;
        const n = portNumber(pair.value);
        if (n) ports.push({ port: n, how: `ENV ${key}` });
        else if (pair.value.includes('$')) uncertain = true;
      }
    }
  }
  const entrypoint = nodeText(service.node.get('entrypoint')) ?? (df && stage ? lastOf(df, stage, 'ENTRYPOINT')?.args.map((a) => a.value).join(' ') : undefined);
  const command = nodeText(service.command) ?? (df && stage ? lastOf(df, stage, 'CMD')?.args.map((a) => a.value).join(' ') : undefined);
  const line = [entrypoint, command].filter((t) => t !== undefined).join(' ');
  const fromCommand = commandPorts(line);
  uncertain ||= fromCommand.uncertain;
  for (const p of fromCommand.ports) ports.push({ port: p, how: 'command' });
  for (const e of service.environment) {
    if (!OWN_PORT_VARS.has(e.name) || e.value === null) continue;
    const n = portNumber(e.value);
    if (n) ports.push({ port: n, how: `environment ${e.name}` });
    else uncertain = true;
  }
  return { ports, uncertain };
}

/** `8000` (EXPOSE), `3000` (command) — each port once, with where it comes from. */
export function describePorts(ports: readonly PortEvidence[]): string {
  const by = new Map<number, string[]>();
  for (const p of ports) {
    const hows = by.get(p.port) ?? [];
    if (!hows.includes(p.how)) hows.push(p.how);
    by.set(p.port, hows);
  }
  const parts = [...by].slice(0, 5).map(([port, hows]) => `\`${port}\` (${hows.join(', ')})`);
  return parts.join(', ') + (by.size > 5 ? ` and ${by.size - 5} more` : '');
}
