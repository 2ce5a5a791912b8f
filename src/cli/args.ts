/** Command-line parsing: flags in, a typed request out, or a usage error (exit 2). */
import { parseArgs } from 'node:util';
import type { FileKind } from './discover.js';

export type FormatName = 'text' | 'json' | 'sarif';
export type FailOn = 'error' | 'warning' | 'info' | 'never';

export interface CliOptions {
  command: 'lint' | 'rules' | 'help' | 'version';
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
}

export class UsageError extends Error {}

export const HELP = `Usage: compose-lint [options] [paths…]
       compose-lint rules [--format text|json]

Lints Dockerfiles and Docker Compose projects. Folders are searched for Dockerfile, Dockerfile.*,
*.Dockerfile, Containerfile*, compose*.yaml and docker-compose*.yaml; files named on the
command line are linted whatever their name. "-" reads standard input.

Options:
  -f, --format <text|json|sarif>   output format (default: text)
  -o, --output-file <path>         write the report to a file
  -c, --config <path>              use this config file instead of searching for one
      --preset <recommended|all>   rule set to start from (default: recommended)
      --rule <id=severity>         set a rule (id or alias) to off|info|warning|error; repeatable
      --fail-on <level>            error|warning|info|never: lowest severity that fails (default: error)
  -q, --quiet                      report errors only
      --max-warnings <n>           fail when there are more than n warnings
      --kind <dockerfile|compose>  kind of files named explicitly or read from stdin
      --stdin-filename <path>      the path standard input stands for (with "-")
      --color, --no-color          force colours on or off (NO_COLOR is honoured)
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
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
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
  else if (positionals[0] === 'rules') {
    command = 'rules';
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
    format: oneOf('format', v.format, ['text', 'json', 'sarif'] as const) ?? 'text',
    rules: v.rule ?? [],
    quiet: v.quiet ?? false,
  };
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
  if (opts.command === 'rules' && opts.format === 'sarif') throw new UsageError('`rules` prints text or json, not sarif');
  if (opts.command === 'lint' && opts.paths.includes('-') && !opts.stdinFilename) {
    throw new UsageError('"-" reads standard input and needs --stdin-filename <path>');
  }
  return opts;
}
