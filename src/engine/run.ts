/**
 * One walk per file: every enabled rule's visitors are collected per node kind, each model is
 * walked once and its nodes dispatched, then `project` and `end` hooks run. Reports become
 * Findings here (the only place that turns offsets into lines and columns).
 */
import type { Dockerfile, Instruction } from '../parse/dockerfile/model.js';
import type { ComposeFile } from '../parse/compose/model.js';
import type { SourceFile } from '../parse/source.js';
import type { Project } from '../project/model.js';
import type { Finding, Report, Rule, Settings, Severity, Visitors, Location } from './types.js';
import { releaseShell } from '../analysis/release-shell.js';

export interface ActiveRule {
  rule: Rule;
  severity: Severity;
  options: Record<string, unknown>;
}

export interface RunInput {
  dockerfiles: Dockerfile[];
  composeFiles: ComposeFile[];
  project: Project;
  settings: Settings;
  /** Source of any file a finding may point into (parsed files, .env, .dockerignore, …). */
  sourceOf(path: string): SourceFile | undefined;
}

export interface RunOutput {
  findings: Finding[];
  /** Rules that threw: bugs of ours, never the user's; the CLI exits 2 on them. */
  internalErrors: string[];
}

type Handler = { id: string; fn: (...args: any[]) => void };

const KEYWORD_VISITOR: Record<string, keyof Visitors> = {
  FROM: 'dockerfile:from',
  RUN: 'dockerfile:run',
  COPY: 'dockerfile:copy',
  ADD: 'dockerfile:copy',
  USER: 'dockerfile:user',
};

/**
 * Each message template split once at its `{name}` placeholders (odd indexes hold the names):
 * a regex replace with a callback per finding was a visible share of a run. Templates come from
 * rule metadata, so the cache stays as small as the set of messages.
 */
const templateParts = new Map<string, string[]>();

export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  let parts = templateParts.get(template);
  if (!parts) templateParts.set(template, (parts = template.split(/\{(\w+)\}/)));
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i]!;
    out += (k in data ? String(data[k]) : `{${k}}`) + parts[i + 1]!;
  }
  return out;
}

export function toLocation(source: SourceFile | undefined, path: string, start: number, end: number): Location {
  if (!source) {
    return { path, start: { line: 1, column: 1, offset: start }, end: { line: 1, column: 1, offset: end } };
  }
  return { path, start: source.positionAt(start), end: source.positionAt(Math.max(start, end)) };
}

export function runRules(active: readonly ActiveRule[], input: RunInput): RunOutput {
  const findings: Finding[] = [];
  const internalErrors: string[] = [];
  const handlers = new Map<keyof Visitors, Handler[]>();

  for (const { rule, severity, options } of active) {
    const { meta } = rule;
    const report = (r: Report) => {
      const template = (meta.messages as Record<string, string>)[r.messageId];
      if (template === undefined) throw new Error(`rule ${meta.id} reported unknown messageId ${r.messageId}`);
      if (r.fix && !meta.fix) throw new Error(`rule ${meta.id} reported a fix but declares no meta.fix`);
      const loc = (at: { path: string; start: number; end: number }) => toLocation(input.sourceOf(at.path), at.path, at.start, at.end);
      const finding: Finding = {
        ruleId: meta.id,
        severity,
        messageId: r.messageId,
        message: formatMessage(template, r.data),
        location: loc(r.at),
      };
      if (r.related?.length) finding.related = r.related.map((x) => ({ location: loc(x.at), message: x.message }));
      if (r.fix) finding.fix = { title: r.fix.title, safety: meta.fix!, edits: r.fix.edits };
      if (r.suggest?.length) finding.suggestions = r.suggest.map((s) => ({ title: s.title, safety: 'unsafe', edits: s.edits }));
      findings.push(finding);
    };
    let visitors: Visitors;
    try {
      visitors = rule.create({ id: meta.id, options: options as never, settings: input.settings, report });
    } catch (e) {
      internalErrors.push(`rule ${meta.id} failed to start: ${(e as Error).stack ?? e}`);
      continue;
    }
    for (const [key, fn] of Object.entries(visitors) as [keyof Visitors, (...a: any[]) => void][]) {
      if (typeof fn !== 'function') continue;
      let list = handlers.get(key);
      if (!list) handlers.set(key, (list = []));
      list.push({ id: meta.id, fn });
    }
  }

  // Fixed arity instead of `...args`: no rest array per node and no spread call per handler
  // (every visitor takes at most two arguments).
  const call = (key: keyof Visitors, a?: unknown, b?: unknown) => {
    const list = handlers.get(key);
    if (!list) return;
    for (const h of list) {
      try {
        h.fn(a, b);
      } catch (e) {
        const where = [a, b].find((x): x is { path: string } => typeof (x as { path?: unknown })?.path === 'string');
        internalErrors.push(`rule ${h.id} crashed${where ? ` on ${where.path}` : ''}: ${(e as Error).stack ?? e}`);
      }
    }
  };

  for (const file of input.dockerfiles) {
    call('dockerfile', file);
    for (const stage of file.stages) call('dockerfile:stage', stage, file);
    for (const ins of file.instructions) {
      call('dockerfile:instruction', ins, file);
      const specific = KEYWORD_VISITOR[(ins as Instruction).keyword];
      if (specific) call(specific, ins, file);
    }
    // Its rules have walked it: what they lexed need not live to the end of the run.
    releaseShell(file);
  }
  for (const file of input.composeFiles) {
    call('compose', file);
    for (const service of file.services) call('compose:service', service, file);
  }
  call('project', input.project);
  call('end');
  return { findings, internalErrors };
}
