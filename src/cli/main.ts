/** The command-line entry: parse flags, lint, report, choose the exit code (0 / 1 / 2). */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HELP, parseCli, UsageError, type CliOptions } from './args.js';
import { formatCatalog } from './catalog.js';
import { lint } from '../engine/lint.js';
import { rules } from '../engine/registry.js';
import { getReporter } from '../report/index.js';
import { VERSION } from '../meta.js';
import { providerFromConfigSet } from './config-provider.js';
import { ConfigSet } from '../config/config-set.js';
import type { FailOn } from '../config/schema.js';
import type { FileResult, RuleMeta, Severity } from '../engine/types.js';

export interface CliIO {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown };
  readStdin(): string;
  env: Record<string, string | undefined>;
  cwd: string;
}

const nodeIO = (): CliIO => ({
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin: () => readFileSync(0, 'utf8'),
  env: process.env,
  cwd: process.cwd(),
});

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

function liveWarnings(results: readonly FileResult[]): number {
  return results.reduce((n, r) => n + r.findings.filter((f) => !f.suppressed && f.severity === 'warning').length, 0);
}

/**
 * Exit code for a set of results: 1 when a finding reaches the failure level or warnings exceed
 * the maximum. `failOn` may depend on the file, since each file obeys its nearest config.
 */
export function exitCodeFor(
  results: readonly FileResult[],
  failOn: FailOn | ((path: string) => FailOn),
  maxWarnings?: number,
): 0 | 1 {
  const levelOf = typeof failOn === 'function' ? failOn : () => failOn;
  for (const r of results) {
    const level = levelOf(r.path);
    if (level === 'never') continue;
    if (r.findings.some((f) => !f.suppressed && RANK[f.severity] >= RANK[level])) return 1;
  }
  if (maxWarnings !== undefined && liveWarnings(results) > maxWarnings) return 1;
  return 0;
}

export async function main(argv: string[], io: CliIO = nodeIO()): Promise<number> {
  let opts: CliOptions;
  try {
    opts = parseCli(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`compose-lint: ${e.message}\n\n${HELP}\n`);
      return 2;
    }
    throw e;
  }
  if (opts.command === 'help') {
    io.stdout.write(HELP + '\n');
    return 0;
  }
  if (opts.command === 'version') {
    io.stdout.write(VERSION + '\n');
    return 0;
  }
  if (opts.command === 'rules') {
    io.stdout.write(formatCatalog(rules, opts.format === 'json' ? 'json' : 'text'));
    return 0;
  }

  const configSet = await ConfigSet.create(
    rules.map((r) => r.meta),
    {
      cli: { rules: opts.rules, ...(opts.preset ? { preset: opts.preset } : {}), ...(opts.failOn ? { failOn: opts.failOn } : {}) },
      ...(opts.config ? { configPath: resolve(io.cwd, opts.config) } : {}),
    },
  );
  const provider = providerFromConfigSet(configSet, rules, io.cwd);

  const paths = opts.paths.filter((p) => p !== '-');
  const stdin = opts.paths.includes('-') ? { text: io.readStdin(), filename: opts.stdinFilename! } : undefined;
  const outcome = await lint({
    cwd: io.cwd,
    paths: stdin && paths.length === 0 ? [] : paths,
    config: provider,
    env: io.env,
    ...(opts.kind ? { kind: opts.kind } : {}),
    ...(stdin ? { stdin } : {}),
  });
  // Config files are found per linted file, so their problems are known only after the run.
  for (const p of provider.problems) io.stderr.write(`compose-lint: ${p}\n`);
  if (provider.hasErrors) return 2;
  for (const e of outcome.errors) io.stderr.write(`compose-lint: ${e}\n`);
  // --quiet hides findings below error; the exit code still counts all of them.
  const results = opts.quiet
    ? outcome.results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') }))
    : outcome.results;

  const reporter = getReporter(opts.format)!;
  const color = opts.color ?? (Boolean(io.stdout.isTTY) && !io.env.NO_COLOR && opts.outputFile === undefined);
  const output = reporter(results, {
    cwd: io.cwd,
    rules: new Map(rules.map((r) => [r.meta.id, r.meta as RuleMeta<any>])),
    color,
    version: VERSION,
  });
  if (opts.outputFile) {
    try {
      writeFileSync(resolve(io.cwd, opts.outputFile), output);
    } catch (e) {
      io.stderr.write(`compose-lint: cannot write ${opts.outputFile}: ${(e as Error).message}\n`);
      return 2;
    }
  } else if (output) io.stdout.write(output);

  if (outcome.internalErrors.length) {
    for (const e of outcome.internalErrors) io.stderr.write(`compose-lint: internal error: ${e}\n`);
    return 2;
  }
  if (outcome.errors.length) return 2;
  const warnings = liveWarnings(outcome.results);
  if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) {
    io.stderr.write(`compose-lint: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${opts.maxWarnings}\n`);
  }
  return exitCodeFor(outcome.results, (path) => configSet.forFile(path).config.failOn, opts.maxWarnings);
}
