/** The command-line entry: parse flags, lint, report, choose the exit code (0 / 1 / 2). */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { shellcheckAvailable } from '../engine/shellcheck.js';
import { HELP, parseCli, UsageError, type CliOptions } from './args.js';
import { formatCatalog } from './catalog.js';
import { lint, type LintOutcome, type LintRequest } from '../engine/lint.js';
import { rules } from '../engine/registry.js';
import { loadReporter } from '../report/load.js';
import { reportChunks, streamingForm } from '../report/chunks.js';
import { ReportWriteError, writeReportFile, writeReportStream } from '../report/write.js';
import { formatRuleCounts, RuleCounter } from '../report/statistics.js';
import { VERSION } from '../meta.js';
import { providerFromConfigSet } from './config-provider.js';
import { ConfigSet } from '../config/config-set.js';
import type { FailOn } from '../config/schema.js';
import { formatConfigProblem } from '../config/problem.js';
import type { FileResult, ReportContext, RuleMeta, Severity } from '../engine/types.js';
import type { ResultStream } from '../engine/stream.js';
import { useColor } from './color.js';
import { Progress } from './progress.js';
import { discover } from './discover.js';
import { nodeFileSystem, type FileSystem } from '../project/fs.js';
// Subcommands and --fix are imported when used: start-up only evaluates what linting needs.
// What a lint worker runs, exported so that the CLI bundle holds it (bin/lint-worker.cjs).
export { runLintWorker } from '../engine/parallel-worker.js';

export interface CliIO {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
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

/**
 * What the exit code needs of the results, added one result at a time (a streamed run keeps none).
 * `failOn` may depend on the file, since each file obeys its nearest config.
 */
class ExitTally {
  failing = false;
  warnings = 0;
  private levelOf: (path: string) => FailOn;
  constructor(failOn: FailOn | ((path: string) => FailOn)) {
    this.levelOf = typeof failOn === 'function' ? failOn : () => failOn;
  }
  add(r: FileResult): void {
    let failing = false;
    const level = this.failing ? 'never' : this.levelOf(r.path);
    for (const f of r.findings) {
      if (f.suppressed) continue;
      if (f.severity === 'warning') this.warnings++;
      if (level !== 'never' && RANK[f.severity] >= RANK[level]) failing = true;
    }
    this.failing ||= failing;
  }
  /** 1 when a finding reaches the failure level or warnings exceed the maximum. */
  code(maxWarnings?: number): 0 | 1 {
    return this.failing || (maxWarnings !== undefined && this.warnings > maxWarnings) ? 1 : 0;
  }
}

/** Exit code for a set of results: 1 when a finding reaches the failure level or warnings exceed the maximum. */
export function exitCodeFor(
  results: readonly FileResult[],
  failOn: FailOn | ((path: string) => FailOn),
  maxWarnings?: number,
): 0 | 1 {
  const tally = new ExitTally(failOn);
  for (const r of results) tally.add(r);
  return tally.code(maxWarnings);
}

/** The catalog: our rules, and those of the plugins the config of the cwd (or `--config`) names. */
async function rulesCommand(opts: CliOptions, io: CliIO): Promise<number> {
  const set = await ConfigSet.create(
    rules.map((r) => r.meta),
    { ...(opts.config ? { configPath: resolve(io.cwd, opts.config) } : {}), cwd: io.cwd },
  );
  const plugins = set.forDir(io.cwd).config.plugins?.values() ?? [];
  for (const p of set.problems) io.stderr.write(`compose-lint: ${formatConfigProblem(p)}\n`);
  io.stdout.write(formatCatalog([...rules, ...plugins], opts.format === 'json' ? 'json' : 'text'));
  return set.hasErrors ? 2 : 0;
}

/** The options that choose how a run is linted (see lintRun). */
export type RunOptions = Pick<CliOptions, 'threads' | 'files' | 'config' | 'preset' | 'rules' | 'failOn' | 'shellcheck'>;

const namesFolder = (request: LintRequest, cwd: string) => request.paths.some((p) => (request.fs ?? nodeFileSystem).kind(resolve(cwd, p)) === 'dir');

/** Worker threads can pay off: not turned off, not stdin alone or a --file stack, and a folder or many paths. */
function mayParallel(opts: RunOptions, request: LintRequest, cwd: string): boolean {
  if (opts.threads === 1 || request.stdin || opts.files.length) return false;
  // On two CPUs the workers were measured slower than one thread (bench/README.md): opt-in there.
  if (opts.threads === undefined && availableParallelism() < 4) return false;
  if (opts.threads !== undefined || request.paths.length === 0 || request.paths.length >= 300) return true;
  return namesFolder(request, cwd);
}

/** Lint unit by unit in this thread (bounded memory): a folder or many paths, and no stdin or --file stack. */
function mayLintByUnits(opts: RunOptions, request: LintRequest, cwd: string): boolean {
  if (request.stdin || opts.files.length) return false;
  if (request.paths.length === 0 || request.paths.length >= 200) return true;
  return namesFolder(request, cwd);
}

/**
 * Lints a request the way the CLI does: over worker threads, unit by unit in this thread, or in
 * one lint(). `fsIsDisk` says that `request.fs` shows the disk, which workers read themselves;
 * any other FileSystem keeps the run in this thread. Exported so that bench/scaling.mjs measures
 * this path rather than a copy of it.
 */
export async function lintRun(
  request: LintRequest,
  opts: RunOptions,
  cwd: string,
  { fsIsDisk = true, onFilesDone }: { fsIsDisk?: boolean; onFilesDone?: (paths: readonly string[]) => void } = {},
): Promise<LintOutcome> {
  const run = await runOrStream(request, opts, cwd, { fsIsDisk, ...(onFilesDone ? { onFilesDone } : {}) });
  return 'outcome' in run ? run.outcome : (await import('../engine/stream.js')).collectStream(run.stream);
}

/**
 * lintRun, or with `stream`, the results of a unit-by-unit run as a stream that lints as it is
 * read, so that the report is written while the run goes on and no run holds all its results.
 */
export async function runOrStream(
  request: LintRequest,
  opts: RunOptions,
  cwd: string,
  { fsIsDisk = true, onFilesDone, stream = false }: { fsIsDisk?: boolean; onFilesDone?: (paths: readonly string[]) => void; stream?: boolean },
): Promise<{ outcome: LintOutcome } | { stream: ResultStream }> {
  const workers = fsIsDisk && mayParallel(opts, request, cwd);
  // One lint() of a big tree keeps every model alive to the end; unit by unit, each unit's models
  // are garbage once it is judged (and V8 is made to collect it sooner, src/engine/heap-growth.ts),
  // and a stream hands the results out as they become final (issue 7). Progress ticks through
  // `request.fs` itself, or, with workers (which read the disk themselves), as units come back.
  if (workers || mayLintByUnits(opts, request, cwd)) {
    // Only folders or long lists get here; a one-file run never loads these modules.
    const { lintParallel, startRun, workerConfigOptions, PARALLEL_MIN_FILES, SEQUENTIAL_MIN_FILES } = await import('../engine/parallel.js');
    const options = {
      config: workerConfigOptions(cwd, opts),
      ...(onFilesDone ? { onFilesDone } : {}),
      ...(workers
        ? { ...(opts.threads ? { threads: opts.threads } : {}), minFiles: opts.threads ? 0 : PARALLEL_MIN_FILES, fsIsDisk: true }
        : { sequential: true, minFiles: SEQUENTIAL_MIN_FILES, fsIsDisk }),
    };
    if (!stream) return { outcome: await lintParallel(request, options) };
    const run = await startRun(request, options);
    if (!('single' in run)) return { stream: run.stream };
  }
  return { outcome: await lint(request) };
}

/** The report, then what `trailer` gives once the report is out, after a blank line when the report said anything. */
function* withTrailer(report: Iterable<string>, trailer: () => string): Generator<string> {
  let said = false;
  for (const piece of report) {
    said ||= piece !== '';
    yield piece;
  }
  const text = trailer();
  if (text) yield (said ? '\n' : '') + text;
}

export async function main(argv: string[], io: CliIO = nodeIO()): Promise<number> {
  // `graph` has its own options; it draws the project instead of linting it.
  if (argv[0] === 'graph') return (await import('./graph.js')).graphCommand(argv.slice(1), io);
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
  switch (opts.command) {
    case 'help':
      io.stdout.write(HELP + '\n');
      return 0;
    case 'version':
      io.stdout.write(VERSION + '\n');
      return 0;
    case 'rules':
      return rulesCommand(opts, io);
    case 'explain':
      return (await import('./explain.js')).explainCommand(opts.target!, io);
    case 'init':
      return (await import('./init.js')).initCommand(resolve(io.cwd, opts.target ?? '.'), opts.force, io);
    default:
  }

  if (opts.shellcheck && !shellcheckAvailable()) {
    io.stderr.write('compose-lint: --shellcheck needs the `shellcheck` program, which is not on the PATH; install it (e.g. `apt-get install shellcheck`, `brew install shellcheck`) or drop the flag\n');
    return 2;
  }
  const configSet = await ConfigSet.create(
    rules.map((r) => r.meta),
    {
      cli: {
        rules: opts.rules,
        ...(opts.preset ? { preset: opts.preset } : {}),
        ...(opts.failOn ? { failOn: opts.failOn } : {}),
        ...(opts.shellcheck ? { shellcheck: true } : {}),
      },
      ...(opts.config ? { configPath: resolve(io.cwd, opts.config) } : {}),
      cwd: io.cwd,
    },
  );
  if (opts.command === 'print-config') return (await import('./print-config.js')).printConfigCommand(configSet, resolve(io.cwd, opts.target!), io);
  const provider = providerFromConfigSet(configSet, rules, io.cwd);

  const paths = opts.paths.filter((p) => p !== '-');
  const stdin = opts.paths.includes('-') ? { text: io.readStdin(), filename: opts.stdinFilename! } : undefined;
  const request: LintRequest = {
    cwd: io.cwd,
    paths: stdin && paths.length === 0 ? [] : paths,
    config: provider,
    env: io.env,
    files: opts.files,
    profiles: opts.profiles,
    ...(opts.kind ? { kind: opts.kind } : {}),
    ...(stdin ? { stdin } : {}),
  };

  let fs: FileSystem = nodeFileSystem;
  let progress: Progress | undefined;
  // Counting the files first costs a second walk, so it is done only when progress may show.
  if (opts.progress !== false && (io.stderr.isTTY || opts.progress) && !(stdin && request.paths.length === 0)) {
    const found = await discover(request.paths, { cwd: io.cwd, fs, isIgnored: (p) => provider.isIgnored(p), ...(opts.kind ? { kind: opts.kind } : {}) });
    if (Progress.wanted(io.stderr, found.files.length, opts.progress)) {
      progress = new Progress(io.stderr, new Set(found.files.map((f) => f.path)));
      fs = progress.wrap(fs);
    }
  }

  // The reporter is known before the run: one that reports as the results come lets a big run
  // stream them (src/engine/stream.ts), unless progress is drawn on the terminal the report goes to.
  const reporter = (await loadReporter(opts.format))!;
  const streaming = streamingForm(reporter);
  const mayStream = streaming !== undefined && !(progress && opts.outputFile === undefined);

  let outcome: LintOutcome | undefined;
  let stream: ResultStream | undefined;
  let fixSummary: string | undefined;
  try {
    if (opts.fix || opts.fixDryRun) {
      const { runFix } = await import('./fix-command.js');
      const fixed = await runFix(request, fs, { unsafe: opts.unsafeFixes, dryRun: opts.fixDryRun, cwd: io.cwd });
      outcome = fixed.outcome;
      fixSummary = fixed.summary;
      if (fixed.diff) io.stdout.write(fixed.diff);
      for (const e of fixed.errors) io.stderr.write(`compose-lint: ${e}\n`);
      if (fixed.errors.length) return 2;
    } else {
      // Workers read the disk themselves: their progress ticks when each unit comes back.
      const ticker = progress?.wrap({ readFile: () => undefined, kind: () => undefined, readDir: () => undefined });
      const run = await runOrStream({ ...request, fs }, opts, io.cwd, {
        stream: mayStream,
        ...(ticker ? { onFilesDone: (done: readonly string[]) => done.forEach((p) => ticker.readFile(p)) } : {}),
      });
      if ('outcome' in run) outcome = run.outcome;
      // A SARIF log lists its rules before its results: ShellCheck's codes are known only after.
      else if (streaming!.listsRules && !run.stream.onlyRunRules) outcome = (await import('../engine/stream.js')).collectStream(run.stream);
      else stream = run.stream;
    }
  } finally {
    // A stream is linted while its report is written (to a file: see mayStream), so its progress
    // goes on until the report is out.
    if (!stream) progress?.finish();
  }
  // Config files are found per linted file, so their problems are known only after the run
  // (for a stream, after its plan: every file's config was asked for then).
  for (const p of provider.problems) io.stderr.write(`compose-lint: ${p}\n`);
  if (provider.hasErrors) {
    stream?.close();
    progress?.finish();
    return 2;
  }
  if (outcome) for (const e of outcome.errors) io.stderr.write(`compose-lint: ${e}\n`);

  const color = useColor(opts.color, io.env, Boolean(io.stdout.isTTY), opts.outputFile !== undefined);
  const ctx: ReportContext = {
    cwd: io.cwd,
    rules: new Map([...rules, ...provider.pluginRules].map((r) => [r.meta.id, r.meta as RuleMeta<any>])),
    color,
    version: VERSION,
    ...(stream ? { textOf: stream.textOf } : {}),
  };
  const tally = new ExitTally((path) => configSet.forFile(path).config.failOn);
  const counter = opts.statistics ? new RuleCounter() : undefined;
  // Every result passes here on its way to the reporter: the exit code and the statistics are
  // counted as it goes, and --quiet hides findings below error (the exit code still counts them).
  function* observed(results: Iterable<FileResult>): Generator<FileResult> {
    for (const r of results) {
      tally.add(r);
      const shown = opts.quiet ? { ...r, findings: r.findings.filter((f) => f.severity === 'error') } : r;
      counter?.add(shown);
      yield shown;
    }
  }
  const report = stream ? streaming!.stream(observed(stream.results), ctx) : reportChunks(reporter, [...observed(outcome!.results)], ctx);
  const statistics = () => (counter ? formatRuleCounts(counter.rows(), ctx) : '');
  // Statistics follow a human report; after a machine format they would corrupt it, so they go to stderr.
  const humanFormat = opts.format === 'text' || opts.format === 'compact' || opts.format === 'pretty';
  // The report is written piece by piece as the reporter makes it: a whole-corpus report held as
  // one string, then copied to be written, was the run's peak of memory (issue 7).
  const output = humanFormat && counter ? withTrailer(report, statistics) : report;
  try {
    if (opts.outputFile) writeReportFile(resolve(io.cwd, opts.outputFile), output);
    else await writeReportStream(io.stdout, output);
  } catch (e) {
    if (!(e instanceof ReportWriteError) || !opts.outputFile) throw e;
    io.stderr.write(`compose-lint: cannot write ${opts.outputFile}: ${e.message}\n`);
    return 2;
  } finally {
    progress?.finish();
  }
  if (!humanFormat && counter) io.stderr.write(statistics());
  if (fixSummary) io.stderr.write(`compose-lint: ${fixSummary}\n`);

  const { errors, internalErrors } = stream ? stream.problems() : outcome!;
  if (stream) for (const e of errors) io.stderr.write(`compose-lint: ${e}\n`);
  if (internalErrors.length) {
    for (const e of internalErrors) io.stderr.write(`compose-lint: internal error: ${e}\n`);
    return 2;
  }
  if (errors.length) return 2;
  if (opts.maxWarnings !== undefined && tally.warnings > opts.maxWarnings) {
    io.stderr.write(`compose-lint: ${tally.warnings} warning${tally.warnings === 1 ? '' : 's'}, more than --max-warnings ${opts.maxWarnings}\n`);
  }
  return tally.code(opts.maxWarnings);
}
