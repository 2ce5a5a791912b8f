/**
 * The whole run, shared by the CLI and the tests: discover → read and parse each file once →
 * build the project graph → run the rules enabled for each file's config → apply suppressions →
 * sorted results. Never throws on user input: unreadable or broken files become findings.
 */
import { dirname, join, resolve } from 'node:path';
import { discoverSync, kindFromContent, kindFromName, type FileKind } from '../cli/discover.js';
import { cachingFileSystem } from '../project/cached-fs.js';
import { nodeFileSystem, type FileSystem } from '../project/fs.js';
import { buildProject } from '../project/graph.js';
import { projectVariables, resolveStacks } from '../project/compose-project.js';
import { SourceFile } from '../parse/source.js';
import { parseDockerfile } from '../parse/dockerfile/parse.js';
import { parseCompose } from '../parse/compose/parse.js';
import { parseEnvFile } from '../parse/env/parse.js';
import { parseDockerignore } from '../parse/dockerignore/parse.js';
import type { Dockerfile } from '../parse/dockerfile/model.js';
import type { Project } from '../project/model.js';
import type { ComposeFile } from '../parse/compose/model.js';
import type { EnvFile } from '../parse/env/model.js';
import type { DockerIgnore } from '../parse/dockerignore/model.js';
import { formatMessage, runRules, type ActiveRule } from './run.js';
import type { FileResult, Finding, Settings } from './types.js';
import { runShellcheck, type ShellcheckSettings } from './shellcheck.js';
import { applySuppressions, type SuppressionOutcome } from './suppress.js';
import { guardFileSystem } from './file-guard.js';

/** The rules and settings in force for one file (from the config that applies to it). */
export interface EffectiveConfig {
  /** Files whose configs share a key are linted together (usually there is one key). */
  key: string;
  rules: readonly ActiveRule[];
  settings: Settings;
  /** Resolves a rule id or alias (DL3007, FromAsCasing, …) to our ids, for inline directives. */
  resolveId(code: string): string | readonly string[] | undefined;
  /** ShellCheck on RUN scripts (the `shellcheck/SCnnnn` findings); off when absent. */
  shellcheck?: ShellcheckSettings;
}

export interface ConfigProvider {
  forFile(path: string): EffectiveConfig;
  /** Whether a file found by walking a folder is left out by the `ignore` globs of its config. */
  isIgnored(path: string): boolean;
  /**
   * Look for config files through this view of the run (its folder listings) rather than the
   * disk: the walk has listed every folder a lookup asks about. Optional for other providers.
   */
  lookUpThrough?(fs: FileSystem): void;
}

export interface LintRequest {
  cwd: string;
  paths: string[];
  config: ConfigProvider;
  fs?: FileSystem;
  kind?: FileKind;
  /** `-` on the command line: the text and the name it stands for. */
  stdin?: { text: string; filename: string };
  /** Variables for compose interpolation (the process environment in the CLI). */
  env?: Record<string, string | undefined>;
  /** `--file` paths: compose files merged in this order into one project (also linted). */
  files?: string[];
  /** `--profile` names: services of these profiles count as active. */
  profiles?: string[];
}

export interface LintOutcome {
  results: FileResult[];
  /** Usage-level problems (a path that does not exist, an undecidable kind). */
  errors: string[];
  /** Bugs of ours (a rule threw): the CLI exits 2. */
  internalErrors: string[];
}

/** Reads each path at most once through the port, with the stdin text standing in for its file. */
function overlay(fs: FileSystem, stdin: LintRequest['stdin'], cwd: string): { fs: FileSystem; stdinPath?: string } {
  if (!stdin) return { fs };
  const stdinPath = resolve(cwd, stdin.filename);
  return {
    stdinPath,
    fs: {
      readFile: (p) => (p === stdinPath ? stdin.text : fs.readFile(p)),
      kind: (p) => (p === stdinPath ? 'file' : fs.kind(p)),
      readDir: (p) => fs.readDir(p),
    },
  };
}

/**
 * The enabled rules by id, built once per rule list: a provider hands out the same list for every
 * file of a config, across lint() calls too (a unit-by-unit run makes ~1,000 calls).
 */
const enabledByRules = new WeakMap<readonly ActiveRule[], { byId: Map<string, ActiveRule>; ids: Set<string>; readsYamlDocument: boolean }>();
function enabledFor(config: EffectiveConfig) {
  let e = enabledByRules.get(config.rules);
  if (!e) {
    const byId = new Map(config.rules.map((r) => [r.rule.meta.id, r]));
    const readsYamlDocument = config.rules.some((r) => r.rule.meta.readsYamlDocument);
    enabledByRules.set(config.rules, (e = { byId, ids: new Set(byId.keys()), readsYamlDocument }));
  }
  return e;
}

function byPosition(a: Finding, b: Finding): number {
  return (
    a.location.start.line - b.location.start.line ||
    a.location.start.column - b.location.start.column ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

export async function lint(req: LintRequest): Promise<LintOutcome> {
  return lintSync(req);
}

/**
 * lint() without the promise: nothing in a run waits on anything (the FileSystem port is
 * synchronous), and a report that pulls its results unit by unit cannot await (engine/stream.ts).
 */
export function lintSync(req: LintRequest): LintOutcome {
  const guard = guardFileSystem(cachingFileSystem(req.fs ?? nodeFileSystem), (p) => req.config.forFile(p).settings);
  const { fs, stdinPath } = overlay(guard.fs, req.stdin, req.cwd);
  req.config.lookUpThrough?.(fs);
  const errors: string[] = [];
  let targets: { path: string; kind: FileKind }[] = [];
  if (stdinPath) {
    const kind = req.kind ?? kindFromName(stdinPath) ?? kindFromContent(req.stdin!.text);
    if (kind) targets.push({ path: stdinPath, kind });
    else errors.push(`${req.stdin!.filename}: cannot tell whether stdin is a Dockerfile or a compose file; pass --kind`);
  }
  const stackFiles = (req.files ?? []).map((f) => resolve(req.cwd, f));
  if (req.paths.length || stackFiles.length || !stdinPath) {
    const found = discoverSync([...req.paths, ...(req.files ?? [])], {
      cwd: req.cwd,
      fs,
      isIgnored: (p) => req.config.isIgnored(p),
      ...(req.kind ? { kind: req.kind } : {}),
    });
    errors.push(...found.errors);
    // stdin stands in for its file: that file found on disk as well must not be linted twice.
    targets = targets.concat(found.files.filter((f) => f.path !== stdinPath));
  }

  const sources = new Map<string, SourceFile>();
  const dockerfiles = new Map<string, Dockerfile | undefined>();
  const envFiles = new Map<string, EnvFile | undefined>();
  const ignores = new Map<string, DockerIgnore | undefined>();
  const cached = <T>(map: Map<string, T | undefined>, path: string, parse: (text: string) => T & { source: SourceFile }) => {
    if (map.has(path)) return map.get(path);
    const text = fs.readFile(path);
    const model = text === undefined ? undefined : parse(text);
    if (model) sources.set(path, model.source);
    map.set(path, model);
    return model;
  };
  const loadDockerfile = (p: string) => cached(dockerfiles, p, (t) => parseDockerfile(p, t));
  const loadEnv = (p: string) => cached(envFiles, p, (t) => parseEnvFile(p, t));
  const loadIgnore = (p: string) => cached(ignores, p, (t) => parseDockerignore(p, t));

  const processEnv = req.env ?? {};
  // Compose files read for a stack (overrides, include, extends), by variables, then by path.
  // Two levels rather than one `path + signature` key: that key repeated a serialized environment
  // (kilobytes in a shell) per file, to be built and hashed at every lookup.
  const composeCache = new Map<string, Map<string, ComposeFile | undefined>>();
  // Most folders have no .env: their variables are the process environment alone, built and
  // serialized once instead of per file (copying a large environment per file was ~4 % of a run).
  const signatures = new WeakMap<Map<string, string>, string>();
  const signature = (vars: Map<string, string>) => {
    let sig = signatures.get(vars);
    if (sig === undefined) signatures.set(vars, (sig = JSON.stringify([...vars])));
    return sig;
  };
  let envOnly: Map<string, string> | undefined;
  const variablesOf = (dir: string) => {
    if (loadEnv(join(dir, '.env'))) return projectVariables(dir, { env: processEnv, loadEnv });
    return (envOnly ??= projectVariables(dir, { env: processEnv, loadEnv: () => undefined }));
  };
  const composeCacheFor = (variables: Map<string, string>) => {
    const sig = signature(variables);
    let byPath = composeCache.get(sig);
    if (!byPath) composeCache.set(sig, (byPath = new Map()));
    return byPath;
  };
  const loadCompose = (p: string, variables: Map<string, string>) => {
    const cache = composeCacheFor(variables);
    if (cache.has(p)) return cache.get(p);
    const text = fs.readFile(p);
    const model = text === undefined ? undefined : parseCompose(p, text, { variables });
    if (model && !sources.has(p)) sources.set(p, model.source);
    cache.set(p, model);
    return model;
  };
  const lintedDockerfiles: Dockerfile[] = [];
  const lintedCompose: ComposeFile[] = [];
  for (const t of targets) {
    if (t.kind === 'dockerfile') {
      const df = loadDockerfile(t.path);
      if (df) lintedDockerfiles.push(df);
      else if (!guard.tooLarge(t.path)) errors.push(guard.unreadable(t.path));
    } else {
      const text = fs.readFile(t.path);
      if (text === undefined) {
        if (!guard.tooLarge(t.path)) errors.push(guard.unreadable(t.path));
        continue;
      }
      // Compose reads .env from the project folder; the process environment wins over it.
      const variables = variablesOf(dirname(t.path));
      // Kept when a rule of the file reads yaml's document: parsing it again cost ~8 % of a
      // `--preset all` run of the corpus.
      const keepDocument = enabledFor(req.config.forFile(t.path)).readsYamlDocument;
      const compose = parseCompose(t.path, text, { variables, keepDocument });
      sources.set(t.path, compose.source);
      composeCacheFor(variables).set(t.path, compose);
      lintedCompose.push(compose);
    }
  }

  const project = buildProject(lintedCompose, lintedDockerfiles, {
    fs,
    dockerfile: loadDockerfile,
    env: loadEnv,
    dockerignore: loadIgnore,
  });
  project.composeStacks = resolveStacks(lintedCompose, {
    fs,
    env: processEnv,
    files: stackFiles,
    profiles: req.profiles ?? [],
    loadEnv,
    loadCompose,
  });
  // The first stack holding each compose file, by a map: a search per project was quadratic.
  const stackOf = new Map<ComposeFile, (typeof project.composeStacks)[number]>();
  for (const s of project.composeStacks) for (const f of s.files) if (!stackOf.has(f)) stackOf.set(f, s);
  for (const cp of project.composeProjects) {
    const stack = stackOf.get(cp.compose);
    if (stack) cp.stack = stack;
  }
  const composePaths = new Set<string>();
  for (const byPath of composeCache.values()) for (const c of byPath.values()) if (c) composePaths.add(c.path);
  const sourceOf = (p: string) => {
    const s = sources.get(p);
    if (s) return s;
    const text = fs.readFile(p);
    if (text === undefined) return undefined;
    const src = new SourceFile(p, text);
    sources.set(p, src);
    return src;
  };

  // Files are linted in groups that share a config; a finding is kept when the config of the
  // file it points into is the group's, so each finding obeys the config where it must be fixed.
  const groups = new Map<string, { config: EffectiveConfig; dockerfiles: Dockerfile[]; compose: ComposeFile[] }>();
  const groupOf = (path: string) => {
    const config = req.config.forFile(path);
    let g = groups.get(config.key);
    if (!g) groups.set(config.key, (g = { config, dockerfiles: [], compose: [] }));
    return g;
  };
  // A Dockerfile that compose builds is linted with the args compose passes (so `FROM ${BASE}`
  // resolves), when every build of it passes the same ones; otherwise as written.
  const builtWith = composeBuildModels(project);
  for (const df of lintedDockerfiles) groupOf(df.path).dockerfiles.push(withComposeArgs(df, builtWith.get(df.path)));
  for (const c of lintedCompose) groupOf(c.path).compose.push(c);

  const internalErrors: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const t of targets) byFile.set(t.path, []);
  for (const t of targets) guard.finding(t.path, req.config.forFile(t.path), byFile.get(t.path)!);
  const seenFindings = new Map<string, string[]>();
  for (const { config, dockerfiles: dfs, compose } of groups.values()) {
    const inGroup = new Set(compose);
    const out = runRules(config.rules, {
      dockerfiles: dfs,
      composeFiles: compose,
      project: {
        composeProjects: project.composeProjects.filter((p) => inGroup.has(p.compose)),
        dockerfiles: dfs,
        composeStacks: project.composeStacks.filter((s) => s.files.some((f) => inGroup.has(f))),
      },
      settings: config.settings,
      sourceOf,
    });
    internalErrors.push(...out.internalErrors);
    if (config.shellcheck?.enabled && dfs.length) {
      const sc = runShellcheck(dfs, config.shellcheck, sourceOf);
      out.findings.push(...sc.findings);
      errors.push(...sc.errors);
    }
    for (const f of out.findings) {
      if (req.config.forFile(f.location.path).key !== config.key) continue;
      let list = byFile.get(f.location.path);
      if (!list) byFile.set(f.location.path, (list = []));
      // A file shared by two stacks (an included one also linted alone) is judged by both.
      // A map, not a scan of the list: a file with thousands of findings made the scan quadratic.
      // Keyed without the message (hashing long texts was a visible cost); messages are compared
      // only among findings of one rule at one offset.
      const key = `${f.location.path}\0${f.ruleId}\0${f.location.start.offset}`;
      const messages = seenFindings.get(key);
      if (messages?.includes(f.message)) continue;
      if (messages) messages.push(f.message);
      else seenFindings.set(key, [f.message]);
      list.push(f);
    }
  }

  // Reporters show source only around findings and fixes, so the text of a clean file is not kept:
  // on a large tree most of the texts would otherwise outlive the models until the report is out.
  const needText = new Set<string>();
  for (const [path, findings] of byFile) {
    if (findings.length) needText.add(path);
    for (const f of findings) for (const fix of f.fix ? [f.fix, ...(f.suggestions ?? [])] : f.suggestions ?? []) for (const e of fix.edits) needText.add(e.path);
  }
  const results: FileResult[] = [];
  for (const [path, findings] of byFile) {
    const source = sourceOf(path);
    const config = req.config.forFile(path);
    const kind: FileKind | undefined = dockerfiles.has(path) ? 'dockerfile' : composePaths.has(path) ? 'compose' : undefined;
    let kept = findings;
    if (source && kind) {
      const enabled = enabledFor(config);
      const outcome = applySuppressions(findings, source, kind, config.resolveId, enabled.ids, dockerfiles.get(path));
      kept = outcome.findings.concat(suppressionFindings(outcome, enabled.byId, source));
    }
    kept.sort(byPosition);
    results.push({ path, findings: kept, ...(source && (kept.length || needText.has(path)) ? { text: source.text } : {}) });
  }
  results.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { results, errors, internalErrors };
}

/** The Dockerfile models compose builds, by Dockerfile path: one pass instead of one per Dockerfile. */
function composeBuildModels(project: Project): Map<string, Set<Dockerfile>> {
  const out = new Map<string, Set<Dockerfile>>();
  for (const cp of project.composeProjects) {
    for (const b of cp.builds) {
      if (b.dockerfilePath === undefined || !b.dockerfile) continue;
      let models = out.get(b.dockerfilePath);
      if (!models) out.set(b.dockerfilePath, (models = new Set()));
      models.add(b.dockerfile);
    }
  }
  return out;
}

function withComposeArgs(df: Dockerfile, models: ReadonlySet<Dockerfile> | undefined): Dockerfile {
  if (!models) return df;
  const [only] = models;
  return models.size === 1 && only!.buildArgs ? only! : df;
}

/**
 * Findings about the suppression comments themselves. They come from the engine, not from a
 * visitor, because only the engine knows which comments silenced something.
 */
function suppressionFindings(outcome: SuppressionOutcome, enabled: ReadonlyMap<string, ActiveRule>, source: SourceFile): Finding[] {
  const out: Finding[] = [];
  const unused = enabled.get('unused-suppression');
  if (unused) {
    for (const d of outcome.unused) {
      // Remove the whole line for a comment on its own line, else the comment and the blanks before it.
      const line = d.location.start.line;
      const lineStart = source.lineStart(line);
      const ownLine = source.text.slice(lineStart, d.range.start).trim() === '';
      const end = ownLine ? Math.min(source.text.length, source.lineEnd(line) + (source.text[source.lineEnd(line)] === '\r' ? 2 : 1)) : d.range.end;
      let start = ownLine ? lineStart : d.range.start;
      if (!ownLine) while (start > lineStart && /[ \t]/.test(source.text[start - 1]!)) start--;
      out.push({
        ruleId: 'unused-suppression',
        severity: unused.severity,
        messageId: 'unused',
        message: formatMessage(unused.rule.meta.messages['unused' as never] as string, { comment: source.slice(d.range) }),
        location: d.location,
        fix: { title: 'remove the comment', safety: 'safe', edits: [{ path: source.path, start, end, text: '' }] },
      });
    }
  }
  const invalid = enabled.get('invalid-suppression');
  if (invalid) {
    for (const p of outcome.problems) {
      out.push({
        ruleId: 'invalid-suppression',
        severity: invalid.severity,
        messageId: p.kind === 'malformed' ? 'malformed' : 'unknownCode',
        message: formatMessage(invalid.rule.meta.messages[(p.kind === 'malformed' ? 'malformed' : 'unknownCode') as never] as string, {
          message: p.message,
          code: p.code ?? '',
        }),
        location: p.location,
      });
    }
  }
  return out;
}
