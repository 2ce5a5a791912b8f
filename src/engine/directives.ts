/**
 * Inline suppressions. Our own comments (`# compose-lint disable-next-line …`) and the pragmas
 * of the tools we alias (hadolint `ignore=`, BuildKit `# check=skip=`, dclint `disable…`) are
 * parsed into one list of {@link Directive}s; codes go through the alias table, so `DL3008`
 * silences the rule that carries that alias. Nothing here throws on user input: an unknown code
 * or a malformed comment becomes a {@link DirectiveProblem}.
 */
import { Lexer } from 'yaml';
import { SourceFile, type Ranged } from '../parse/source.js';
import type { Finding, Location } from './types.js';

export type DirectiveTool = 'compose-lint' | 'hadolint' | 'buildkit' | 'dclint';
export type DirectiveScope = 'lines' | 'file' | 'disable' | 'enable';

export interface DirectiveCode {
  /** As written. */
  code: string;
  /** Rule ids it names; empty when unknown. */
  ids: readonly string[];
  range: Ranged;
}

export interface Directive {
  tool: DirectiveTool;
  /** The form as written: `disable-next-line`, `ignore`, `global ignore`, `check`, … */
  form: string;
  /** `lines`: the lines in `lines`; `file`: everywhere; `disable`/`enable`: from here on. */
  scope: DirectiveScope;
  /** For `lines`: 1-based, inclusive. Absent when the comment has nothing after it to cover. */
  lines?: { from: number; to: number };
  /** No codes given (or `skip=all`): every rule, or every rule of the tool when known. */
  all: boolean;
  codes: DirectiveCode[];
  /** The rules covered; undefined means every rule. */
  ruleIds?: ReadonlySet<string>;
  reason?: string;
  /** The whole comment, from `#` to the end of the line. */
  range: Ranged;
  location: Location;
}

export interface DirectiveProblem {
  kind: 'unknown-code' | 'malformed';
  tool: DirectiveTool;
  message: string;
  code?: string;
  range: Ranged;
  location: Location;
}

export interface Directives {
  path: string;
  list: Directive[];
  problems: DirectiveProblem[];
  /** BuildKit `# check=…;error=true` at the top: the caller raises those checks to error. */
  check?: { error: boolean; location: Location };
}

/** What a Dockerfile instruction looks like to us; the model's `Instruction` fits. */
export interface InstructionSpan {
  range: { start: number; end: number };
  keyword?: string;
  heredocs?: readonly { bodyRange: { start: number; end: number } }[];
}

export interface ParseDirectivesOptions {
  path?: string;
  /** Dockerfile instructions, so a directive covers every line of the instruction after it. */
  instructions?: readonly InstructionSpan[];
  /** Dockerfile escape character, for finding continuation lines without `instructions`. */
  escapeChar?: '\\' | '`';
  /** Rules a foreign "everything" (`# check=skip=all`, `# dclint disable-file`) should cover. */
  toolRuleIds?: Partial<Record<Exclude<DirectiveTool, 'compose-lint'>, ReadonlySet<string>>>;
}

export type ResolveCode = (code: string) => string | readonly string[] | undefined;

interface Comment {
  /** Offset of `#`. */
  start: number;
  end: number;
  line: number;
  /** Nothing but blanks before it on its line. */
  ownLine: boolean;
}

function yamlComments(source: SourceFile): Comment[] {
  const out: Comment[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(source.text)) {
    // The lexer interleaves zero-width control characters that are not in the source.
    if (token === '\x02' || token === '\x18' || token === '\x1f') continue;
    if (token.startsWith('#')) {
      const pos = source.positionAt(offset);
      const before = source.text.slice(offset - (pos.column - 1), offset);
      out.push({ start: offset, end: offset + token.length, line: pos.line, ownLine: /^[\s\uFEFF]*$/.test(before) });
    }
    offset += token.length;
  }
  return out;
}

function inAny(offset: number, spans: readonly { start: number; end: number }[]): boolean {
  return spans.some((s) => offset >= s.start && offset < s.end);
}

function dockerfileComments(source: SourceFile, opts: ParseDirectivesOptions): Comment[] {
  const bodies = (opts.instructions ?? []).flatMap((i) => (i.heredocs ?? []).map((h) => h.bodyRange));
  const out: Comment[] = [];
  for (let line = 1; line <= source.lineCount; line++) {
    const text = source.lineText(line);
    const m = /^[\s\uFEFF]*#/.exec(text);
    if (!m) continue;
    const start = source.lineStart(line) + m[0].length - 1;
    if (inAny(start, bodies)) continue; // script text of a heredoc, not a Dockerfile comment
    out.push({ start, end: source.lineEnd(line), line, ownLine: true });
  }
  return out;
}

/** Tokens of a code list (comma or blank separated) inside [from, to) of the text. */
function codesIn(text: string, from: number, to: number): { code: string; start: number; end: number }[] {
  const out: { code: string; start: number; end: number }[] = [];
  const re = /[^\s,]+/g;
  const part = text.slice(from, to);
  for (let m = re.exec(part); m; m = re.exec(part)) {
    out.push({ code: m[0], start: from + m.index, end: from + m.index + m[0].length });
  }
  return out;
}

/** Splits off a ` -- reason` (or, for hadolint, a ` # reason`): returns where the codes end. */
function splitReason(text: string, from: number, to: number, alsoHash: boolean): { end: number; reason?: string } {
  const part = text.slice(from, to);
  // hadolint introduces a rationale with a second `#`; we also take `--` there.
  const m = (alsoHash ? /#|(?:^|\s)--(?=\s|$)/ : /(?:^|\s)--(?=\s|$)/).exec(part);
  if (!m) return { end: to };
  const reason = part.slice(m.index + m[0].length).trim();
  return reason ? { end: from + m.index, reason } : { end: from + m.index };
}

interface Parsed {
  tool: DirectiveTool;
  form: string;
  kind: 'next' | 'line' | 'file' | 'disable' | 'enable' | 'stage';
  codes: { code: string; start: number; end: number }[];
  all: boolean;
  reason?: string;
}

/** A case-insensitive superset of the words every directive form starts with (see parseBody). */
const MAY_HOLD_DIRECTIVE = /compose-lint|hadolint|dclint|check\s*=/i;
const OURS = /^compose-lint(?=\s|$)(?:\s+(\S*))?/;
const OUR_FORMS: Record<string, Parsed['kind']> = {
  'disable-next-line': 'next',
  'disable-line': 'line',
  'disable-file': 'file',
  disable: 'disable',
  enable: 'enable',
};

class DirectiveParser {
  readonly source: SourceFile;
  readonly list: Directive[] = [];
  readonly problems: DirectiveProblem[] = [];
  check?: { error: boolean; location: Location };
  private readonly commentLines = new Set<number>();
  private readonly instructionsByLine = new Map<number, { to: number; keyword?: string }>();

  constructor(
    text: string,
    readonly kind: 'dockerfile' | 'compose',
    readonly resolve: ResolveCode,
    readonly opts: ParseDirectivesOptions,
  ) {
    this.source = new SourceFile(opts.path ?? '', text);
    for (const ins of opts.instructions ?? []) {
      const from = this.source.positionAt(ins.range.start).line;
      const to = this.source.positionAt(Math.max(ins.range.start, ins.range.end - 1)).line;
      this.instructionsByLine.set(from, ins.keyword !== undefined ? { to, keyword: ins.keyword } : { to });
    }
  }

  location(start: number, end: number): Location {
    return { path: this.source.path, start: this.source.positionAt(start), end: this.source.positionAt(end) };
  }

  run(): void {
    const comments = this.kind === 'dockerfile' ? dockerfileComments(this.source, this.opts) : yamlComments(this.source);
    for (const c of comments) if (c.ownLine) this.commentLines.add(c.line);
    const topBlock = this.kind === 'dockerfile' ? this.parserDirectiveLines() : new Set<number>();
    for (const c of comments) {
      const body = this.source.text.slice(c.start + 1, c.end);
      const lead = body.length - body.trimStart().length;
      const parsed = this.parseBody(c, c.start + 1 + lead, topBlock.has(c.line));
      if (parsed) this.add(c, parsed);
    }
  }

  /** Lines of BuildKit parser directives: `# name=value` comments before anything else. */
  private parserDirectiveLines(): Set<number> {
    const lines = new Set<number>();
    for (let line = 1; line <= this.source.lineCount; line++) {
      const text = this.source.lineText(line).replace(/^\uFEFF/, '');
      if (line === 1 && text.startsWith('#!')) continue;
      if (!/^\s*#\s*[A-Za-z][\w-]*\s*=/.test(text)) break;
      lines.add(line);
    }
    return lines;
  }

  private problem(kind: DirectiveProblem['kind'], tool: DirectiveTool, message: string, start: number, end: number, code?: string): void {
    const p: DirectiveProblem = { kind, tool, message, range: this.source.ranged(start, end), location: this.location(start, end) };
    if (code !== undefined) p.code = code;
    this.problems.push(p);
  }

  private parseBody(c: Comment, at: number, inTopBlock: boolean): Parsed | undefined {
    const text = this.source.text;
    const body = text.slice(at, c.end);
    let m: RegExpExecArray | null;
    if ((m = OURS.exec(body))) {
      const form = m[1] ?? '';
      const kind = OUR_FORMS[form];
      if (!kind) {
        this.problem('malformed', 'compose-lint', `unknown directive "compose-lint ${form}"; expected one of ${Object.keys(OUR_FORMS).join(', ')}`, c.start, c.end);
        return undefined;
      }
      const { end, reason } = splitReason(text, at + m[0].length, c.end, false);
      const codes = codesIn(text, at + m[0].length, end);
      return { tool: 'compose-lint', form, kind, codes, all: codes.length === 0, ...(reason ? { reason } : {}) };
    }
    if (this.kind === 'dockerfile' && (m = /^hadolint\s+(?:(global|stage)\s+)?ignore\s*=\s*/.exec(body))) {
      const { end, reason } = splitReason(text, at + m[0].length, c.end, true);
      const codes = codesIn(text, at + m[0].length, end);
      const kind = m[1] === 'global' ? 'file' : m[1] === 'stage' ? 'stage' : 'next';
      if (codes.length === 0) {
        this.problem('malformed', 'hadolint', 'hadolint ignore= lists no rule codes', c.start, c.end);
        return undefined;
      }
      return { tool: 'hadolint', form: m[1] ? `${m[1]} ignore` : 'ignore', kind, codes, all: false, ...(reason ? { reason } : {}) };
    }
    if (this.kind === 'dockerfile' && (m = /^check\s*=\s*/i.exec(body))) {
      return this.parseCheck(c, at + m[0].length, inTopBlock);
    }
    if (this.kind === 'compose' && (m = /^dclint\s+(disable-file|disable-line|disable)(?=\s|$)/.exec(body))) {
      const { end, reason } = splitReason(text, at + m[0].length, c.end, false);
      const codes = codesIn(text, at + m[0].length, end);
      // dclint's `disable` only works at the top and then covers the whole file.
      const kind = m[1] === 'disable-line' ? 'line' : 'file';
      return { tool: 'dclint', form: m[1]!, kind, codes, all: codes.length === 0, ...(reason ? { reason } : {}) };
    }
    return undefined;
  }

  private parseCheck(c: Comment, from: number, inTopBlock: boolean): Parsed | undefined {
    const text = this.source.text;
    let codes: Parsed['codes'] = [];
    let all = false;
    let error: boolean | undefined;
    let pos = from;
    for (const part of text.slice(from, c.end).split(';')) {
      const partStart = pos;
      pos += part.length + 1;
      const m = /^\s*([A-Za-z]+)\s*=\s*(.*?)\s*$/.exec(part);
      if (!m) {
        if (part.trim()) this.problem('malformed', 'buildkit', `malformed check directive part "${part.trim()}"`, c.start, c.end);
        continue;
      }
      const key = m[1]!.toLowerCase();
      const valueStart = partStart + part.indexOf(m[2]!, m[0].indexOf('=') + 1);
      if (key === 'skip') {
        if (m[2]!.toLowerCase() === 'all') all = true;
        else codes = codesIn(text, valueStart, valueStart + m[2]!.length);
      } else if (key === 'error') {
        const v = m[2]!.toLowerCase();
        if (v === 'true' || v === 'false') error = v === 'true';
        else this.problem('malformed', 'buildkit', `check directive: error must be true or false, not "${m[2]}"`, c.start, c.end);
      } else if (key !== 'experimental') {
        this.problem('malformed', 'buildkit', `check directive: unknown key "${m[1]}"; expected skip, error or experimental`, c.start, c.end);
      }
    }
    if (error !== undefined && inTopBlock) this.check = { error, location: this.location(c.start, c.end) };
    if (!all && codes.length === 0) return undefined;
    // At the top it is BuildKit's file-wide parser directive; above an instruction, that
    // instruction's own override.
    return { tool: 'buildkit', form: 'check', kind: inTopBlock ? 'file' : 'next', codes, all };
  }

  private add(c: Comment, p: Parsed): void {
    const codes: DirectiveCode[] = [];
    const ids = new Set<string>();
    for (const t of p.codes) {
      const hit = this.resolve(t.code);
      const list = hit === undefined ? [] : typeof hit === 'string' ? [hit] : [...hit];
      if (list.length === 0) {
        this.problem('unknown-code', p.tool, `unknown rule "${t.code}" in ${p.tool} directive`, t.start, t.end, t.code);
      }
      for (const id of list) ids.add(id);
      codes.push({ code: t.code, ids: list, range: this.source.ranged(t.start, t.end) });
    }
    const d: Directive = {
      tool: p.tool,
      form: p.form,
      scope: p.kind === 'file' || p.kind === 'disable' || p.kind === 'enable' ? p.kind : 'lines',
      all: p.all,
      codes,
      range: this.source.ranged(c.start, c.end),
      location: this.location(c.start, c.end),
    };
    if (p.all) {
      const toolIds = p.tool === 'compose-lint' ? undefined : this.opts.toolRuleIds?.[p.tool];
      if (toolIds) d.ruleIds = toolIds;
    } else {
      d.ruleIds = ids;
    }
    if (p.reason !== undefined) d.reason = p.reason;
    if (d.scope === 'lines') {
      const lines =
        p.kind === 'line' && !c.ownLine ? { from: c.line, to: c.line } : p.kind === 'stage' ? this.stageAfter(c.line) : this.targetAfter(c.line);
      if (lines) d.lines = lines;
    }
    this.list.push(d);
  }

  /** The next line that is not a comment line. */
  private nextCodeLine(line: number): number | undefined {
    for (let l = line + 1; l <= this.source.lineCount; l++) if (!this.commentLines.has(l)) return l;
    return undefined;
  }

  /** The lines a "next line" directive covers: in a Dockerfile, the whole next instruction. */
  private targetAfter(line: number): { from: number; to: number } | undefined {
    const from = this.nextCodeLine(line);
    if (from === undefined) return undefined;
    if (this.kind !== 'dockerfile') return { from, to: from };
    if (this.opts.instructions) return { from, to: this.instructionsByLine.get(from)?.to ?? from };
    // Without the model, follow line continuations.
    const esc = this.opts.escapeChar ?? '\\';
    let to = from;
    while (to < this.source.lineCount && this.source.lineText(to).trimEnd().endsWith(esc)) to++;
    return { from, to };
  }

  /** hadolint `stage ignore=`: from the FROM below to the line before the next FROM. */
  private stageAfter(line: number): { from: number; to: number } | undefined {
    const from = this.nextCodeLine(line);
    if (from === undefined) return undefined;
    let to = this.source.lineCount;
    for (let l = from + 1; l <= this.source.lineCount; l++) {
      const isFrom = this.opts.instructions
        ? this.instructionsByLine.get(l)?.keyword?.toUpperCase() === 'FROM'
        : !this.commentLines.has(l) && /^\s*from\s/i.test(this.source.lineText(l));
      if (isFrom) {
        to = l - 1;
        break;
      }
    }
    return { from, to };
  }
}

/**
 * Finds every directive in a file's comments. `resolveId` maps a written code (id or alias) to
 * rule ids; whole-line comments count in Dockerfiles, whole-line and trailing ones in YAML.
 */
export function parseDirectives(
  text: string,
  kind: 'dockerfile' | 'compose',
  resolveId: ResolveCode,
  opts: ParseDirectivesOptions = {},
): Directives {
  // Most files hold no directive: skip the comment scan (a second YAML lexing pass for compose
  // files) when no word a directive starts with occurs anywhere in the text.
  if (!MAY_HOLD_DIRECTIVE.test(text)) return { path: opts.path ?? '', list: [], problems: [] };
  const p = new DirectiveParser(text, kind, resolveId, opts);
  p.run();
  const out: Directives = { path: p.source.path, list: p.list, problems: p.problems };
  if (p.check) out.check = p.check;
  return out;
}

export interface UnusedCode {
  directive: Directive;
  code: DirectiveCode;
}

export interface AppliedDirectives {
  /** The same findings, in order; suppressed ones carry `suppressed`. */
  findings: Finding[];
  /** Directives that silenced nothing (`enable` never counts). */
  unused: Directive[];
  /** Codes of directives that silenced something, but nothing through this code. */
  unusedCodes: UnusedCode[];
}

function covers(d: Directive, ruleId: string): boolean {
  return d.ruleIds === undefined || d.ruleIds.has(ruleId);
}

export interface ApplyOptions {
  /**
   * Rules enabled for this file. A code naming only rules that are off could not have silenced
   * anything, so it is not reported as unused (the config, not the comment, is the reason).
   */
  enabledRuleIds?: ReadonlySet<string>;
}

/** Marks the findings the directives silence and reports the directives that silenced nothing. */
export function applyDirectives(findings: readonly Finding[], directives: Directives, opts: ApplyOptions = {}): AppliedDirectives {
  const byLines = directives.list.filter((d) => d.scope === 'lines' && d.lines);
  const byFile = directives.list.filter((d) => d.scope === 'file');
  const ranges = directives.list
    .filter((d) => d.scope === 'disable' || d.scope === 'enable')
    .sort((a, b) => a.range.start - b.range.start);
  const usedCodes = new Map<Directive, Set<DirectiveCode>>();
  const use = (d: Directive, ruleId: string) => {
    let set = usedCodes.get(d);
    if (!set) usedCodes.set(d, (set = new Set()));
    for (const c of d.codes) if (c.ids.includes(ruleId)) set.add(c);
  };

  const out = findings.map((f) => {
    if (f.suppressed) return f;
    if (directives.path && f.location.path !== directives.path) return f;
    const line = f.location.start.line;
    const matched: Directive[] = byLines.filter((d) => d.lines!.from <= line && line <= d.lines!.to && covers(d, f.ruleId));
    // In ranges, the last disable/enable before the finding that names its rule decides.
    let state: Directive | undefined;
    for (const d of ranges) {
      if (d.range.start > f.location.start.offset) break;
      if (covers(d, f.ruleId)) state = d;
    }
    if (state?.scope === 'disable') matched.push(state);
    matched.push(...byFile.filter((d) => covers(d, f.ruleId)));
    if (matched.length === 0) return f;
    for (const d of matched) use(d, f.ruleId);
    const first = matched[0]!;
    const suppressed: NonNullable<Finding['suppressed']> = { by: 'inline', directive: first.location };
    if (first.reason !== undefined) suppressed.reason = first.reason;
    return { ...f, suppressed };
  });

  const unused: Directive[] = [];
  const unusedCodes: UnusedCode[] = [];
  const enabled = opts.enabledRuleIds;
  const judged = (code: DirectiveCode) => code.ids.length > 0 && (!enabled || code.ids.some((id) => enabled.has(id)));
  for (const d of directives.list) {
    if (d.scope === 'enable') continue;
    const used = usedCodes.get(d);
    if (!used) {
      // A directive of unknown codes only is already reported as such.
      if (d.all || d.codes.some(judged)) unused.push(d);
      continue;
    }
    for (const code of d.codes) if (judged(code) && !used.has(code)) unusedCodes.push({ directive: d, code });
  }
  return { findings: out, unused, unusedCodes };
}
