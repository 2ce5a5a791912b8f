/**
 * Reads one config file: YAML or JSON (parsed with `yaml`, which also keeps node positions),
 * rule keys normalised through the alias table, then the whole document checked against the
 * schema generated from rule metadata. Every mistake becomes a positioned {@link ConfigProblem}.
 */
import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import type { Settings } from '../engine/types.js';
import { SourceFile } from '../parse/source.js';
import type { AliasIndex } from './aliases.js';
import { didYouMean } from '../text/did-you-mean.js';
import { fileProblem, hasErrors, type ConfigProblem } from './problem.js';
import type { FailOn, Preset, RuleLevel } from './schema.js';
import type { ConfigSchemaError, ConfigValidator } from './validator.js';
import { keyNamespace, pluginNamespace } from '../plugins/namespace.js';

export interface RuleSetting {
  level: RuleLevel;
  options?: Record<string, unknown>;
  /** The key as written (an id or an alias), for messages. */
  key: string;
}

export interface ConfigFileData {
  path: string;
  /** Absent when the file does not say, so the default (or `--preset`) applies. */
  extends?: Preset[];
  /** By rule id. */
  rules: Map<string, RuleSetting>;
  ignore: string[];
  settings: Settings;
  failOn?: FailOn;
  /** `shellcheck: true`: run ShellCheck on RUN scripts. */
  shellcheck?: boolean;
  /** `plugins:` as written (package names or local paths). */
  plugins?: string[];
  /** `rules:` entries of plugin rules, unchecked: plugin rules are known only once loaded. */
  pluginRules?: Map<string, unknown>;
  /** A problem placed at a JSON pointer of this file (`/plugins/0`), for checks made later. */
  problemAt?(pointer: string, message: string, hint?: string): ConfigProblem;
}

export interface LoadResult {
  /** Undefined when any problem is an error. */
  config?: ConfigFileData;
  problems: ConfigProblem[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

interface Located {
  node?: Node;
  key?: Node;
}

function nodeRange(n: Node | undefined): { start: number; end: number } | undefined {
  return n?.range ? { start: n.range[0], end: n.range[1] } : undefined;
}

function findPair(map: Node, key: string): Pair<Node, Node> | undefined {
  if (!isMap(map)) return undefined;
  for (const pair of map.items as Pair<Node, Node>[]) {
    const k = pair.key;
    if (isScalar(k) ? String(k.value) === key : false) return pair;
  }
  return undefined;
}

/** Walks a JSON pointer through the YAML tree; `rulesKeys` maps normalised rule keys back. */
function locate(root: Node | null, pointer: string, rulesKeys: Map<string, string>): Located {
  const segs = pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: Node | undefined = root ?? undefined;
  let key: Node | undefined;
  for (let i = 0; i < segs.length && node; i++) {
    let seg = segs[i]!;
    if (i === 1 && segs[0] === 'rules') seg = rulesKeys.get(seg) ?? seg;
    if (isSeq(node)) {
      node = node.items[Number(seg)] as Node | undefined;
      key = undefined;
    } else {
      const pair = findPair(node, seg);
      key = pair?.key ?? undefined;
      node = pair?.value ?? key;
    }
  }
  return { node, key };
}

function displayPath(pointer: string): string {
  if (pointer === '') return 'config';
  let out = '';
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(seg) ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  }
  return out;
}

/**
 * The schema that applies at an instance path, walking properties, tuple items and $refs, and
 * taking the if/then/else branch our schema uses for "string or array" values by the data type.
 * (ajv's schemaPath is relative to the last $ref, so it cannot be resolved from the root.)
 */
function schemaFor(root: Obj, pointer: string, data: unknown): Obj | undefined {
  const settle = (s: unknown, value: unknown): Obj | undefined => {
    for (let i = 0; i < 8 && isObj(s); i++) {
      if (typeof s.$ref === 'string' && s.$ref.startsWith('#/')) {
        s = s.$ref.slice(2).split('/').reduce<unknown>((o, k) => (isObj(o) ? o[k] : undefined), root);
      } else if ('if' in s) {
        s = typeof value === 'string' ? s.then : s.else;
      } else {
        return s;
      }
    }
    return isObj(s) ? s : undefined;
  };
  let cur = settle(root, data);
  let value: unknown = data;
  for (const raw of pointer === '' ? [] : pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    value = isObj(value) || Array.isArray(value) ? (value as Obj)[seg] : undefined;
    if (!cur) return undefined;
    const props = cur.properties as Obj | undefined;
    const items = cur.items;
    const next = props && seg in props ? props[seg] : Array.isArray(items) ? items[Number(seg)] : isObj(items) ? items : undefined;
    cur = settle(next, value);
  }
  return cur;
}

function describe(err: ConfigSchemaError, schema: Obj, data: unknown, root: unknown): { message: string; hint?: string } | undefined {
  const where = displayPath(err.instancePath);
  const params = err.params as Obj;
  switch (err.keyword) {
    case 'if':
      return undefined; // the failing then/else branch says what is wrong
    case 'additionalProperties': {
      const prop = String(params.additionalProperty);
      const parent = schemaFor(schema, err.instancePath, root);
      const known = Object.keys((parent?.properties as Obj | undefined) ?? {});
      const near = didYouMean(prop, known);
      const isOption = /^\/rules\/[^/]+\/1$/.test(err.instancePath);
      const what = isOption ? `unknown option "${prop}" for rule ${err.instancePath.split('/')[2]}` : `unknown key "${prop}" in ${where}`;
      return { message: what, ...(near ? { hint: `did you mean "${near}"?` } : {}) };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const near = typeof data === 'string' ? didYouMean(data, allowed) : undefined;
      return {
        message: `${where} must be one of ${allowed.join(', ')}`,
        ...(near ? { hint: `did you mean "${near}"?` } : {}),
      };
    }
    case 'type':
      return { message: `${where} must be ${String(params.type)}` };
    default:
      return { message: `${where} ${err.message ?? 'is invalid'}` };
  }
}

function valueAt(data: unknown, pointer: string): unknown {
  let cur = data;
  for (const raw of pointer === '' ? [] : pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    cur = isObj(cur) || Array.isArray(cur) ? (cur as Obj)[seg] : undefined;
  }
  return cur;
}

export function parseConfig(path: string, text: string, validator: ConfigValidator, index: AliasIndex): LoadResult {
  const source = new SourceFile(path, text);
  const problems: ConfigProblem[] = [];
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  for (const e of doc.errors) {
    problems.push(fileProblem(source, 'error', e.message.split('\n')[0]!, { start: e.pos[0], end: e.pos[1] }));
  }
  if (problems.length) return { problems };

  const root = doc.contents as Node | null;
  const raw: unknown = doc.toJS() ?? {};
  if (!isObj(raw)) {
    problems.push(fileProblem(source, 'error', 'the config must be a mapping of keys to values', nodeRange(root ?? undefined)));
    return { problems };
  }

  // Rule keys are ids or aliases; normalise their spelling before the schema sees them so that
  // unknown keys get a did-you-mean over every id and alias rather than a bare "not allowed".
  const rulesKeys = new Map<string, string>();
  const seenIds = new Map<string, string>();
  const data: Obj = { ...raw };
  const pluginNames = Array.isArray(raw.plugins) ? raw.plugins.filter((p): p is string => typeof p === 'string') : [];
  const pluginNs = new Set(pluginNames.map(pluginNamespace));
  const pluginRules = new Map<string, unknown>();
  if (isObj(raw.rules)) {
    const rulesNode = findPair(root!, 'rules')?.value ?? undefined;
    const normalised: Obj = {};
    for (const [key, value] of Object.entries(raw.rules)) {
      const keyNode = rulesNode ? findPair(rulesNode, key)?.key ?? undefined : undefined;
      const ns = keyNamespace(key);
      if (ns !== undefined && pluginNs.has(ns)) {
        pluginRules.set(key, value);
        continue;
      }
      const match = index.lookup(key);
      if (!match) {
        const near = index.suggest(key);
        problems.push(
          fileProblem(source, 'error', `unknown rule "${key}"`, nodeRange(keyNode), near ? `did you mean "${near}"?` : undefined),
        );
        continue;
      }
      if (match.hint) problems.push(fileProblem(source, 'warning', `rule key "${key}" is spelled differently upstream`, nodeRange(keyNode), match.hint));
      const clash = match.ids.map((id) => [id, seenIds.get(id)] as const).find(([, k]) => k !== undefined);
      if (clash) {
        problems.push(
          fileProblem(source, 'error', `"${key}" and "${clash[1]}" both configure rule ${clash[0]}; keep one`, nodeRange(keyNode)),
        );
        continue;
      }
      for (const id of match.ids) seenIds.set(id, key);
      rulesKeys.set(match.canonical, key);
      normalised[match.canonical] = value;
    }
    data.rules = normalised;
  }

  if (!validator.validate(data)) {
    for (const err of validator.validate.errors ?? []) {
      const d = describe(err, validator.schema, valueAt(data, err.instancePath), data);
      if (!d) continue;
      const at = locate(root, err.instancePath, rulesKeys);
      let range = nodeRange(at.node) ?? nodeRange(at.key);
      if (err.keyword === 'additionalProperties' && at.node) {
        const prop = String((err.params as Obj).additionalProperty);
        range = nodeRange(findPair(at.node, prop)?.key ?? undefined) ?? range;
      }
      problems.push(fileProblem(source, 'error', d.message, range, d.hint));
    }
  }
  if (hasErrors(problems)) return { problems };

  const rules = new Map<string, RuleSetting>();
  for (const [canonical, value] of Object.entries((data.rules as Obj | undefined) ?? {})) {
    const key = rulesKeys.get(canonical)!;
    const [level, options] = (Array.isArray(value) ? value : [value]) as [RuleLevel, Obj | undefined];
    for (const id of index.lookup(canonical)!.ids) {
      rules.set(id, options ? { level, options, key } : { level, key });
    }
  }
  const ext = data.extends;
  const config: ConfigFileData = {
    path,
    rules,
    ignore: (data.ignore as string[] | undefined) ?? [],
    settings: (data.settings as Settings | undefined) ?? {},
  };
  if (ext !== undefined) config.extends = (Array.isArray(ext) ? ext : [ext]) as Preset[];
  if (data.failOn !== undefined) config.failOn = data.failOn as FailOn;
  if (typeof data.shellcheck === 'boolean') config.shellcheck = data.shellcheck;
  if (pluginNames.length) {
    config.plugins = pluginNames;
    config.pluginRules = pluginRules;
    config.problemAt = (pointer, message, hint) => {
      const at = locate(root, pointer, rulesKeys);
      return fileProblem(source, 'error', message, nodeRange(at.key) ?? nodeRange(at.node), hint);
    };
  }
  return { config, problems };
}

/** Reads and parses a config file; an unreadable file is a problem too. */
export function loadConfigFile(path: string, validator: ConfigValidator, index: AliasIndex): LoadResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (e as Error).message;
    return { problems: [{ severity: 'error', message: `cannot read config: ${reason}`, file: path }] };
  }
  return parseConfig(path, text, validator, index);
}
