/**
 * Turns a config file and command-line flags into the rules in force. Precedence: the preset
 * (`extends`, or `--preset`) < the file's `rules` < `--rule` flags. Options start from each rule's
 * defaults and take the file's values on top (shallow: an option is replaced, not merged).
 */
import type { Rule, RuleMeta, Settings, Severity } from '../engine/types.js';
import { AliasIndex } from './aliases.js';
import type { ConfigFileData } from './load.js';
import type { ConfigProblem } from './problem.js';
import { FAIL_ON, PRESETS, RULE_LEVELS, type FailOn, type Preset, type RuleLevel } from './schema.js';
import { didYouMean } from '../text/did-you-mean.js';
import { SHELLCHECK_PREFIX, type ShellcheckLevel, type ShellcheckSettings } from '../engine/shellcheck.js';

export interface CliConfigFlags {
  /** `--preset`: replaces the file's `extends`. */
  preset?: Preset;
  /** `--rule id=level`, repeatable; ids or aliases. */
  rules?: readonly string[];
  failOn?: FailOn;
  /** `--shellcheck`: run ShellCheck whatever the config says. */
  shellcheck?: boolean;
}

export interface ResolvedRule {
  severity: Severity;
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  /** Enabled rules only. */
  rules: Map<string, ResolvedRule>;
  settings: Settings;
  /** Globs relative to the folder of `configPath` (or the cwd without a config file). */
  ignore: string[];
  failOn: FailOn;
  configPath?: string;
  /** Whether ShellCheck runs, and the levels of `shellcheck/SCnnnn` ids set in `rules`. */
  shellcheck: ShellcheckSettings;
  /** Every rule of the config's plugins, by namespaced id (enabled ones are also in `rules`). */
  plugins?: ReadonlyMap<string, Rule>;
}

export const DEFAULT_FAIL_ON: FailOn = 'error';

/** Rule ids a preset enables, at their default severity. Deprecated rules are never in one. */
export function presetRules(metas: readonly RuleMeta<any>[], presets: readonly Preset[]): RuleMeta<any>[] {
  return metas.filter((m) => !m.deprecated && presets.some((p) => p === 'all' || m.recommended));
}

/** Parses `--rule` values; problems carry `flag` instead of a file position. */
export function parseRuleFlags(
  values: readonly string[],
  index: AliasIndex,
): { levels: Map<string, RuleLevel>; problems: ConfigProblem[] } {
  const levels = new Map<string, RuleLevel>();
  const problems: ConfigProblem[] = [];
  const err = (message: string, hint?: string) =>
    problems.push({ severity: 'error', message, flag: '--rule', ...(hint ? { hint } : {}) });
  for (const value of values) {
    const eq = value.lastIndexOf('=');
    if (eq <= 0) {
      err(`--rule ${value}: expected <rule>=<${RULE_LEVELS.join('|')}>`);
      continue;
    }
    const code = value.slice(0, eq).trim();
    const level = value.slice(eq + 1).trim();
    if (!(RULE_LEVELS as readonly string[]).includes(level)) {
      const near = didYouMean(level, RULE_LEVELS);
      err(`--rule ${value}: level must be one of ${RULE_LEVELS.join(', ')}`, near ? `did you mean "${near}"?` : undefined);
      continue;
    }
    const match = index.lookup(code);
    if (!match) {
      const near = index.suggest(code);
      err(`--rule ${value}: unknown rule "${code}"`, near ? `did you mean "${near}"?` : undefined);
      continue;
    }
    if (match.hint) problems.push({ severity: 'warning', message: `--rule ${value}: ${match.hint}`, flag: '--rule' });
    for (const id of match.ids) levels.set(id, level as RuleLevel);
  }
  return { levels, problems };
}

export function resolveConfig(
  metas: readonly RuleMeta<any>[],
  file: ConfigFileData | undefined,
  cli: CliConfigFlags = {},
  index: AliasIndex = new AliasIndex(metas),
): { config: ResolvedConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const byId = new Map(metas.map((m) => [m.id, m]));
  const levels = new Map<string, RuleLevel>();
  const options = new Map<string, Record<string, unknown>>();

  const presets = cli.preset ? [cli.preset] : (file?.extends ?? ['recommended']);
  for (const m of presetRules(metas, presets)) levels.set(m.id, m.severity);
  for (const [id, setting] of file?.rules ?? []) {
    levels.set(id, setting.level);
    if (setting.options) options.set(id, setting.options);
  }
  if (cli.rules?.length) {
    const flags = parseRuleFlags(cli.rules, index);
    problems.push(...flags.problems);
    for (const [id, level] of flags.levels) levels.set(id, level);
  }
  if (cli.failOn !== undefined && !(FAIL_ON as readonly string[]).includes(cli.failOn)) {
    problems.push({ severity: 'error', message: `--fail-on must be one of ${FAIL_ON.join(', ')}`, flag: '--fail-on' });
  }
  if (cli.preset !== undefined && !(PRESETS as readonly string[]).includes(cli.preset)) {
    problems.push({ severity: 'error', message: `--preset must be one of ${PRESETS.join(', ')}`, flag: '--preset' });
  }

  const rules = new Map<string, ResolvedRule>();
  const shellcheckLevels = new Map<string, ShellcheckLevel>();
  for (const [id, level] of [...levels].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (id.startsWith(SHELLCHECK_PREFIX)) shellcheckLevels.set(id, level);
    const meta = byId.get(id);
    if (!meta || level === 'off') continue;
    const defaults = (meta.options?.defaults ?? {}) as Record<string, unknown>;
    rules.set(id, { severity: level, options: { ...defaults, ...options.get(id) } });
  }
  const config: ResolvedConfig = {
    rules,
    settings: { ...(file?.settings ?? {}) },
    ignore: [...(file?.ignore ?? [])],
    failOn: cli.failOn ?? file?.failOn ?? DEFAULT_FAIL_ON,
    shellcheck: { enabled: cli.shellcheck ?? file?.shellcheck ?? false, levels: shellcheckLevels },
  };
  if (file) config.configPath = file.path;
  return { config, problems };
}
