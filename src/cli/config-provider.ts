/**
 * Adapts the config module (one ConfigSet per run) to what the engine asks: the rules, settings
 * and alias resolver in force for each file, and whether a walked file is ignored.
 */
import { relative } from 'node:path';
import picomatch from 'picomatch';
import { ConfigSet } from '../config/config-set.js';
import { nodeIsFile } from '../config/find.js';
import { formatConfigProblem } from '../config/problem.js';
import type { ResolvedConfig } from '../config/resolve.js';
import type { FailOn } from '../config/schema.js';
import type { ConfigProvider, EffectiveConfig } from '../engine/lint.js';
import type { ActiveRule } from '../engine/run.js';
import type { Rule } from '../engine/types.js';

export interface ConfigProviderOptions {
  cwd: string;
  rules: readonly Rule[];
  configPath?: string;
  preset?: 'recommended' | 'all';
  ruleFlags: string[];
  failOn?: FailOn;
  shellcheck?: boolean;
}

export interface CliConfigProvider extends ConfigProvider {
  /** Problems found so far in config files and flags, formatted `path:line:col: …`. */
  readonly problems: string[];
  readonly hasErrors: boolean;
  /** The failure level that applies to the run (from the flags, else the config of the cwd). */
  readonly failOn: FailOn;
  /** Rules of the plugins of every config used so far, for reporters' rule metadata. */
  readonly pluginRules: readonly Rule[];
}

export async function createConfigProvider(opts: ConfigProviderOptions): Promise<CliConfigProvider> {
  const set = await ConfigSet.create(
    opts.rules.map((r) => r.meta),
    {
      cli: {
        rules: opts.ruleFlags,
        ...(opts.preset ? { preset: opts.preset } : {}),
        ...(opts.failOn ? { failOn: opts.failOn } : {}),
        ...(opts.shellcheck ? { shellcheck: true } : {}),
      },
      ...(opts.configPath ? { configPath: opts.configPath } : {}),
    },
  );
  return providerFromConfigSet(set, opts.rules, opts.cwd);
}

export function providerFromConfigSet(set: ConfigSet, rules: readonly Rule[], cwd: string): CliConfigProvider {
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const effective = new Map<ResolvedConfig, EffectiveConfig & { ignored: (path: string) => boolean }>();
  const resolveId = (code: string) => set.index.lookup(code)?.ids;
  const pluginRules = new Map<string, Rule>();
  const of = (config: ResolvedConfig) => {
    let e = effective.get(config);
    if (e) return e;
    const active: ActiveRule[] = [];
    for (const [id, r] of config.rules) {
      const rule = byId.get(id) ?? config.plugins?.get(id);
      if (rule) active.push({ rule, severity: r.severity, options: r.options });
    }
    const base = ConfigSet.baseDir(config, cwd);
    const match = config.ignore.length ? picomatch(config.ignore, { dot: true }) : undefined;
    e = {
      key: config.configPath ?? '',
      rules: active,
      settings: config.settings,
      shellcheck: config.shellcheck,
      resolveId: config.plugins ? (code: string) => (config.plugins!.has(code) ? [code] : resolveId(code)) : resolveId,
      ignored: (path) => {
        if (!match) return false;
        const rel = relative(base, path).split('\\').join('/');
        return !rel.startsWith('..') && match(rel);
      },
    };
    for (const [id, rule] of config.plugins ?? []) pluginRules.set(id, rule);
    effective.set(config, e);
    return e;
  };
  const cwdConfig = set.forDir(cwd).config;
  return {
    forFile: (path) => of(set.forFile(path).config),
    isIgnored: (path) => of(set.forFile(path).config).ignored(path),
    // The run's listings say which config names are absent (nearly all of them, for free); a
    // name that is present is confirmed on the disk, where config files are loaded from.
    lookUpThrough: (fs) => set.lookUpWith((p) => fs.kind(p) !== undefined && nodeIsFile(p)),
    get problems() {
      return set.problems.map(formatConfigProblem);
    },
    get hasErrors() {
      return set.hasErrors;
    },
    failOn: cwdConfig.failOn,
    get pluginRules() {
      return [...pluginRules.values()];
    },
  };
}
