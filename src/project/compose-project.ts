/**
 * Resolves compose files into stacks, the projects Compose would run: which files go together
 * (compose.yaml + compose.override.yaml, `--file` lists, COMPOSE_FILE), `include` (each included
 * project with its own folder and variables), the merge of the files, `extends`, profiles and
 * the project name. Problems Compose would refuse (missing files, cycles) are collected for rules.
 */
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { visit } from 'yaml';
import type { ComposeFile, ComposeService, YMap, YMapEntry, YNode } from '../parse/compose/model.js';
import { resourcesOf, serviceOf } from '../parse/compose/services.js';
import { YMapImpl } from '../parse/compose/ynodes.js';
import type { EnvFile } from '../parse/env/model.js';
import type { FileSystem } from './fs.js';
import type { ComposeStack, StackProblem, StackService } from './model.js';
import { mergeMaps, type TagOf } from './compose-merge.js';

export const DEFAULT_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
export const OVERRIDE_FILES = ['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml'];
interface ChainLink {
  key: string;
  name: string;
  /** The `extends` target written in this service. */
  at: StackProblem['at'];
}

const IMPORTED_SECTIONS = ['services', 'volumes', 'networks', 'secrets', 'configs', 'models'];

export interface StackOptions {
  /** Absent in pure contexts (rules): nothing beyond the given files is read. */
  fs?: FileSystem;
  /** The process environment; it wins over `.env`. */
  env: Record<string, string | undefined>;
  /** `--file` paths (absolute), in order: one explicit stack. */
  files?: readonly string[];
  /** `--profile` names. */
  profiles?: readonly string[];
  loadEnv?(path: string): EnvFile | undefined;
  /** A compose file parsed with these variables (cached by the caller). */
  loadCompose?(path: string, variables: Map<string, string>): ComposeFile | undefined;
}

const truthy = (v: string | undefined) => v !== undefined && /^(1|true|yes|on)$/i.test(v);

/** `.env` of a project folder (unless COMPOSE_DISABLE_ENV_FILE), then the environment over it. */
export function projectVariables(dir: string, opts: StackOptions, envFiles?: readonly string[]): Map<string, string> {
  const vars = new Map<string, string>();
  const files = envFiles ?? (truthy(opts.env['COMPOSE_DISABLE_ENV_FILE']) ? [] : [join(dir, '.env')]);
  for (const f of files) for (const e of opts.loadEnv?.(f)?.entries ?? []) vars.set(e.key, e.value);
  for (const [k, v] of Object.entries(opts.env)) if (v !== undefined) vars.set(k, v);
  return vars;
}

/** Compose's rule for names taken from a folder: lower-cased, only `[a-z0-9_-]`, starting with a letter or digit. */
export function normalizeProjectName(raw: string): string {
  return raw.toLowerCase().replace(/[^a-z0-9_-]/g, '').replace(/^[^a-z0-9]+/, '');
}

function str(node: YNode | undefined): string | undefined {
  return node?.kind === 'scalar' && node.value !== null ? String(node.value) : undefined;
}

/** A value built from a variable nobody set: its real text is unknown, so it is not judged. */
function unresolved(node: YNode | undefined): boolean {
  return node?.kind === 'scalar' && node.vars.some((v) => !v.defined && (v.operator === '' || v.operator === '?' || v.operator === ':?'));
}

const tagCache = new WeakMap<ComposeFile, Map<number, '!reset' | '!override'>>();
function tagsOf(file: ComposeFile): Map<number, '!reset' | '!override'> {
  let tags = tagCache.get(file);
  if (tags) return tags;
  tags = new Map();
  const found = tags;
  // Asking for the document parses the file again: only worth it when a tag may be there.
  if (!file.source.text.includes('!reset') && !file.source.text.includes('!override')) {
    tagCache.set(file, tags);
    return tags;
  }
  visit(file.document, {
    Node(_key, node) {
      const tag = (node as { tag?: string }).tag;
      const range = (node as { range?: [number, number, number] }).range;
      if ((tag === '!reset' || tag === '!override') && range) found.set(range[0], tag);
    },
  });
  tagCache.set(file, tags);
  return tags;
}

class StackBuilder {
  readonly problems: StackProblem[] = [];
  readonly related = new Map<string, ComposeFile>();
  private readonly reported = new Set<string>();

  constructor(
    private readonly opts: StackOptions,
    private readonly known: Map<string, ComposeFile>,
  ) {}

  readonly tagOf: TagOf = (node) => {
    const file = this.known.get(node.range.path) ?? this.related.get(node.range.path);
    return file ? tagsOf(file).get(node.range.start) : undefined;
  };

  private load(path: string, variables: Map<string, string>): ComposeFile | undefined {
    if (this.opts.fs && this.opts.fs.kind(path) !== 'file') return undefined;
    const file = this.opts.loadCompose?.(path, variables);
    if (file && !this.known.has(path)) this.related.set(path, file);
    return file;
  }

  private problem(kind: StackProblem['kind'], at: StackProblem['at'], data: Record<string, string>): void {
    const key = data['members'] !== undefined ? `${kind}\0${data['members']}` : `${kind}\0${at.path}\0${at.start}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.problems.push({ kind, at, data });
  }

  /** The merged root of `files`, with their includes imported and `extends` applied. */
  mergedRoot(files: readonly ComposeFile[], chain: readonly string[]): YMap | undefined {
    let root: YMap | undefined;
    for (const file of files) {
      if (!file.root) continue;
      const withIncludes = this.applyIncludes(file, file.root, [...chain, file.path]);
      root = root ? mergeMaps(root, withIncludes, [], this.tagOf) : withIncludes;
    }
    return root && this.applyExtends(root);
  }

  private applyIncludes(file: ComposeFile, root: YMap, chain: readonly string[]): YMap {
    const include = root.get('include');
    if (!include || include.kind !== 'seq') return root;
    const dir = dirname(file.path);
    let out = root;
    for (const item of include.items) {
      const pathNodes: YNode[] = [];
      let projectDir: string | undefined;
      let envFiles: string[] | undefined;
      if (item.kind === 'map') {
        const p = item.get('path');
        if (p?.kind === 'seq') pathNodes.push(...p.items);
        else if (p) pathNodes.push(p);
        const pd = str(item.get('project_directory'));
        if (pd !== undefined) projectDir = resolve(dir, pd);
        const ef = item.get('env_file');
        const efs = ef?.kind === 'seq' ? ef.items.map(str) : [str(ef)];
        if (ef) envFiles = efs.filter((e): e is string => e !== undefined).map((e) => resolve(dir, e));
      } else pathNodes.push(item);
      const paths: string[] = [];
      for (const node of pathNodes) {
        const p = str(node);
        if (p === undefined || p === '' || unresolved(node)) continue;
        const abs = resolve(dir, p);
        if (chain.includes(abs)) {
          const names = [...chain.slice(chain.indexOf(abs)), abs].map((c) => relative(dirname(abs), c).split(sep).join('/'));
          const members = [...chain.slice(chain.indexOf(abs))].sort().join('\n');
          this.problem('include-cycle', node.range, { file: p, chain: names.join(' → '), members });
          continue;
        }
        if (this.opts.fs && this.opts.fs.kind(abs) !== 'file' && this.opts.fs.kind(abs) !== 'symlink') {
          this.problem('include-missing-file', node.range, { file: p });
          continue;
        }
        paths.push(abs);
      }
      if (!paths.length || !this.opts.loadCompose) continue;
      const incDir = projectDir ?? dirname(paths[0]!);
      const vars = projectVariables(incDir, this.opts, envFiles);
      const files = paths.map((p) => this.load(p, vars)).filter((f): f is ComposeFile => f !== undefined);
      const incRoot = this.mergedRoot(files, chain);
      if (incRoot) out = importResources(out, incRoot);
    }
    return out;
  }

  private applyExtends(root: YMap): YMap {
    const services = root.entry('services');
    if (!services || services.value.kind !== 'map') return root;
    const svcMap = services.value;
    const resolved = svcMap.entries.map((e) => ({ ...e, value: this.resolveService(e.key, e.value, root, []) }));
    const newServices = new YMapImpl(svcMap.range, svcMap.path, resolved);
    return new YMapImpl(root.range, root.path, root.entries.map((e) => (e === services ? { ...e, value: newServices } : e)));
  }

  /** `node` with its `extends` chain merged under it; `chain` holds the services being resolved. */
  private resolveService(name: string, node: YNode, root: YMap, chain: readonly ChainLink[]): YNode {
    if (node.kind !== 'map') return node;
    const ext = node.get('extends');
    if (!ext) return node;
    const targetNode = ext.kind === 'map' ? ext.get('service') : ext;
    const target = str(targetNode);
    if (target === undefined || !targetNode || unresolved(targetNode)) return node;
    // A service is known by the file its map is written in, however it was reached.
    const path = [...chain, { key: `${node.range.path}\0${name}`, name, at: targetNode.range }];
    let baseRoot = root;
    const fileNode = ext.kind === 'map' ? ext.get('file') : undefined;
    const file = str(fileNode);
    if (fileNode && file !== undefined) {
      // Remote bases (`oci://…`, git URLs, loader prefixes such as `remote:`) cannot be read here.
      if (unresolved(fileNode) || !this.opts.loadCompose || /^[a-z][a-z0-9+.-]+:/i.test(file) || file.startsWith('git@')) return node;
      const abs = resolve(dirname(fileNode.range.path), file);
      const other = this.load(abs, this.variablesOf(fileNode.range.path));
      if (!other) this.problem('extends-missing-file', fileNode.range, { service: name, file });
      if (!other?.root) return node;
      baseRoot = other.root;
    }
    const services = baseRoot.get('services');
    const base = services?.kind === 'map' ? services.get(target) : undefined;
    if (!base) {
      this.problem('extends-unknown-service', targetNode.range, { service: name, target, file: file ?? '' });
      return node;
    }
    const key = `${base.range.path}\0${target}`;
    const seen = path.findIndex((c) => c.key === key);
    if (seen >= 0) {
      const loop = path.slice(seen);
      const members = loop.map((c) => c.key).sort().join('\n');
      this.problem('extends-cycle', loop[0]!.at, { service: loop[0]!.name, chain: [...loop.map((c) => c.name), target].join(' → '), members });
      return node;
    }
    const resolvedBase = this.resolveService(target, base, baseRoot, path);
    if (resolvedBase.kind !== 'map') return node;
    return mergeMaps(resolvedBase, node, ['services', name], this.tagOf);
  }

  private variablesOf(path: string): Map<string, string> {
    return (this.known.get(path) ?? this.related.get(path))?.variables ?? new Map();
  }
}

/** Included resources are added unless the including project declares the same name. */
function importResources(root: YMap, included: YMap): YMap {
  const entries: YMapEntry[] = [...root.entries];
  for (const section of IMPORTED_SECTIONS) {
    const inc = included.get(section);
    if (!inc || inc.kind !== 'map' || !inc.entries.length) continue;
    const i = entries.findIndex((e) => e.key === section);
    const mine = i >= 0 ? entries[i]!.value : undefined;
    if (mine && mine.kind === 'map') {
      const extra = inc.entries.filter((e) => !mine.entry(e.key));
      entries[i] = { ...entries[i]!, value: new YMapImpl(mine.range, mine.path, [...mine.entries, ...extra]) };
    } else if (!mine || (mine.kind === 'scalar' && mine.value === null)) {
      const entry: YMapEntry = { key: section, keyRange: inc.range, value: inc, merged: false };
      if (i >= 0) entries[i] = entry;
      else entries.push(entry);
    }
  }
  return new YMapImpl(root.range, root.path, entries);
}

function splitList(value: string | undefined, sep: string): string[] {
  return (value ?? '')
    .split(sep)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** One stack from its files (already parsed), with the project folder's variables. */
export function buildStack(files: readonly ComposeFile[], opts: StackOptions): ComposeStack {
  const dir = dirname(files[0]?.path ?? '.');
  const known = new Map(files.map((f) => [f.path, f] as const));
  const builder = new StackBuilder(opts, known);
  const root = builder.mergedRoot(files, []);
  const vars = files[0]?.variables ?? new Map<string, string>();
  const selected = [...(opts.profiles ?? []), ...splitList(vars.get('COMPOSE_PROFILES'), ',')];
  const profilesSelected = selected.length > 0;
  const fileOf = (path: string) => known.get(path) ?? builder.related.get(path);
  // A service entry that no override, include or `extends` changed is the very entry the parse
  // modelled: its model is copied instead of being built a second time.
  const parsed = new Map<YNode, ComposeService>();
  for (const f of [...files, ...builder.related.values()]) for (const s of f.services) parsed.set(s.node, s);
  const services: StackService[] = [];
  const svcNode = root?.get('services');
  if (svcNode?.kind === 'map') {
    for (const e of svcNode.entries) {
      const own = parsed.get(e.value);
      let svc: StackService;
      if (own && own.name === e.key && own.nameRange === e.keyRange) svc = { ...own } as StackService;
      else {
        const image = e.value.kind === 'map' ? e.value.get('image') : undefined;
        const text = (image && fileOf(image.range.path)?.source.text) ?? '';
        svc = serviceOf(e.key, e.keyRange, e.value, text) as StackService;
      }
      svc.active = svc.profiles.length === 0 || svc.profiles.some((p) => selected.includes(p) || selected.includes('*'));
      services.push(svc);
    }
  }
  const written = [...files].reverse().find((f) => f.name?.value)?.name?.value;
  const envName = vars.get('COMPOSE_PROJECT_NAME');
  const name = envName || written || normalizeProjectName(basename(dir)) || 'project';
  return {
    dir,
    files: [...files],
    related: [...builder.related.values()],
    name,
    profiles: selected,
    profilesSelected,
    ...(root ? { root } : {}),
    services,
    volumes: resourcesOf(root?.get('volumes')),
    networks: resourcesOf(root?.get('networks')),
    secrets: resourcesOf(root?.get('secrets')),
    configs: resourcesOf(root?.get('configs')),
    problems: builder.problems,
    fileOf,
  };
}

/**
 * Groups the linted compose files into stacks: the `--file` list; per folder, COMPOSE_FILE or the
 * default file with its override; every other file alone. Files of a stack that were not linted
 * (an override next to a linted compose.yaml) are read through `loadCompose`.
 */
export function resolveStacks(linted: readonly ComposeFile[], opts: StackOptions): ComposeStack[] {
  const byPath = new Map(linted.map((f) => [f.path, f] as const));
  const used = new Set<string>();
  const stacks: ComposeStack[] = [];
  const fs = opts.fs;
  const exists = (p: string) => (fs ? fs.kind(p) === 'file' || fs.kind(p) === 'symlink' : byPath.has(p));
  const take = (paths: readonly string[], dir: string) => {
    const vars = projectVariables(dir, opts);
    const files: ComposeFile[] = [];
    for (const p of paths) {
      // A linted file of the project folder was parsed with the same variables: reuse it.
      const own = byPath.get(p);
      const f = own && dirname(p) === dir ? own : exists(p) ? opts.loadCompose?.(p, vars) ?? own : undefined;
      if (f && !files.includes(f)) files.push(f);
      used.add(p);
    }
    if (files.length) stacks.push(buildStack(files, opts));
  };

  if (opts.files?.length) take(opts.files, dirname(opts.files[0]!));
  const dirs = new Map<string, ComposeFile[]>();
  for (const f of linted) {
    if (used.has(f.path)) continue;
    const d = dirname(f.path);
    let list = dirs.get(d);
    if (!list) dirs.set(d, (list = []));
    list.push(f);
  }
  for (const [dir, files] of dirs) {
    const vars = projectVariables(dir, opts);
    let planned: string[] = [];
    const listed = vars.get('COMPOSE_FILE');
    if (listed) {
      const sep = vars.get('COMPOSE_PATH_SEPARATOR') || (process.platform === 'win32' ? ';' : ':');
      planned = splitList(listed, sep).map((p) => resolve(dir, p));
    } else {
      const main = DEFAULT_FILES.map((n) => join(dir, n)).find(exists);
      const override = OVERRIDE_FILES.map((n) => join(dir, n)).find(exists);
      if (main) planned = override ? [main, override] : [main];
    }
    if (planned.some((p) => files.some((f) => f.path === p))) take(planned, dir);
    for (const f of files) if (!used.has(f.path)) take([f.path], dir);
  }
  return stacks;
}

/** The stacks of a project; a project built without them (unit tests) gets one per file. */
export function stacksOf(project: { composeStacks?: ComposeStack[]; composeProjects: { compose: ComposeFile }[] }): ComposeStack[] {
  return project.composeStacks ?? project.composeProjects.map((cp) => buildStack([cp.compose], { env: {} }));
}

/**
 * Whether two services of a stack can be up at the same time. With profiles selected, exactly
 * the active ones run; otherwise services in disjoint profiles are taken as alternatives (`cpu`
 * vs `gpu`), and anything else may meet.
 */
export function canRunTogether(a: StackService, b: StackService, stack: ComposeStack): boolean {
  if (stack.profilesSelected) return a.active && b.active;
  if (!a.profiles.length || !b.profiles.length) return true;
  return a.profiles.some((p) => b.profiles.includes(p));
}
