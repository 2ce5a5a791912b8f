/**
 * Migration from hadolint: a `.hadolint.yaml` / `.hadolint.yml` next to a Dockerfile (or in the
 * working directory) stands in for our config when no `.compose-lint.*` applies to that file.
 * Its keys become ours: `ignored` → rules off, `override` → rule levels (hadolint's `style` is our
 * `info`), `trustedRegistries`, `label-schema`, `strict-labels` → settings, `failure-threshold` →
 * `failOn`. Codes go through the alias table, so `DL3008` configures the rule that carries it.
 */
import { readFileSync } from 'node:fs';
import { nodeIsFile } from './find.js';
import { dirname, join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { SourceFile } from '../parse/source.js';
import type { Settings } from '../engine/types.js';
import type { AliasIndex } from './aliases.js';
import type { ConfigFileData, RuleSetting } from './load.js';
import { fileProblem, type ConfigProblem } from './problem.js';
import type { FailOn, RuleLevel } from './schema.js';
import { remember } from './remember.js';

export const HADOLINT_CONFIG_NAMES = ['.hadolint.yaml', '.hadolint.yml'];

/** The hadolint config for a Dockerfile: in its folder, else in the working directory. */
export function findHadolintConfig(
  file: string,
  cwd: string,
  exists: (p: string) => boolean = nodeIsFile,
  /** Answers per folder, kept by a caller that asks for many files (the cwd is asked every time). */
  memo?: Map<string, string | null>,
): string | undefined {
  return findHadolintConfigFrom(dirname(resolve(file)), cwd, exists, memo);
}

/** findHadolintConfig for the folder of a file, given as an absolute, normal path. */
export function findHadolintConfigFrom(
  fileDir: string,
  cwd: string,
  exists: (p: string) => boolean = nodeIsFile,
  memo?: Map<string, string | null>,
): string | undefined {
  for (const dir of [fileDir, resolve(cwd)]) {
    let hit = memo?.get(dir);
    if (hit === undefined) {
      hit = HADOLINT_CONFIG_NAMES.map((n) => join(dir, n)).find(exists) ?? null;
      if (memo) remember(memo, dir, hit);
    }
    if (hit) return hit;
  }
  return undefined;
}

const THRESHOLDS: Record<string, FailOn> = { error: 'error', warning: 'warning', info: 'info', style: 'info', ignore: 'never', none: 'never' };
/** Later entries win: hadolint gives `error` precedence over `warning` over `info` over `style`. */
const OVERRIDES: [string, RuleLevel][] = [['style', 'info'], ['info', 'info'], ['warning', 'warning'], ['error', 'error']];

export function translateHadolintConfig(path: string, text: string, index: AliasIndex): { config?: ConfigFileData; problems: ConfigProblem[] } {
  const source = new SourceFile(path, text);
  const problems: ConfigProblem[] = [];
  const doc = parseDocument(text);
  if (doc.errors.length) {
    for (const e of doc.errors) problems.push(fileProblem(source, 'error', `hadolint config: ${e.message.split('\n')[0]}`, { start: e.pos[0], end: e.pos[1] }));
    return { problems };
  }
  const raw = (doc.toJS() ?? {}) as Record<string, unknown>;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(fileProblem(source, 'error', 'hadolint config must be a mapping', undefined));
    return { problems };
  }
  const warn = (message: string) => problems.push({ severity: 'warning', message, file: path });
  const list = (key: string, v: unknown): string[] => {
    if (v === undefined || v === null) return [];
    if (typeof v === 'string') return v.split(',').map((s) => s.trim()).filter(Boolean);
    if (Array.isArray(v)) return v.map(String);
    warn(`${key} should be a list`);
    return [];
  };
  const rules = new Map<string, RuleSetting>();
  const setLevel = (code: string, level: RuleLevel, key: string) => {
    const match = index.lookup(code);
    if (!match) {
      warn(`${key}: ${code} has no compose-lint rule yet; ignored`);
      return;
    }
    for (const id of match.ids) rules.set(id, { level, key: code });
  };
  const override = (raw.override ?? {}) as Record<string, unknown>;
  for (const [name, level] of OVERRIDES) for (const code of list(`override.${name}`, override[name])) setLevel(code, level, `override.${name}`);
  for (const code of list('ignored', raw.ignored)) setLevel(code, 'off', 'ignored');

  const settings: Settings = {};
  const trusted = list('trustedRegistries', raw.trustedRegistries);
  if (trusted.length) settings.trustedRegistries = trusted;
  const schema = raw['label-schema'];
  if (schema && typeof schema === 'object' && !Array.isArray(schema)) {
    settings.labelSchema = Object.fromEntries(Object.entries(schema as Record<string, unknown>).map(([k, v]) => [k, v == null ? 'text' : String(v)]));
  }
  if (raw['strict-labels'] === true) settings.strictLabels = true;

  const config: ConfigFileData = { path, rules, ignore: [], settings };
  const threshold = raw['failure-threshold'];
  if (typeof threshold === 'string') {
    const failOn = THRESHOLDS[threshold];
    if (failOn) config.failOn = failOn;
    else warn(`failure-threshold "${threshold}" is not one of ${Object.keys(THRESHOLDS).join(', ')}`);
  }
  if (raw['no-fail'] === true) config.failOn = 'never';
  return { config, problems };
}

export function loadHadolintConfig(path: string, index: AliasIndex): { config?: ConfigFileData; problems: ConfigProblem[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { problems: [{ severity: 'error', message: `cannot read hadolint config: ${(e as Error).message}`, file: path }] };
  }
  return translateHadolintConfig(path, text, index);
}
