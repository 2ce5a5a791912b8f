/** Command-line parsing: flags in, a typed request out, or a usage error (exit 2). */
import { parseArgs } from 'node:util';
import type { FileKind } from './discover.js';

export const FORMATS = ['text', 'json', 'sarif', 'github', 'checkstyle', 'junit', 'gitlab', 'compact', 'pretty'] as const;
export type FormatName = (typeof FORMATS)[number];
export type FailOn = 'error' | 'warning' | 'info' | 'never';

export interface CliOptions {
  command: 'lint' | 'rules' | 'help' | 'version' | 'explain' | 'init' | 'print-config';
  paths: string[];
  format: FormatName;
  outputFile?: string;
  config?: string;
  preset?: 'recommended' | 'all';
  rules: string[];
  failOn?: FailOn;
  quiet: boolean;
  maxWarnings?: number;
  kind?: FileKind;
  stdinFilename?: string;
  color?: boolean;
  /** --fix: apply safe fixes; --unsafe-fixes adds the unsafe ones (and implies --fix). */
  fix: boolean;
  unsafeFixes: boolean;
  /** --fix-dry-run: print the fixes as a unified diff, write nothing. */
  fixDryRun: boolean;
  statistics: boolean;
  /** --progress / --no-progress; by default progress shows on a TTY stderr for many files. */
  progress?: boolean;
  /** `explain <id>`, `init [dir]`, `--print-config <file>`: the command's argument. */
  target?: string;
  /** `init --force`: overwrite an existing config. */
  force: boolean;
  /** `--file`: compose files merged into one project, in order. */
  files: string[];
  /** `--profile`: selected compose profiles. */
  profiles: string[];
  /** `--shellcheck`: run ShellCheck on RUN scripts (needs the `shellcheck` binary). */
  shellcheck?: boolean;
  /** `--threads <n>`: threads that lint a big run (this one and n-1 workers); 1 keeps everything in one thread. */
  threads?: number;
}

export class UsageError extends Error {}

export const HELP = `Usage: compose-lint [options] [paths…]
       compose-lint rules [--format text|json]
       compose-lint explain <rule id or alias>
       compose-lint init [--force] [dir]
       compose-lint --print-config <file>

Lints Dockerfiles and Docker Compose projects. Folders are searched for Dockerfile, Dockerfile.*,
*.Dockerfile, Containerfile*, compose*.yaml and docker-compose*.yaml; files named on the
command line are linted whatever their name. "-" reads standard input.

Options:
  -f, --format <name>              text (default), json, sarif, github, checkstyle, junit,
                                   gitlab, compact or pretty
  -o, --output-file <path>         write the report to a file
  -c, --config <path>              use this config file instead of searching for one
      --preset <recommended|all>   rule set to start from (default: recommended)
      --rule <id=severity>         set a rule (id or alias) to off|info|warning|error; repeatable
      --fail-on <level>            error|warning|info|never: lowest severity that fails (default: error)
  -q, --quiet                      report errors only
      --max-warnings <n>           fail when there are more than n warnings
      --kind <dockerfile|compose>  kind of files named explicitly or read from stdin
      --stdin-filename <path>      the path standard input stands for (with "-")
      --fix                        apply safe fixes to the files
      --unsafe-fixes               also apply unsafe fixes (implies --fix unless --fix-dry-run)
      --fix-dry-run                print the fixes as a unified diff; write nothing
      --statistics                 print the number of findings per rule
      --print-config <file>        print the effective config for a file
      --color, --no-color          force colours on or off (NO_COLOR, FORCE_COLOR are honoured)
      --file <path>                compose file of one project, merged in order like
                                   docker compose -f; repeatable
      --profile <name>             compose profile to treat as selected; repeatable
      --no-progress                never show progress on stderr
      --shellcheck                 run ShellCheck on RUN scripts (rules shellcheck/SCnnnn);
                                   needs the shellcheck binary
      --threads <n>                lint in n threads, this one and n-1 workers (1 = no
                                   workers); by default, with 4+ CPUs, 3 above 300 files
  -h, --help                       show this help
  -v, --version                    print the version

Exit codes: 0 no findings at or above the failure level, 1 findings at or above it,
2 usage, configuration or internal error.`;

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${value}"`);
  }
  return value as T;
}

export function parseCli(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        'output-file': { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        preset: { type: 'string' },
        rule: { type: 'string', multiple: true },
        'fail-on': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        'max-warnings': { type: 'string' },
        kind: { type: 'string' },
        'stdin-filename': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        fix: { type: 'boolean' },
        'unsafe-fixes': { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        statistics: { type: 'boolean' },
        'print-config': { type: 'string' },
        progress: { type: 'boolean' },
        'no-progress': { type: 'boolean' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        file: { type: 'string', multiple: true },
        profile: { type: 'string', multiple: true },
        shellcheck: { type: 'boolean' },
        threads: { type: 'string' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  let positionals = parsed.positionals;
  let command: CliOptions['command'] = 'lint';
  if (v.help) command = 'help';
  else if (v.version) command = 'version';
  else if (v['print-config'] !== undefined) command = 'print-config';
  else if (positionals[0] === 'rules' || positionals[0] === 'explain' || positionals[0] === 'init') {
    command = positionals[0] as 'rules' | 'explain' | 'init';
    positionals = positionals.slice(1);
  }
  let maxWarnings: number | undefined;
  if (v['max-warnings'] !== undefined) {
    maxWarnings = Number(v['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings takes a whole number ≥ 0');
  }
  const opts: CliOptions = {
    command,
    paths: positionals,
    format: oneOf('format', v.format, FORMATS) ?? 'text',
    rules: v.rule ?? [],
    quiet: v.quiet ?? false,
    files: v.file ?? [],
    profiles: v.profile ?? [],
    fix: Boolean(v.fix || (v['unsafe-fixes'] && !v['fix-dry-run'])),
    unsafeFixes: v['unsafe-fixes'] ?? false,
    fixDryRun: v['fix-dry-run'] ?? false,
    statistics: v.statistics ?? false,
    force: v.force ?? false,
  };
  if (v.shellcheck) opts.shellcheck = true;
  if (v.threads !== undefined) {
    const threads = Number(v.threads);
    if (!Number.isInteger(threads) || threads < 1) throw new UsageError('--threads takes a whole number ≥ 1');
    opts.threads = threads;
  }
  if (v['no-progress']) opts.progress = false;
  else if (v.progress) opts.progress = true;
  if (command === 'print-config') opts.target = v['print-config'];
  if (command === 'explain') {
    if (positionals.length !== 1) throw new UsageError('`explain` takes one rule id or alias, e.g. `compose-lint explain DL3007`');
    opts.target = positionals[0];
    opts.paths = [];
  }
  if (command === 'init') {
    if (positionals.length > 1) throw new UsageError('`init` takes at most one folder');
    if (positionals[0] !== undefined) opts.target = positionals[0];
    opts.paths = [];
  }
  if (opts.fix && opts.fixDryRun) throw new UsageError('--fix writes files and --fix-dry-run writes none: pick one');
  if (v['output-file'] !== undefined) opts.outputFile = v['output-file'];
  if (v.config !== undefined) opts.config = v.config;
  const preset = oneOf('preset', v.preset, ['recommended', 'all'] as const);
  if (preset) opts.preset = preset;
  const failOn = oneOf('fail-on', v['fail-on'], ['error', 'warning', 'info', 'never'] as const);
  if (failOn) opts.failOn = failOn;
  if (maxWarnings !== undefined) opts.maxWarnings = maxWarnings;
  const kind = oneOf('kind', v.kind, ['dockerfile', 'compose'] as const);
  if (kind) opts.kind = kind;
  if (v['stdin-filename'] !== undefined) opts.stdinFilename = v['stdin-filename'];
  if (v['no-color']) opts.color = false;
  else if (v.color) opts.color = true;
  if (opts.command === 'rules' && opts.format !== 'text' && opts.format !== 'json') throw new UsageError(`\`rules\` prints text or json, not ${opts.format}`);
  if (opts.command === 'lint' && opts.paths.includes('-') && !opts.stdinFilename) {
    throw new UsageError('"-" reads standard input and needs --stdin-filename <path>');
  }
  if (opts.fix && opts.paths.includes('-')) throw new UsageError('--fix cannot write back to standard input; use --fix-dry-run to see the fixes');
  return opts;
}
