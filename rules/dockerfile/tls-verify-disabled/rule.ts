import { defineRule, type Ranged } from '../../../src/engine/types.js';
import type { ArgInstruction, EnvInstruction } from '../../../src/parse/dockerfile/model.js';
import type { ShellCommand, ShellWord } from '../../../src/parse/dockerfile/shell/types.js';
import { baseName, clusterHas } from '../../../src/analysis/shell-commands.js';

type Msg = 'flag' | 'variable';

const CURL_VALUE = 'AbcCdDeEFHKmoPQrTuUwxXyYzt';
const FALSE = /^(?:false|0|no|off)$/i;

/**
 * Variables that turn verification off for the tools reading them, and whether a value does.
 * git disables checks when GIT_SSL_NO_VERIFY is set at all, whatever its value.
 */
const VARIABLES: Record<string, (value: string) => boolean> = {
  GIT_SSL_NO_VERIFY: () => true,
  NODE_TLS_REJECT_UNAUTHORIZED: (v) => v.trim() === '0',
  PYTHONHTTPSVERIFY: (v) => v.trim() === '0',
  PIP_TRUSTED_HOST: (v) => v.trim() !== '',
  NPM_CONFIG_STRICT_SSL: (v) => FALSE.test(v.trim()),
  YARN_ENABLE_STRICT_SSL: (v) => FALSE.test(v.trim()),
};

function variableDisables(name: string, value: string): boolean {
  const test = VARIABLES[name.toUpperCase()];
  return test !== undefined && test(value);
}

const NODE_TOOLS = new Set(['npm', 'yarn', 'pnpm']);
const TRUSTED_HOST_KEY = /^(?:global|install|download)\.trusted-host$/;
const STRICT_SSL_SET = /^(?:--)?strict-ssl=/;
const GIT_SSLVERIFY = /^http(?:\..+)?\.sslverify$/i;
const GIT_SSLVERIFY_SET = /^http(?:\..+)?\.sslverify=/i;
const SETOPT_SSLVERIFY = /^(?:--setopt=)?(?:[\w.-]+\.)?sslverify=(?:0|false|no)$/i;

/**
 * The word of `cmd` that turns verification off, if any. The checks that depend on the command
 * name are decided once per command, and each pattern is only tried on words holding the
 * literal text it needs (`trusted-host`, `=`): most words of a RUN hold neither.
 */
function offendingWord(cmd: ShellCommand): ShellWord | undefined {
  const name = baseName(cmd.name);
  const curl = name === 'curl';
  const noCheckTool = name === 'wget' || name === 'apk';
  const nodeTool = NODE_TOOLS.has(name);
  const git = name === 'git';
  const isExport = name === 'export';
  const args = cmd.args;
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    const v = w.value;
    if (curl && (v === '--insecure' || clusterHas(v, 'k', CURL_VALUE))) return w;
    if (noCheckTool && v === '--no-check-certificate') return w;
    // What follows needs `trusted-host` or `sslverify=0` in the word unless the command is a
    // node tool, git or export: shorter words (most of them) are passed over at once.
    if (v.length < 11 && !nodeTool && !git && !isExport) continue;
    const eq = v.indexOf('=');
    const next = args[i + 1]?.value ?? '';
    if (v.includes('trusted-host')) {
      if (v === '--trusted-host' || v.startsWith('--trusted-host=')) return w;
      if (TRUSTED_HOST_KEY.test(v) && next !== '') return w;
    }
    if (nodeTool) {
      if ((v === 'strict-ssl' || v === 'enableStrictSsl' || v === '--strict-ssl') && FALSE.test(next)) return w;
      if (eq >= 0 && STRICT_SSL_SET.test(v) && FALSE.test(v.slice(eq + 1))) return w;
    }
    if (git) {
      if (GIT_SSLVERIFY.test(v) && FALSE.test(next)) return w;
      if (eq >= 0 && GIT_SSLVERIFY_SET.test(v) && FALSE.test(v.slice(eq + 1))) return w;
    }
    // yum/dnf `--setopt=sslverify=0`, or the option written into a repo file with echo.
    if (eq >= 0 && SETOPT_SSLVERIFY.test(v)) return w;
    if (isExport && eq > 0 && variableDisables(v.slice(0, eq), v.slice(eq + 1))) return w;
  }
  return undefined;
}

export default defineRule<Record<string, never>, Msg>(
  {
    id: 'tls-verify-disabled',
    kind: 'dockerfile',
    summary: 'TLS certificate verification turned off (`curl -k`, `wget --no-check-certificate`, `pip --trusted-host`, …)',
    category: 'security',
    severity: 'warning',
    recommended: true,
    aliases: [],
    messages: {
      flag:
        '`{text}` turns off TLS certificate checks, so anyone on the network path can swap what goes into the image; remove it and make the server\'s CA trusted instead (install `ca-certificates`, or copy your CA to `/usr/local/share/ca-certificates/` and run `update-ca-certificates`)',
      variable:
        '`{name}={value}` turns off TLS certificate checks for every later command that reads it, so anyone on the network path can swap what goes into the image; remove it and make the server\'s CA trusted instead (install `ca-certificates`, or add your CA with `update-ca-certificates`)',
    },
    since: '0.1.0',
  },
  (ctx) => {
    const variable = (name: string, value: string, at: Ranged) =>
      ctx.report({ at, messageId: 'variable', data: { name, value } });
    return {
      'dockerfile:run'(run) {
        for (const cmd of run.commands) {
          for (const a of cmd.assignments) {
            const eq = a.value.indexOf('=');
            if (eq > 0 && variableDisables(a.value.slice(0, eq), a.value.slice(eq + 1))) variable(a.value.slice(0, eq), a.value.slice(eq + 1), a.range);
          }
          const w = offendingWord(cmd);
          if (w) ctx.report({ at: w.range, messageId: 'flag', data: { text: w.value } });
        }
      },
      'dockerfile:instruction'(ins) {
        if (ins.keyword === 'ENV') {
          for (const p of (ins as EnvInstruction).pairs) {
            if (variableDisables(p.key, p.value)) variable(p.key, p.value, { path: p.keyRange.path, start: p.keyRange.start, end: Math.max(p.keyRange.end, p.valueRange.end) });
          }
        } else if (ins.keyword === 'ARG') {
          for (const v of (ins as ArgInstruction).vars) {
            if (v.defaultValue !== undefined && v.defaultRange && variableDisables(v.name, v.defaultValue)) {
              variable(v.name, v.defaultValue, { path: v.nameRange.path, start: v.nameRange.start, end: v.defaultRange.end });
            }
          }
        }
      },
    };
  },
);
