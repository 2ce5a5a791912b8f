/**
 * ShellCheck on the scripts of RUN instructions. The binary runs here, in the engine (rules stay
 * pure): each shell-form RUN and each heredoc script becomes a temporary file with a shebang for
 * the stage's shell and a line declaring the stage's ARG/ENV names, and one `shellcheck` process
 * checks a batch of such files. Findings map back to the exact Dockerfile offsets and come out
 * as rule ids `shellcheck/SC2086`, at the severity the config gives them.
 */
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dockerfile, Instruction, RunInstruction, Stage } from '../parse/dockerfile/model.js';
import { joinLines, toSource, type JoinedText } from '../parse/dockerfile/shell/join.js';
import type { SourceFile } from '../parse/source.js';
import { toLocation } from './run.js';
import type { Finding, Severity } from './types.js';

/**
 * `child_process` is asked for when ShellCheck runs: at start-up it would load Node's networking
 * and stream modules with it (~3 ms of every run, issue 7), and most runs never call it.
 */
const childProcess = (): typeof import('node:child_process') => createRequire(import.meta.url)('node:child_process');

export type ShellcheckLevel = 'off' | Severity;

export interface ShellcheckSettings {
  enabled: boolean;
  /** `shellcheck/SC2086` → level, from `rules:` / `--rule`; absent codes keep ShellCheck's level. */
  levels: ReadonlyMap<string, ShellcheckLevel>;
}

export const SHELLCHECK_PREFIX = 'shellcheck/';
/** Rule ids of ShellCheck codes: `SC2086` and `shellcheck/SC2086` both name `shellcheck/SC2086`. */
export function shellcheckRuleId(code: string): string | undefined {
  const m = /^(?:shellcheck\/)?SC(\d{4})$/i.exec(code);
  return m ? `${SHELLCHECK_PREFIX}SC${m[1]}` : undefined;
}

/** Directives of source-following cannot be written in a Dockerfile; ash is not a ShellCheck dialect. */
const EXCLUDED = ['SC1090', 'SC1091', 'SC2187'];
const DIALECTS: Record<string, string> = { sh: 'sh', ash: 'sh', busybox: 'sh', dash: 'dash', bash: 'bash', ksh: 'ksh', mksh: 'ksh' };
/** The proxy variables Docker passes to every RUN without a declaration. */
const PREDEFINED = ['HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'ftp_proxy', 'no_proxy', 'all_proxy'];
const BATCH = 200;

let available: boolean | undefined;
export function shellcheckAvailable(bin = 'shellcheck'): boolean {
  if (bin === 'shellcheck' && available !== undefined) return available;
  const r = childProcess().spawnSync(bin, ['--version'], { encoding: 'utf8' });
  const ok = r.status === 0 && /ShellCheck/i.test(r.stdout ?? '');
  if (bin === 'shellcheck') available = ok;
  return ok;
}

export interface Script {
  path: string;
  dialect: string;
  /** Variables the script may use without assigning them. */
  defined: string[];
  text: string;
  /** Dockerfile offset of script character `i`. */
  toFile(i: number): number;
}

function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** The shell of each stage: `SHELL [...]` when seen, else `# hadolint shell=…`, else `sh`. */
function shellAt(file: Dockerfile, stage: Stage | undefined, before: number): string {
  let shell: string | undefined;
  const pragma = (from: number, to: number) => {
    for (const c of file.comments) {
      const m = /^hadolint\s+shell\s*=\s*(\S+)/.exec(c.text);
      if (m && c.range.start >= from && c.range.start < to) shell = m[1]!;
    }
  };
  const firstFrom = file.stages[0]?.from.range.start ?? file.source.text.length;
  pragma(0, firstFrom);
  if (!stage) return shell ?? 'sh';
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s && !chain.includes(s); s = s.from.stageRef === undefined ? undefined : file.stages[s.from.stageRef]) chain.unshift(s);
  for (const s of chain) {
    const end = s === stage ? before : s.instructions[s.instructions.length - 1]?.range.end ?? s.from.range.end;
    for (const ins of s.instructions) {
      if (ins.range.start >= end) break;
      if (ins.keyword === 'SHELL' && ins.args[0]) shell = ins.args[0].value;
    }
    pragma(s.from.range.start, end);
  }
  return shell ?? 'sh';
}

function declaredNames(stage: Stage | undefined): string[] {
  const names = new Set(PREDEFINED);
  for (const k of stage?.args.keys() ?? []) names.add(k);
  for (const k of stage?.env.keys() ?? []) names.add(k);
  return [...names].filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n));
}

function joinedScript(file: Dockerfile, ins: Instruction, dockerfileMode: boolean, start: number, end: number): { text: string; toFile(i: number): number } {
  const joined: JoinedText = joinLines(file.source.text.slice(start, end), file.escapeChar, dockerfileMode);
  return { text: joined.text, toFile: (i) => start + toSource(joined, i) };
}

/** The scripts ShellCheck should see in one Dockerfile (exec-form RUN and non-shell heredocs excluded). */
export function scriptsOf(file: Dockerfile): Script[] {
  const out: Script[] = [];
  for (const ins of file.instructions) {
    if (ins.keyword !== 'RUN') continue;
    const run = ins as RunInstruction;
    const stage = file.stages[run.stageIndex];
    let shell = baseName(shellAt(file, stage, run.range.start));
    const defined = declaredNames(stage);
    if (run.form === 'shell') {
      const s = joinedScript(file, run, true, run.argsRange.start, run.argsRange.end);
      if (s.text.trim() === '') continue;
      const dialect = DIALECTS[shell];
      if (dialect) out.push({ path: file.path, dialect, defined, ...s });
    } else if (run.form === 'heredoc') {
      // `RUN <<EOF` runs the body with the stage's shell; `RUN bash <<EOF` with bash. Anything
      // else (`RUN python3 <<EOF`, `RUN cat <<EOF > f`) feeds the body to a program as data.
      const before = run.args.filter((a) => !a.value.startsWith('<<'));
      if (before.length > 0) {
        if (!DIALECTS[baseName(before[0]!.value)] || before.slice(1).some((a) => !a.value.startsWith('-'))) continue;
        shell = baseName(before[0]!.value);
      }
      for (const h of run.heredocs) {
        const body = h.body;
        const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(body);
        let dialect = DIALECTS[shell];
        if (shebang) dialect = DIALECTS[baseName(shebang[1]!) === 'env' ? baseName(shebang[2] ?? '') : baseName(shebang[1]!)];
        if (!dialect || body.trim() === '') continue;
        out.push({ path: file.path, dialect, defined, ...joinedScript(file, run, false, h.bodyRange.start, h.bodyRange.end) });
      }
    }
  }
  return out;
}

interface Json1Comment {
  file: string;
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  level: 'error' | 'warning' | 'info' | 'style';
  code: number;
  message: string;
}

const PREAMBLE_LINES = 2;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export interface ShellcheckOutcome {
  findings: Finding[];
  errors: string[];
}

/** Runs ShellCheck over every RUN script of the given Dockerfiles, in batches of files. */
export function runShellcheck(
  dockerfiles: readonly Dockerfile[],
  settings: ShellcheckSettings,
  sourceOf: (path: string) => SourceFile | undefined,
  bin = 'shellcheck',
): ShellcheckOutcome {
  const scripts = dockerfiles.flatMap(scriptsOf);
  const findings: Finding[] = [];
  const errors: string[] = [];
  if (scripts.length === 0) return { findings, errors };
  const dir = mkdtempSync(join(tmpdir(), 'compose-lint-sc-'));
  try {
    for (let b = 0; b < scripts.length; b += BATCH) {
      const batch = scripts.slice(b, b + BATCH);
      const names = batch.map((s, i) => {
        const name = join(dir, `${b + i}.sh`);
        writeFileSync(name, `#!/bin/${s.dialect}\nexport ${s.defined.join(' ')}\n${s.text}`);
        return name;
      });
      const r = childProcess().spawnSync(bin, ['--format=json1', '--norc', '-e', EXCLUDED.join(','), ...names], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      if (r.error || (r.status !== 0 && r.status !== 1)) {
        errors.push(`shellcheck failed: ${r.error?.message ?? r.stderr.trim()}`);
        continue;
      }
      let comments: Json1Comment[];
      try {
        comments = (JSON.parse(r.stdout) as { comments: Json1Comment[] }).comments;
      } catch {
        errors.push('shellcheck printed output that is not JSON');
        continue;
      }
      const byName = new Map(names.map((n, i) => [n, batch[i]!]));
      const starts = new Map<Script, number[]>();
      for (const c of comments) {
        const script = byName.get(c.file);
        if (!script) continue;
        const id = `${SHELLCHECK_PREFIX}SC${c.code}`;
        const level = settings.levels.get(id) ?? (c.level === 'style' ? 'info' : c.level);
        if (level === 'off') continue;
        let ls = starts.get(script);
        if (!ls) starts.set(script, (ls = lineStarts(script.text)));
        const offset = (line: number, column: number) => {
          const l = Math.min(Math.max(line - PREAMBLE_LINES, 1), ls!.length);
          const lineEnd = l < ls!.length ? ls![l]! - 1 : script.text.length;
          return Math.min(ls![l - 1]! + column - 1, lineEnd);
        };
        const start = offset(c.line, c.column);
        const endInScript = Math.max(start, offset(c.endLine, c.endColumn));
        // A range ending at a joined continuation maps to the character after it, never before the start.
        const fileStart = script.toFile(start);
        const fileEnd = endInScript > start ? script.toFile(endInScript - 1) + 1 : fileStart;
        findings.push({
          ruleId: id,
          severity: level,
          messageId: `SC${c.code}`,
          message: `${c.message.replace(/\.\s*$/, '')} (https://www.shellcheck.net/wiki/SC${c.code})`,
          location: toLocation(sourceOf(script.path), script.path, fileStart, fileEnd),
        });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { findings, errors };
}
