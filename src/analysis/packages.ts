/**
 * Package-manager commands as the package rules need them: which tool, which subcommand, its
 * options (each tool's own option syntax, so option values are never mistaken for packages),
 * the package words, and whether a package word names a fixed version.
 */
import type { ShellCommand, ShellWord } from '../parse/dockerfile/shell/types.js';
import { commandName, hasOption, parseOptions, unknownValue, type OptionSpec, type ParsedArgs } from './shell-query.js';

export interface ToolCall {
  cmd: ShellCommand;
  /** Command name without its folder (`apt-get`, `pip3`, `python3 -m pip` is `pip`). */
  tool: string;
  /** The subcommand word (`install`, `add`, …); undefined when there is none. */
  sub?: ShellWord;
  /** Every option, before and after the subcommand. */
  parsed: ParsedArgs;
  /** Operands after the subcommand: packages for an install. */
  operands: ShellWord[];
}

/**
 * Reads `tool [global options] subcommand [options and operands]`. Global options and the
 * subcommand's options may differ (zypper's `-t` is `--terse` before the subcommand and `--type`
 * after it).
 */
export function toolCall(cmd: ShellCommand, tool: string, args: readonly ShellWord[], global: OptionSpec, command: OptionSpec = global): ToolCall {
  // The global options end at the first operand, the subcommand; what follows is read with the
  // subcommand's option syntax.
  const { parsed: before, stop } = parseOptions(args, 0, global, true);
  const sub = before.operands[0];
  if (!sub) return { cmd, tool, parsed: before, operands: [] };
  const after = parseOptions(args, stop + 1, command, false).parsed;
  return { cmd, tool, sub, parsed: { options: [...before.options, ...after.options], operands: [sub, ...after.operands] }, operands: after.operands };
}

/**
 * The ToolCall of a command for one reader (apt, apk, …), made once: several rules ask the same
 * reader about the same command, and commands of other tools never get here.
 */
function cached(cache: WeakMap<ShellCommand, ToolCall | null>, cmd: ShellCommand, make: () => ToolCall | undefined): ToolCall | undefined {
  let call = cache.get(cmd);
  if (call === undefined) cache.set(cmd, (call = make() ?? null));
  return call ?? undefined;
}

const APT: OptionSpec = {
  shortValue: 'octa',
  longValue: ['option', 'config-file', 'target-release', 'default-release', 'host-architecture'],
};

/** `apt-get …` and `apt …` (both install the same way and hang on the same prompt). */
/** Command names each reader below accepts, for `commandsNamed` (shell-query.ts). */
export const APT_NAMES: readonly string[] = ['apt-get', 'apt'];
export const APK_NAMES: readonly string[] = ['apk'];
export const YUM_NAMES: readonly string[] = ['yum'];
export const DNF_NAMES: readonly string[] = ['dnf', 'dnf5', 'dnf-3', 'microdnf', 'microdnf5', 'microdnf-3'];
export const ZYPPER_NAMES: readonly string[] = ['zypper'];
export const NPM_NAMES: readonly string[] = ['npm'];
export const GEM_NAMES: readonly string[] = ['gem'];
export const GO_NAMES: readonly string[] = ['go'];
export const YARN_NAMES: readonly string[] = ['yarn'];

const aptCalls = new WeakMap<ShellCommand, ToolCall | null>();
export function aptCall(cmd: ShellCommand): ToolCall | undefined {
  const tool = commandName(cmd);
  return tool === 'apt-get' || tool === 'apt' ? cached(aptCalls, cmd, () => toolCall(cmd, tool, cmd.args, APT)) : undefined;
}

/** `-o` values, e.g. `APT::Get::Assume-Yes=true`. */
function aptConfig(call: ToolCall, key: RegExp): string | undefined {
  for (const o of call.parsed.options) {
    if ((o.name === 'o' && !o.long) || (o.name === 'option' && o.long)) {
      const m = /^([^=]*)=(.*)$/.exec(o.value ?? '');
      if (m && key.test(m[1]!)) return m[2]!;
    }
  }
  return undefined;
}

const TRUE = /^(?:true|yes|1|on)$/i;
const FALSE = /^(?:false|no|0|off)$/i;

/** apt answers yes by itself: `-y`, `--yes`, `--assume-yes`, quiet level 2 (`-qq`, `-q=2`), or `-o APT::Get::Assume-Yes=true`. */
export function aptAssumesYes(call: ToolCall): boolean {
  if (hasOption(call.parsed, 'y', ['yes', 'assume-yes'])) return true;
  // A simulation (`-s`, `--dry-run`, …) changes nothing and never asks.
  if (hasOption(call.parsed, 's', ['simulate', 'just-print', 'dry-run', 'recon', 'no-act'])) return true;
  let quiet = 0;
  for (const o of call.parsed.options) {
    if (o.long && o.name === 'quiet') quiet = o.value !== undefined && /^\d+$/.test(o.value) ? Number(o.value) : quiet + 1;
    if (!o.long && o.name === 'q') {
      const level = /^-q=(\d+)$/.exec(o.word.value);
      quiet = level ? Number(level[1]) : quiet + 1;
    }
  }
  if (quiet >= 2) return true;
  const v = aptConfig(call, /^APT::Get::Assume-Yes$/i);
  return v !== undefined && TRUE.test(v);
}

/** apt told not to install recommended packages for this command. */
export function aptSkipsRecommends(call: ToolCall): boolean {
  if (call.parsed.options.some((o) => o.long && (o.name === 'no-install-recommends' || (o.name === 'install-recommends' && FALSE.test(o.value ?? ''))))) return true;
  const v = aptConfig(call, /^APT::Install-Recommends$/i);
  return v !== undefined && FALSE.test(v);
}

/** `pkg=1.2`, `pkg/bookworm-backports` (release chosen), a `.deb` file or a path. */
export function aptPinned(word: ShellWord): boolean {
  return word.value.includes('=') || word.value.includes('/') || word.value.endsWith('.deb');
}

const APK: OptionSpec = {
  shortValue: 'tXp',
  longValue: ['virtual', 'repository', 'root', 'arch', 'keys-dir', 'repositories-file', 'cache-dir', 'cache-max-age', 'timeout', 'progress-fd'],
};

const apkCalls = new WeakMap<ShellCommand, ToolCall | null>();
export function apkCall(cmd: ShellCommand): ToolCall | undefined {
  return commandName(cmd) === 'apk' ? cached(apkCalls, cmd, () => toolCall(cmd, 'apk', cmd.args, APK)) : undefined;
}

/** `pkg=1.2`, `pkg~1.2`, `pkg>1.2`, `pkg<2` or an `.apk` file. */
export function apkPinned(word: ShellWord): boolean {
  return /[=~<>]/.test(word.value) || word.value.endsWith('.apk');
}

const YUM: OptionSpec = {
  shortValue: 'cdexR',
  longValue: [
    'config', 'debuglevel', 'errorlevel', 'exclude', 'excludepkgs', 'installroot', 'enablerepo', 'disablerepo', 'releasever',
    'setopt', 'randomwait', 'color', 'downloaddir', 'destdir', 'disableplugin', 'enableplugin', 'rpmverbosity', 'repo',
    'repoid', 'forcearch', 'disableexcludes', 'advisory', 'bz', 'cve', 'sec-severity', 'repofrompath', 'comment',
  ],
};

const yumCalls = new WeakMap<ShellCommand, ToolCall | null>();
export function yumCall(cmd: ShellCommand): ToolCall | undefined {
  return commandName(cmd) === 'yum' ? cached(yumCalls, cmd, () => toolCall(cmd, 'yum', cmd.args, YUM)) : undefined;
}

const dnfCalls = new WeakMap<ShellCommand, ToolCall | null>();
const DNF_NAME = /^(?:micro)?dnf(?:5|-3)?$/;
/** `dnf`, `dnf5`, `dnf-3` and `microdnf`. */
export function dnfCall(cmd: ShellCommand): ToolCall | undefined {
  const tool = commandName(cmd);
  return tool.includes('dnf') && DNF_NAME.test(tool) ? cached(dnfCalls, cmd, () => toolCall(cmd, tool, cmd.args, YUM)) : undefined;
}

/**
 * An RPM package spec names a version when its last `-`-separated part starts with a digit
 * (`nginx-1.24.0`, `nginx-1.24.0-1.el9`, `nodejs-1:18.19.0`): `java-11-openjdk` is a name, not
 * a version. `.rpm` files, paths and URLs are fixed too.
 */
export function rpmPinned(word: ShellWord): boolean {
  const v = word.value;
  if (v.endsWith('.rpm') || v.includes('/')) return true;
  const dash = v.lastIndexOf('-');
  return dash > 0 && /^(?:\d+:)?\d/.test(v.slice(dash + 1));
}

const ZYPPER_GLOBAL: OptionSpec = {
  shortValue: 'RcDC',
  longValue: ['root', 'config', 'reposd-dir', 'cache-dir', 'raw-cache-dir', 'solv-cache-dir', 'pkg-cache-dir', 'userdata', 'installroot'],
};
const ZYPPER_COMMAND: OptionSpec = { shortValue: 'trp', longValue: ['type', 'repo', 'from', 'download', 'name', 'capability'] };

const zypperCalls = new WeakMap<ShellCommand, ToolCall | null>();
export function zypperCall(cmd: ShellCommand): ToolCall | undefined {
  return commandName(cmd) === 'zypper' ? cached(zypperCalls, cmd, () => toolCall(cmd, 'zypper', cmd.args, ZYPPER_GLOBAL, ZYPPER_COMMAND)) : undefined;
}

/** `pkg=1.2`, `pkg>=1.2`, `pkg<2` or an `.rpm` file. */
export function zypperPinned(word: ShellWord): boolean {
  return /[=<>]/.test(word.value) || word.value.endsWith('.rpm') || word.value.includes('/');
}

const NPM: OptionSpec = {
  shortValue: 'wC',
  longValue: [
    'registry', 'loglevel', 'prefix', 'cache', 'tag', 'userconfig', 'globalconfig', 'workspace', 'omit', 'include',
    'install-strategy', 'save-prefix', 'only', 'also', 'scope', 'otp', 'before', 'location', 'proxy', 'https-proxy',
    'ca', 'cafile', 'script-shell', 'audit-level', 'fetch-retries', 'fetch-timeout', 'maxsockets',
  ],
};

/** npm's spellings of `install`, including the typo aliases npm itself accepts. */
const NPM_INSTALL = new Set(['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add']);

/** `npm install <pkg>…` (any alias); undefined for other subcommands. */
export function npmInstall(cmd: ShellCommand): ToolCall | undefined {
  if (commandName(cmd) !== 'npm') return undefined;
  const call = toolCall(cmd, 'npm', cmd.args, NPM);
  return call.sub && NPM_INSTALL.has(call.sub.value) ? call : undefined;
}

/**
 * `name@1.2.3` / `@scope/name@^1.2` (a version or range, not the floating `latest`), a git URL
 * with `#ref`, a tarball, or a local path.
 */
export function npmPinned(word: ShellWord): boolean {
  const v = word.value;
  if (/^(?:\/|\.\/|\.\.\/|~\/|file:)/.test(v) || /\.(?:tar|tar\.gz|tgz)$/.test(v)) return true;
  if (/^(?:git\+|git:|github:|https?:)|\.git(?:#|$)/.test(v) || (!v.startsWith('@') && /^[^@]+\/[^@]+$/.test(v))) return v.includes('#');
  const at = v.indexOf('@', 1);
  if (at < 0) return false;
  const version = v.slice(at + 1);
  return version !== '' && version !== 'latest';
}

const GEM: OptionSpec = {
  shortValue: 'vsinPg',
  longValue: ['version', 'source', 'install-dir', 'bindir', 'trust-policy', 'file', 'platform', 'build-root', 'target-rbconfig'],
};

/** `gem install|i …`. */
export function gemInstall(cmd: ShellCommand): ToolCall | undefined {
  if (commandName(cmd) !== 'gem') return undefined;
  const call = toolCall(cmd, 'gem', cmd.args, GEM);
  return call.sub && (call.sub.value === 'install' || call.sub.value === 'i') ? call : undefined;
}

const GO: OptionSpec = {
  singleDashLong: true,
  longValue: [
    'o', 'p', 'tags', 'ldflags', 'gcflags', 'asmflags', 'mod', 'modfile', 'overlay', 'pkgdir', 'toolexec', 'C', 'exec',
    'buildmode', 'compiler', 'installsuffix', 'pgo', 'covermode', 'coverpkg',
  ],
};

/** `go install|get|run …`. */
export function goCall(cmd: ShellCommand): ToolCall | undefined {
  if (commandName(cmd) !== 'go') return undefined;
  const call = toolCall(cmd, 'go', cmd.args, GO);
  return call.sub && ['install', 'get', 'run'].includes(call.sub.value) ? call : undefined;
}

/** A module path (its first element has a dot) rather than a local path, a file or a standard package. */
export function goRemote(word: ShellWord): boolean {
  const v = word.value;
  if (v.startsWith('.') || v.startsWith('/') || v.endsWith('.go')) return false;
  return v.split('/')[0]!.includes('.');
}

/** `path@v1.2.3` or a commit; `@latest`, `@upgrade`, `@patch` and `@none` float or remove. */
export function goPinned(word: ShellWord): boolean {
  const at = word.value.lastIndexOf('@');
  return at > 0 && !['', 'latest', 'upgrade', 'patch', 'none'].includes(word.value.slice(at + 1));
}

const PIP: OptionSpec = {
  shortValue: 'rceti',
  longValue: [
    'requirement', 'constraint', 'editable', 'target', 'index-url', 'extra-index-url', 'find-links', 'prefix', 'root',
    'python', 'platform', 'python-version', 'implementation', 'abi', 'trusted-host', 'src', 'upgrade-strategy',
    'progress-bar', 'root-user-action', 'cache-dir', 'log', 'log-file', 'local-log', 'proxy', 'retries', 'timeout',
    'exists-action', 'cert', 'client-cert', 'global-option', 'install-option', 'config-settings', 'report', 'only-binary',
    'no-binary', 'use-feature', 'use-deprecated', 'keyring-provider', 'group', 'pip-args', 'suffix', 'spec',
  ],
};

/** `-f` is `--find-links` for pip: a value, not a flag cluster. */
const PIP_SPEC: OptionSpec = { ...PIP, shortValue: 'rcetif' };
const PIP_NAME = /^pip(?:\d+(?:\.\d+)*)?$/;
const PYTHON_NAME = /^python(?:\d+(?:\.\d+)*)?$/;

/** `pip …`, `pip3.12 …`, `python3 -m pip …`, `pipx …`, `uv pip …`. */
export function pipCall(cmd: ShellCommand): ToolCall | undefined {
  const name = commandName(cmd);
  // Every name below starts with `p` (pip…, pipx, python…) but `uv`.
  if (name[0] !== 'p' && name !== 'uv') return undefined;
  const args = cmd.args;
  if (PIP_NAME.test(name) || name === 'pipx') return toolCall(cmd, name, args, PIP_SPEC);
  if (name === 'uv' && args[0]?.value === 'pip') return toolCall(cmd, 'uv pip', args.slice(1), PIP_SPEC);
  if (!PYTHON_NAME.test(name)) return undefined;
  // Interpreter options come first; `-m pip` hands the rest to pip.
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v === '-m' || v === '-mpip') {
      const at = v === '-m' ? i + 1 : i;
      if (v === '-m' && args[at]?.value !== 'pip') return undefined;
      return toolCall(cmd, 'pip', args.slice(at + 1), PIP_SPEC);
    }
    if (!v.startsWith('-') || v === '-c' || v === '-') return undefined;
    if (v === '-W' || v === '-X') i++;
  }
  return undefined;
}

/** `pip install …` in any of its spellings. */
export function pipInstall(cmd: ShellCommand): ToolCall | undefined {
  const call = pipCall(cmd);
  return call?.sub?.value === 'install' ? call : undefined;
}

/**
 * A requirement with a version specifier (`==`, `>=`, `~=`, …), a VCS URL with `@ref`, or a local
 * path, URL or archive (their content decides what is installed).
 */
export function pipPinned(word: ShellWord): boolean {
  const v = word.value;
  if (/^(?:git|hg|svn|bzr)\+/.test(v)) return /@[^/]+$/.test(v.replace(/#.*$/, ''));
  if (/[=<>!~]/.test(v)) return true;
  return v === '.' || v === '..' || v.includes('/') || /\.(?:whl|tar\.gz|tgz|zip|tar\.bz2)$/.test(v);
}

/** `yarn`, `yarn install` (yarn 1 keeps its download cache in the image). */
export function yarnInstall(cmd: ShellCommand): ToolCall | undefined {
  if (commandName(cmd) !== 'yarn') return undefined;
  const call = toolCall(cmd, 'yarn', cmd.args, { longValue: ['cache-folder', 'modules-folder', 'network-timeout', 'mutex', 'registry', 'cwd'] });
  if (call.sub === undefined) return call;
  return call.sub.value === 'install' ? call : undefined;
}

/** Subcommands of yum/dnf that install packages and therefore prompt. */
const RPM_INSTALLS = new Set(['install', 'groupinstall', 'localinstall']);

/**
 * The word to report and fix for a yum/dnf install: `install`, `groupinstall`, `localinstall`,
 * or the `install` of `group install` / `module install`.
 */
export function rpmInstallWord(call: ToolCall): ShellWord | undefined {
  const sub = call.sub;
  if (!sub) return undefined;
  if (RPM_INSTALLS.has(sub.value)) return sub;
  const next = call.operands[0];
  if ((sub.value === 'group' || sub.value === 'module') && next?.value === 'install') return next;
  return undefined;
}

/**
 * Packages of a yum/dnf install that name no version. Groups (`@name`, `groupinstall`,
 * `group install`) are exempt; `module install` needs `name:stream`.
 */
export function rpmUnpinned(call: ToolCall): ShellWord[] {
  const sub = call.sub?.value;
  if (sub === 'install' || sub === 'localinstall') {
    return call.operands.filter((w) => !unknownValue(w) && !w.value.startsWith('@') && !rpmPinned(w));
  }
  if (sub === 'module' && call.operands[0]?.value === 'install') {
    return call.operands.slice(1).filter((w) => !unknownValue(w) && !w.value.includes(':'));
  }
  return [];
}

/** `yum|dnf|microdnf clean all`: removes downloaded packages and metadata of both tools. */
export function rpmCleanAll(cmd: ShellCommand): boolean {
  const call = yumCall(cmd) ?? dnfCall(cmd);
  return call?.sub?.value === 'clean' && call.operands.some((w) => w.value === 'all');
}

/** yum and dnf caches (on RHEL 8+ `yum` is dnf and uses /var/cache/dnf). */
export const RPM_CACHES = new Set(['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5']);

/** The gems of `gem install`; none when `-v`/`--version` fixes the version for all of them. */
export function gemPackages(call: ToolCall): ShellWord[] {
  if (hasOption(call.parsed, 'v', ['version'])) return [];
  // After `--` come options for the gem's native build, not gems.
  const end = call.cmd.args.find((a) => a.value === '--')?.range.start ?? Infinity;
  return call.operands.filter((w) => w.range.start < end);
}

/** `name:1.2.3`, or a `.gem` file. */
export function gemPinned(word: ShellWord): boolean {
  return /:[^:]+$/.test(word.value) || word.value.endsWith('.gem');
}

/** Remote module paths of `go install`/`go get` (every argument) and `go run` (only the first). */
export function goPackages(call: ToolCall): ShellWord[] {
  const words = call.sub?.value === 'run' ? call.operands.slice(0, 1) : call.operands;
  return words.filter((w) => !unknownValue(w) && goRemote(w));
}

/** Packages of `pip install`; none with `-c`/`--constraint`, which fixes versions for all of them. */
export function pipPackages(call: ToolCall): ShellWord[] {
  return hasOption(call.parsed, 'c', ['constraint']) ? [] : call.operands;
}
