import { defineRule } from '../../../src/engine/types.js';
import type { ArgInstruction, Dockerfile, EnvInstruction, Instruction, RunInstruction, Stage } from '../../../src/parse/dockerfile/model.js';
import type { ShellCommand, ShellWord } from '../../../src/parse/dockerfile/shell/types.js';

const PIP = /^pip(?:\d+(?:\.\d+)*)?$/;
const PYTHON = /^python(?:\d+(?:\.\d+)*)?$/;
/** pip's global options that take a value as the next word (`pip --proxy http://p install …`). */
const GLOBAL_VALUE_OPTIONS = new Set([
  '--log', '--log-file', '--proxy', '--retries', '--timeout', '--exists-action', '--trusted-host',
  '--cert', '--client-cert', '--cache-dir', '--python', '--use-feature', '--use-deprecated',
  '--keyring-provider', '--local-log',
]);
/** Every value pip's boolean parsing accepts: pip turns the cache off for any of them, even `0`. */
const PIP_BOOL = /^(?:y|yes|t|true|on|1|n|no|f|false|off|0)$/i;

function basename(v: string): string {
  return v.slice(v.lastIndexOf('/') + 1);
}

/**
 * pip accepts any unambiguous prefix of a long option; among pip's options only `--no-cache-dir`
 * starts with `--no-cache`, so every prefix at least that long means it.
 */
export function isNoCacheDir(arg: string): boolean {
  const name = arg.split('=')[0]!;
  return name.length >= '--no-cache'.length && '--no-cache-dir'.startsWith(name);
}

interface PipCall {
  /** The arguments given to pip itself (after `-m pip` for python). */
  args: ShellWord[];
  install: ShellWord;
}

/** Finds `pip … install` / `python -m pip … install`; undefined for other commands and subcommands. */
export function pipInstall(cmd: ShellCommand): PipCall | undefined {
  const call = pipSubcommand(cmd);
  return call?.sub.value === 'install' ? { args: call.args, install: call.sub } : undefined;
}

/** The pip arguments and subcommand word of `pip …` / `python -m pip …`; undefined for other commands. */
export function pipSubcommand(cmd: ShellCommand): { args: ShellWord[]; sub: ShellWord } | undefined {
  const name = basename(cmd.name);
  // Both patterns start with `p`: most commands are turned away without a regex.
  if (name[0] !== 'p') return undefined;
  let args: ShellWord[];
  if (PIP.test(name)) args = cmd.args;
  else if (PYTHON.test(name)) {
    // Interpreter options come first; `-m pip` (or `-mpip`) hands the rest to pip.
    let i = 0;
    while (i < cmd.args.length) {
      const v = cmd.args[i]!.value;
      if (v === '-m') {
        if (cmd.args[i + 1]?.value !== 'pip') return undefined;
        i += 2;
        break;
      }
      if (v === '-mpip') {
        i += 1;
        break;
      }
      if (!v.startsWith('-') || v === '-c' || v === '-') return undefined;
      i += v === '-W' || v === '-X' ? 2 : 1;
    }
    if (i > cmd.args.length || i === 0) return undefined;
    args = cmd.args.slice(i);
  } else return undefined;
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v.startsWith('-')) {
      if (GLOBAL_VALUE_OPTIONS.has(v)) i++;
      continue;
    }
    return { args, sub: args[i]! };
  }
  return undefined;
}

/** `ENV`/`ARG` values visible to the RUN: its own stage up to the RUN, and whole ancestor stages. */
function pipNoCacheDirSet(file: Dockerfile, stage: Stage | undefined, run: RunInstruction): boolean {
  const chain: Stage[] = [];
  const seen = new Set<number>();
  for (let s = stage; s && !seen.has(s.index); s = s.from.stageRef === undefined ? undefined : file.stages[s.from.stageRef]) {
    seen.add(s.index);
    chain.unshift(s);
  }
  let value: string | undefined;
  const visit = (ins: Instruction) => {
    // Build args are in the environment of every later RUN, just like ENV.
    if (ins.keyword === 'ENV') for (const p of (ins as EnvInstruction).pairs) if (p.key === 'PIP_NO_CACHE_DIR') value = p.value;
    if (ins.keyword === 'ARG') for (const a of (ins as ArgInstruction).vars) if (a.name === 'PIP_NO_CACHE_DIR' && a.defaultValue !== undefined) value = a.defaultValue;
  };
  for (const s of chain) {
    for (const ins of s.instructions) {
      if (s === stage && ins.range.start >= run.range.start) break;
      visit(ins);
    }
  }
  return value !== undefined && PIP_BOOL.test(value.trim());
}

/** A cache or tmpfs mount over pip's cache folder (or the `.cache` folder holding it). */
function cacheMounted(run: RunInstruction, cacheDirs: string[]): boolean {
  return run.mounts.some((m) => {
    if (m.type !== 'cache' && m.type !== 'tmpfs') return false;
    const target = (m.options.target ?? m.options.dst ?? m.options.destination ?? '').replace(/\/+$/, '');
    if (target === '') return false;
    return /\/\.cache(?:\/pip(?:\/|$)|$)/.test(target) || cacheDirs.includes(target);
  });
}

/**
 * Whether a command after the install in the same RUN empties pip's cache (`rm -rf` of the cache
 * folder or of the `.cache` folder holding it, or `pip cache purge`), so the layer keeps none.
 */
function cacheRemovedLater(run: RunInstruction, after: ShellCommand, cacheDirs: string[]): boolean {
  const from = run.commands.indexOf(after);
  return run.commands.slice(from + 1).some((cmd) => {
    const pip = pipSubcommand(cmd);
    if (pip) return pip.sub.value === 'cache' && pip.args[pip.args.indexOf(pip.sub) + 1]?.value === 'purge';
    return basename(cmd.name) === 'rm' && removesCache(cmd.args, cacheDirs);
  });
}

/** Home folders as a build's RUN writes them (the build runs as root unless USER says otherwise). */
const HOME = String.raw`(?:/root|~|\$HOME|\$\{HOME\})`;
const CACHE_PATH = new RegExp(String.raw`^${HOME}/\.cache(?:/pip)?(?:/\*?)?$`);

function removesCache(args: ShellWord[], cacheDirs: string[]): boolean {
  let recursive = false;
  const paths: string[] = [];
  let options = true;
  for (const a of args) {
    const v = a.value;
    if (options && v === '--') options = false;
    else if (options && v.startsWith('--')) recursive ||= v === '--recursive';
    else if (options && v.startsWith('-') && v.length > 1) recursive ||= /[rR]/.test(v);
    else paths.push(v);
  }
  if (!recursive) return false;
  return paths.some((p) => CACHE_PATH.test(p) || cacheDirs.includes(p.replace(/(?:\/\*)?\/*$/, '')));
}

export default defineRule<Record<string, never>, 'pipCache'>(
  {
    id: 'pip-cache-in-image',
    kind: 'dockerfile',
    summary: '`pip install` without `--no-cache-dir` leaves pip\'s download cache in the image',
    category: 'best-practice',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3042', fidelity: 'same' }],
    messages: {
      pipCache:
        '`{command} install` without `--no-cache-dir` stores every downloaded wheel in pip\'s cache inside the image layer, making the image larger for nothing; add `--no-cache-dir`, set `ENV PIP_NO_CACHE_DIR=1`, or mount the cache with `RUN --mount=type=cache,target=/root/.cache/pip`',
    },
    fix: 'safe',
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:run'(run, file) {
      const calls: { cmd: ShellCommand; pip: ReturnType<typeof pipInstall> }[] = [];
      for (const cmd of run.commands) {
        const pip = pipInstall(cmd);
        if (pip) calls.push({ cmd, pip });
      }
      if (calls.length === 0) return;
      const text = file.source.slice(run.range);
      if (/\bPIP_NO_CACHE_DIR=/.test(text)) return;
      const stage = file.stages[run.stageIndex];
      if (pipNoCacheDirSet(file, stage, run)) return;
      const envCacheDir = stage?.env.get('PIP_CACHE_DIR')?.value;
      for (const { cmd, pip } of calls) {
        const { args, install } = pip!;
        if (args.some((a) => isNoCacheDir(a.value))) continue;
        const cacheDirs = args.flatMap((a, i) => (a.value === '--cache-dir' ? [args[i + 1]?.value ?? ''] : a.value.startsWith('--cache-dir=') ? [a.value.slice(12)] : []));
        if (envCacheDir) cacheDirs.push(envCacheDir);
        const dirs = cacheDirs.map((d) => d.replace(/\/+$/, ''));
        if (cacheMounted(run, dirs) || cacheRemovedLater(run, cmd, dirs)) continue;
        const name = basename(cmd.name);
        const command = PIP.test(name) ? name : `${name} -m pip`;
        const report: Parameters<typeof ctx.report>[0] = { at: cmd.nameWord.range, messageId: 'pipCache', data: { command } };
        if (!install.dynamic) {
          const exec = run.form === 'exec';
          report.fix = {
            title: 'write `--no-cache-dir` after `install`',
            edits: [{ path: install.range.path, start: install.range.end, end: install.range.end, text: exec ? ', "--no-cache-dir"' : ' --no-cache-dir' }],
          };
        }
        ctx.report(report);
      }
    },
  }),
);
