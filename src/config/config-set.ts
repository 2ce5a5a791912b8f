/**
 * The configs of one run: which file governs each linted file (or the one `--config` names),
 * each loaded and resolved once. Problems are collected so the CLI can print them all and
 * exit 2 rather than stopping at the first.
 */
import { dirname, isAbsolute, normalize, resolve } from 'node:path';
import type { RuleMeta } from '../engine/types.js';
import { AliasIndex } from './aliases.js';
import { ConfigFinder, nodeIsFile, type IsFile } from './find.js';
import { loadConfigFile } from './load.js';
import { findHadolintConfigFrom, loadHadolintConfig } from './hadolint.js';
import { remember } from './remember.js';
import { hasErrors, type ConfigProblem } from './problem.js';
import { resolveConfig, type CliConfigFlags, type ResolvedConfig } from './resolve.js';
import { applyPlugins } from '../plugins/apply.js';
import { loadConfigValidator, type ConfigValidator } from './validator.js';

export interface ConfigSetOptions {
  cli?: CliConfigFlags;
  /** `--config`: use this file for every linted file instead of searching. */
  configPath?: string;
  finder?: ConfigFinder;
  validator?: ConfigValidator;
  /** Where a `.hadolint.yaml` is also looked for (default: the process cwd). */
  cwd?: string;
}

export interface ConfigForFile {
  config: ResolvedConfig;
  /** Problems of the config file that applies (and of the flags). */
  problems: ConfigProblem[];
}

export class ConfigSet {
  readonly index: AliasIndex;
  private readonly finder: ConfigFinder;
  private readonly byConfig = new Map<string, ConfigForFile>();
  private readonly byDir = new Map<string, ConfigForFile>();
  private readonly byFile = new Map<string, ConfigForFile>();
  private readonly hadolintByDir = new Map<string, string | null>();
  private isFile: IsFile = nodeIsFile;
  private readonly seen: ConfigProblem[] = [];

  private constructor(
    readonly metas: readonly RuleMeta<any>[],
    private readonly validator: ConfigValidator,
    private readonly opts: ConfigSetOptions,
  ) {
    this.index = new AliasIndex(metas);
    this.finder = opts.finder ?? new ConfigFinder();
  }

  static async create(metas: readonly RuleMeta<any>[], opts: ConfigSetOptions = {}): Promise<ConfigSet> {
    return new ConfigSet(metas, opts.validator ?? (await loadConfigValidator(metas)), opts);
  }

  /** Synchronous construction when the caller already holds a validator. */
  static withValidator(metas: readonly RuleMeta<any>[], validator: ConfigValidator, opts: ConfigSetOptions = {}): ConfigSet {
    return new ConfigSet(metas, validator, opts);
  }

  /**
   * Config files are looked for with `isFile` from now on (both ours and `.hadolint.yaml`). A lint
   * run hands the folder listings it has made, so the lookups cost no system call.
   */
  lookUpWith(isFile: IsFile): void {
    this.finder.lookUpWith(isFile);
    this.isFile = isFile;
  }

  /** The config path governing a file, or undefined when none is found. */
  configPathFor(file: string): string | undefined {
    return this.opts.configPath ?? this.finder.findForFile(file);
  }

  forFile(file: string): ConfigForFile {
    // The engine asks several times per file and once per finding: by the path itself first,
    // which costs neither a `dirname` string nor hashing a new one.
    const known = this.byFile.get(file);
    if (known) return known;
    // Every file of a folder has the same config: look the folder up once (the file-status
    // checks of the lookup were a quarter of a corpus run).
    const dir = dirname(file);
    let entry = this.byDir.get(dir);
    if (!entry) {
      // The folder string itself keys this cache, the finder's and the hadolint one: one copy
      // of each folder's path for the three (the paths the engine asks about are absolute).
      const abs = isAbsolute(file) && normalize(dir) === dir;
      const path = this.opts.configPath ?? (abs ? this.finder.findFrom(dir) : this.finder.findForFile(file));
      // No config of ours applies: a hadolint config, if there is one, says how to lint.
      const hadolint =
        path === undefined ? findHadolintConfigFrom(abs ? dir : dirname(resolve(file)), this.opts.cwd ?? process.cwd(), this.isFile, this.hadolintByDir) : undefined;
      entry = hadolint ? this.forConfig(hadolint, true) : this.forConfig(path);
      remember(this.byDir, dir, entry);
    }
    remember(this.byFile, file, entry);
    return entry;
  }

  /** Config for a folder (e.g. the cwd, for discovery ignores before any file is known). */
  forDir(dir: string): ConfigForFile {
    return this.forConfig(this.opts.configPath ?? this.finder.findForDir(dir));
  }

  private forConfig(path: string | undefined, hadolint = false): ConfigForFile {
    const key = path ?? '';
    const cached = this.byConfig.get(key);
    if (cached) return cached;
    const problems: ConfigProblem[] = [];
    let file;
    if (path !== undefined) {
      const loaded = hadolint ? loadHadolintConfig(path, this.index) : loadConfigFile(path, this.validator, this.index);
      problems.push(...loaded.problems);
      file = loaded.config;
    }
    const resolved = resolveConfig(this.metas, file, this.opts.cli, this.index);
    if (file?.plugins) problems.push(...applyPlugins(resolved.config, file, this.opts.cli));
    // Flag problems are the same for every config: record them once.
    const flagProblems = this.byConfig.size === 0 ? resolved.problems : [];
    problems.push(...resolved.problems);
    this.seen.push(...problems.filter((p) => p.file !== undefined), ...flagProblems);
    const entry = { config: resolved.config, problems };
    this.byConfig.set(key, entry);
    return entry;
  }

  /** Every problem met so far, each once. */
  get problems(): readonly ConfigProblem[] {
    return this.seen;
  }

  get hasErrors(): boolean {
    return hasErrors(this.seen);
  }

  /** Folder that `ignore` globs of a resolved config are relative to. */
  static baseDir(config: ResolvedConfig, cwd: string): string {
    return config.configPath ? dirname(config.configPath) : cwd;
  }
}
