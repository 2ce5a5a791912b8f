/**
 * Adds the rules of a config file's plugins to its resolved config: the plugins are loaded, the
 * presets enable their rules as they enable ours, then the file's `rules:` entries for plugin ids
 * (set aside by the loader, since the schema cannot know them) set levels and options.
 */
import type { Rule } from '../engine/types.js';
import type { ConfigFileData } from '../config/load.js';
import type { ConfigProblem } from '../config/problem.js';
import { presetRules, type CliConfigFlags, type ResolvedConfig } from '../config/resolve.js';
import { RULE_LEVELS, type RuleLevel } from '../config/schema.js';
import { didYouMean } from '../text/did-you-mean.js';
import { loadPlugin, PluginLoadError } from './load.js';
import { keyNamespace } from './namespace.js';
import { checkPluginOptions } from './options.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const pointer = (...segs: (string | number)[]) => segs.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');

export function applyPlugins(config: ResolvedConfig, file: ConfigFileData, cli: CliConfigFlags = {}): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const problem = (at: string, message: string, hint?: string): void => {
    problems.push(
      file.problemAt?.(at, message, hint) ?? { severity: 'error', message, file: file.path, ...(hint ? { hint } : {}) },
    );
  };
  const byId = new Map<string, Rule>();
  const loaded = new Set<string>();
  const failed = new Set<string>();
  (file.plugins ?? []).forEach((name, i) => {
    try {
      const plugin = loadPlugin(name, file.path);
      if (loaded.has(plugin.namespace)) {
        problem(pointer('plugins', i), `plugin "${name}": another plugin already uses the namespace "${plugin.namespace}"`);
        return;
      }
      loaded.add(plugin.namespace);
      for (const rule of plugin.rules) byId.set(rule.meta.id, rule);
    } catch (e) {
      if (!(e instanceof PluginLoadError)) throw e;
      failed.add(name);
      problem(pointer('plugins', i), `plugin "${name}" cannot be loaded: ${e.message}`);
    }
  });

  const presets = cli.preset ? [cli.preset] : (file.extends ?? ['recommended']);
  const levels = new Map<string, RuleLevel>();
  const options = new Map<string, Obj>();
  for (const meta of presetRules([...byId.values()].map((r) => r.meta), presets)) levels.set(meta.id, meta.severity);
  for (const [key, value] of file.pluginRules ?? []) {
    const rule = byId.get(key);
    if (!rule) {
      // A plugin that failed to load has already been reported; its keys would only add noise.
      const ns = keyNamespace(key);
      if (ns !== undefined && !loaded.has(ns) && failed.size) continue;
      const near = didYouMean(key, byId.keys());
      problem(pointer('rules', key), `unknown rule "${key}"`, near ? `did you mean "${near}"?` : undefined);
      continue;
    }
    const [level, opts, ...extra] = Array.isArray(value) ? value : [value];
    if (!(RULE_LEVELS as readonly unknown[]).includes(level) || extra.length) {
      problem(pointer('rules', key), `rules.${key} must be a level (${RULE_LEVELS.join(', ')}) or [level, options]`);
      continue;
    }
    if (opts !== undefined) {
      const issues = isObj(opts) ? checkPluginOptions(rule.meta, opts) : ['options must be an object'];
      if (issues.length) {
        for (const issue of issues) problem(pointer('rules', key, 1), `rule ${key}: ${issue}`);
        continue;
      }
      options.set(key, opts);
    }
    levels.set(key, level as RuleLevel);
  }

  for (const [id, level] of [...levels].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (level === 'off') continue;
    const defaults = (byId.get(id)!.meta.options?.defaults ?? {}) as Obj;
    config.rules.set(id, { severity: level, options: { ...defaults, ...options.get(id) } });
  }
  config.plugins = byId;
  return problems;
}
