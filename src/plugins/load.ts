/**
 * Loads a plugin named in a config file. Resolution starts from the config file's folder, as a
 * project installs its plugins next to its config, not next to compose-lint. Loading is
 * synchronous (`require`, which on Node >= 20.19 also loads ES modules) because configs are read
 * lazily, file by file, from synchronous code.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Category, Rule, RuleKind, RuleMeta, Severity } from '../engine/types.js';
import { isLocalPlugin, pluginNamespace, RESERVED_NAMESPACES } from './namespace.js';

export interface LoadedPlugin {
  /** As written in `plugins:`. */
  name: string;
  namespace: string;
  /** The resolved entry file. */
  file: string;
  /** With namespaced ids. */
  rules: Rule[];
}

export class PluginLoadError extends Error {}

const KINDS: readonly RuleKind[] = ['dockerfile', 'compose', 'project'];
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const CATEGORIES: readonly Category[] = ['correctness', 'security', 'reliability', 'best-practice', 'style'];
const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Loaded once per entry file (and namespace) and process: many configs may name one plugin. */
const cache = new Map<string, LoadedPlugin | PluginLoadError>();

function ruleList(mod: unknown): unknown[] | undefined {
  if (Array.isArray(mod)) return mod;
  if (!isObj(mod)) return undefined;
  if (Array.isArray(mod.default)) return mod.default;
  if (Array.isArray(mod.rules)) return mod.rules;
  if (isObj(mod.default) && Array.isArray(mod.default.rules)) return mod.default.rules;
  return undefined;
}

/** Checks what TypeScript cannot check in a JavaScript plugin, and namespaces the id. */
function adopt(raw: unknown, i: number, namespace: string, docsUrl: string | undefined): Rule {
  const bad = (what: string) => new PluginLoadError(`rule #${i + 1}${isObj(raw) && isObj(raw.meta) && typeof raw.meta.id === 'string' ? ` (${raw.meta.id})` : ''}: ${what}`);
  if (!isObj(raw) || !isObj(raw.meta) || typeof raw.create !== 'function') throw bad('not a rule (expected { meta, create }, as defineRule returns)');
  const m = raw.meta;
  if (typeof m.id !== 'string' || !RULE_ID.test(m.id)) throw bad('meta.id must be a kebab-case string');
  if (!KINDS.includes(m.kind as RuleKind)) throw bad(`meta.kind must be one of ${KINDS.join(', ')}`);
  if (!SEVERITIES.includes(m.severity as Severity)) throw bad(`meta.severity must be one of ${SEVERITIES.join(', ')}`);
  if (m.category !== undefined && !CATEGORIES.includes(m.category as Category)) throw bad(`meta.category must be one of ${CATEGORIES.join(', ')}`);
  if (typeof m.summary !== 'string') throw bad('meta.summary must be a string');
  if (!isObj(m.messages) || !Object.values(m.messages).every((v) => typeof v === 'string')) throw bad('meta.messages must map message ids to strings');
  if (m.fix !== undefined && m.fix !== 'safe' && m.fix !== 'unsafe') throw bad('meta.fix must be "safe" or "unsafe"');
  if (m.options !== undefined && !(isObj(m.options) && isObj(m.options.schema) && isObj(m.options.defaults))) {
    throw bad('meta.options must be { schema, defaults }');
  }
  const meta = {
    ...(m as unknown as RuleMeta<any>),
    id: `${namespace}/${m.id}`,
    category: (m.category as Category | undefined) ?? 'best-practice',
    recommended: m.recommended === true,
    // Upstream aliases belong to our own rules; a plugin's would clash with them.
    aliases: [],
    since: typeof m.since === 'string' ? m.since : '',
    ...(typeof m.docsUrl === 'string' ? { docsUrl: m.docsUrl } : docsUrl ? { docsUrl } : {}),
  };
  const create = raw.create as Rule['create'];
  return { meta, create: (ctx) => create(ctx) };
}

/** Where a plugin rule without its own `docsUrl` sends readers: the package's page, or its file. */
function homepage(name: string, file: string): string {
  return isLocalPlugin(name) ? pathToFileURL(file).href : `https://www.npmjs.com/package/${name}`;
}

/** Loads `name` as seen from the config file at `configPath`; throws {@link PluginLoadError}. */
export function loadPlugin(name: string, configPath: string): LoadedPlugin {
  const namespace = pluginNamespace(name);
  if (RESERVED_NAMESPACES.has(namespace)) throw new PluginLoadError(`its namespace "${namespace}" is reserved`);
  const require = createRequire(configPath);
  let file: string;
  try {
    file = require.resolve(name);
  } catch {
    throw new PluginLoadError(
      isLocalPlugin(name) ? 'no such file or folder' : `not found from ${configPath}'s folder; install it there (npm install --save-dev ${name})`,
    );
  }
  const key = `${file}\0${namespace}`;
  const hit = cache.get(key);
  if (hit instanceof PluginLoadError) throw hit;
  if (hit) return hit;
  let plugin: LoadedPlugin | PluginLoadError;
  try {
    let mod: unknown;
    try {
      mod = require(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ERR_REQUIRE_ESM') throw new PluginLoadError('it is an ES module, which needs Node.js 20.19 or newer to load');
      if (code === 'ERR_REQUIRE_ASYNC_MODULE') throw new PluginLoadError('it uses top-level await, which a plugin may not');
      throw new PluginLoadError(`it threw while loading: ${(e as Error).message ?? e}`);
    }
    const list = ruleList(mod);
    if (!list) throw new PluginLoadError('it exports no rules (expected a default export or a `rules` export holding a list of rules)');
    const rules = list.map((r, i) => adopt(r, i, namespace, homepage(name, file)));
    const seen = new Set<string>();
    for (const r of rules) {
      if (seen.has(r.meta.id)) throw new PluginLoadError(`it defines rule ${r.meta.id} twice`);
      seen.add(r.meta.id);
    }
    plugin = { name, namespace, file, rules };
  } catch (e) {
    if (!(e instanceof PluginLoadError)) throw e;
    plugin = e;
  }
  cache.set(key, plugin);
  if (plugin instanceof PluginLoadError) throw plugin;
  return plugin;
}
