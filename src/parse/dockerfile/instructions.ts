/**
 * Turns a scanned instruction (head + heredoc bodies) into the typed model node.
 */
import type { Ranged } from '../source.js';
import { parseImageRef } from '../image-ref.js';
import type {
  ArgInstruction,
  ArgVar,
  CopyInstruction,
  EnvInstruction,
  EnvPair,
  Flag,
  FromInstruction,
  Heredoc,
  Instruction,
  InstructionBase,
  ParseProblem,
  RunInstruction,
  Stage,
  UserInstruction,
  Word,
} from './model.js';
import type { ShellCommand, ShellWord } from './shell/types.js';
import { parseShell } from './shell/lex.js';
import type { Head } from './head.js';
import { sourceOffset, type LogicalLine, type RawHeredocBody } from './scan.js';
import { expandWord, literalSpan } from './expand.js';
import { unquote, type JsonItem, type RawWord } from './words.js';
import { argWords } from './head.js';

export interface BuildContext {
  path: string;
  text: string;
  escape: '\\' | '`';
  problems: ParseProblem[];
  /** Effective values of global ARGs (undefined: declared but value unknown). */
  globals: Map<string, string | undefined>;
  buildArgs: Record<string, string>;
  /** Stages created so far (a FROM may refer to them). */
  stages: Stage[];
  stageIndex: number;
}

/** Maps logical-line indices of one instruction to source ranges. */
class Spans {
  /** Source offset of logical index 0 when the line is one unbroken piece of source, else -1. */
  private readonly direct: number;

  constructor(
    private readonly path: string,
    private readonly line: LogicalLine,
  ) {
    this.direct = line.pieceStarts.length === 1 ? line.pieceOffsets[0]! : -1;
  }

  private src(i: number): number {
    return this.direct >= 0 ? this.direct + i : sourceOffset(this.line, i);
  }

  /** Source offset of logical index `i` (an insertion point). */
  at(i: number): number {
    if (i <= 0) return this.line.text.length > 0 ? this.src(0) : this.line.end;
    if (i >= this.line.text.length) return this.line.end;
    // An insertion point right after a character sticks to that character.
    return this.src(i - 1) + 1;
  }

  range(a: number, b: number): Ranged {
    if (b <= a) {
      const p = this.at(a);
      return { path: this.path, start: p, end: p };
    }
    return { path: this.path, start: this.src(a), end: this.src(b - 1) + 1 };
  }
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh']);
const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

const basename = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

function problem(ctx: BuildContext, message: string, range: Ranged): void {
  ctx.problems.push({ message, range });
}

function safeShell(src: string, offset: number, path: string, escape: '\\' | '`', script = false): ShellCommand[] {
  try {
    // A heredoc body is a plain script: the shell's own continuation rules, comments kept.
    return parseShell(src, { path, offset, escape, script });
  } catch {
    // The lexer must never take the whole model down with it.
    return [];
  }
}

export function buildInstruction(head: Head, bodies: RawHeredocBody[], ctx: BuildContext): Instruction {
  const line = head.line;
  const s = line.text;
  const sp = new Spans(ctx.path, line);

  const flags: Flag[] = head.flags.map((f) => {
    const flag: Flag = {
      name: f.name,
      value: f.value,
      range: sp.range(f.word.start, f.word.end),
      nameRange: sp.range(f.word.start + 2, f.word.start + 2 + f.name.length),
    };
    if (f.valueStart >= 0) flag.valueRange = sp.range(f.valueStart, f.word.end);
    return flag;
  });

  const lastHeadToken = head.flags.length > 0 ? head.flags[head.flags.length - 1]!.word.end : head.kwEnd;
  const argsRange =
    head.argsStart < s.length ? sp.range(head.argsStart, s.length) : sp.range(lastHeadToken, lastHeadToken);

  const heredocs: Heredoc[] = head.markers.length === 0 ? [] : head.markers.map((m, k) => {
    const body = bodies[k] ?? { bodyStart: ctx.text.length, bodyEnd: ctx.text.length, terminated: false, end: ctx.text.length };
    let bodyText = ctx.text.slice(body.bodyStart, body.bodyEnd);
    if (m.stripTabs) bodyText = bodyText.replace(/^\t+/gm, '');
    const markerRange = sp.range(m.start, m.end);
    if (!body.terminated) problem(ctx, `unterminated heredoc ${m.name}`, markerRange);
    return {
      name: m.name,
      stripTabs: m.stripTabs,
      quoted: m.quoted,
      markerRange,
      body: bodyText,
      bodyRange: { path: ctx.path, start: body.bodyStart, end: body.bodyEnd },
      terminated: body.terminated,
    };
  });

  const lastBody = bodies[bodies.length - 1];
  const keywordRange = sp.range(0, head.kwEnd);
  const range: Ranged = { path: ctx.path, start: sp.at(0), end: Math.max(line.end, lastBody?.end ?? 0) };
  let base: InstructionBase;
  if (head.words === null && !head.json) {
    // A shell-form RUN's words are split only when something reads its `args` (see `argWords`).
    // The node is built key by key so that `args` is an accessor in its place from the start.
    base = { keyword: head.keyword, keywordRaw: head.keywordRaw, keywordRange, range, flags } as InstructionBase;
    Object.defineProperty(base, 'args', LAZY_ARGS);
    Object.defineProperty(base, ARGS_STATE, { value: head, writable: true, enumerable: false, configurable: true });
    base.argsRange = argsRange;
    base.argsText = s.slice(head.argsStart);
    base.jsonForm = false;
    base.heredocs = heredocs;
    base.stageIndex = ctx.stageIndex;
  } else {
    const args: Word[] = head.json ? jsonWords(sp, head.jsonPrefix, head.json) : toWords(sp, argWords(head));
    base = {
      keyword: head.keyword,
      keywordRaw: head.keywordRaw,
      keywordRange,
      range,
      flags,
      args,
      argsRange,
      argsText: s.slice(head.argsStart),
      jsonForm: head.json !== null,
      heredocs,
      stageIndex: ctx.stageIndex,
    };
  }

  const env = { ctx, head, sp, base };
  switch (head.keyword) {
    case 'FROM':
      return buildFrom(env);
    case 'RUN':
      return buildRun(env, bodies);
    case 'COPY':
    case 'ADD':
      return buildCopy(env);
    case 'USER':
      return buildUser(env);
    case 'ARG':
      return buildArg(env);
    case 'ENV':
      return buildEnv(env);
    default:
      return base;
  }
}

function toWords(sp: Spans, words: RawWord[]): Word[] {
  const out: Word[] = new Array(words.length);
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    out[k] = { value: w.value, range: sp.range(w.start, w.end) };
  }
  return out;
}

function jsonWords(sp: Spans, prefix: RawWord[], items: JsonItem[]): Word[] {
  const out: Word[] = toWords(sp, prefix);
  for (const it of items) out.push({ value: it.value, range: sp.range(it.start, it.end) });
  return out;
}

/**
 * Where a lazy node keeps its `Head` until `args` is first read, then the words. Not enumerable,
 * so JSON and deep comparisons see only `args`.
 */
const ARGS_STATE = Symbol('argsState');

function isPendingHead(state: unknown): state is Head {
  return typeof state === 'object' && state !== null && Object.prototype.hasOwnProperty.call(state, 'argsStart');
}

/**
 * One getter and setter pair shared by every lazy node: V8 keeps such objects in fast mode with
 * one hidden class, where a per-object accessor pair turned every shell-form RUN into a
 * dictionary-mode object (slower to read for every rule, and larger).
 */
const LAZY_ARGS: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: InstructionBase & { [ARGS_STATE]: Head | Word[] }): Word[] {
    const state = this[ARGS_STATE];
    // Anything but the pending head was written through the setter and is returned as written.
    if (Array.isArray(state) || !isPendingHead(state)) return state;
    const words = toWords(new Spans(this.range.path, state.line), argWords(state));
    this[ARGS_STATE] = words;
    return words;
  },
  set(this: { [ARGS_STATE]: Head | Word[] }, v: Word[]): void {
    this[ARGS_STATE] = v;
  },
};

interface Env {
  ctx: BuildContext;
  head: Head;
  sp: Spans;
  base: InstructionBase;
}

function globalLookup(ctx: BuildContext) {
  return (name: string): string | undefined => (ctx.globals.has(name) ? ctx.globals.get(name) : undefined);
}

// The first stage of each name, kept up to date as stages are added: looking each `FROM` up in
// the list of earlier stages made a file of n stages cost n².
const stageIndexes = new WeakMap<Stage[], { seen: number; byName: Map<string, Stage> }>();
function stageNamed(stages: Stage[], name: string): Stage | undefined {
  let index = stageIndexes.get(stages);
  if (!index) stageIndexes.set(stages, (index = { seen: 0, byName: new Map() }));
  for (; index.seen < stages.length; index.seen++) {
    const st = stages[index.seen]!;
    if (st.name !== undefined && !index.byName.has(st.name)) index.byName.set(st.name, st);
  }
  return index.byName.get(name);
}

function buildFrom({ ctx, head, sp, base }: Env): FromInstruction {
  const s = head.line.text;
  const words = argWords(head);
  const node = base as FromInstruction;
  node.keyword = 'FROM';
  // Placeholder keeping the key order of the model; set below once the words are read.
  node.image = undefined as unknown as FromInstruction['image'];
  node.scratch = false;
  const platform = base.flags.find((f) => f.name === 'platform');
  if (platform) node.platform = platform;
  if (words.length === 0) {
    node.image = parseImageRef('', '', sp.range(head.argsStart, head.argsStart));
    problem(ctx, 'FROM requires either one or three arguments', base.keywordRange);
    return node;
  }
  if (words.length !== 1 && words.length !== 3) {
    problem(ctx, 'FROM requires either one or three arguments', base.argsRange);
  }
  const w = words[0]!;
  const exp = expandWord(s, w.start, w.end, ctx.escape, globalLookup(ctx));
  node.image = parseImageRef(w.raw, exp.value, sp.range(w.start, w.end), exp.unresolved, (i, j) => {
    const lit = literalSpan(exp, i, j);
    return lit ? sp.range(lit.start, lit.end) : undefined;
  });
  const resolved = exp.value.toLowerCase();
  node.scratch = exp.unresolved.length === 0 && resolved === 'scratch';
  if (exp.unresolved.length === 0) {
    const ref = stageNamed(ctx.stages, resolved);
    if (ref) node.stageRef = ref.index;
  }
  if (words.length >= 2) {
    const as = words[1]!;
    if (as.value.toLowerCase() !== 'as') {
      problem(ctx, 'the second argument of FROM must be AS', sp.range(as.start, as.end));
    } else if (words.length >= 3) {
      const nm = words[2]!;
      node.stageName = { value: nm.value, range: sp.range(nm.start, nm.end), asRange: sp.range(as.start, as.end) };
      if (!STAGE_NAME.test(nm.value.toLowerCase())) {
        problem(ctx, `invalid name for build stage: "${nm.value}"`, node.stageName.range);
      }
    }
  }
  return node;
}

function execCommand(items: Word[]): ShellCommand {
  const words: ShellWord[] = items.map((w) => ({ value: w.value, range: w.range, dynamic: false }));
  const first = words[0]!;
  const last = words[words.length - 1]!;
  return {
    name: first.value,
    nameWord: first,
    args: words.slice(1),
    wrappers: [],
    assignments: [],
    range: { path: first.range.path, start: first.range.start, end: last.range.end },
    subshell: false,
    next: '',
  };
}

function inOrder(commands: ShellCommand[]): boolean {
  for (let k = 1; k < commands.length; k++) if (commands[k - 1]!.range.start > commands[k]!.range.start) return false;
  return true;
}

function buildRun({ ctx, head, base }: Env, bodies: RawHeredocBody[]): RunInstruction {
  const mounts: RunInstruction['mounts'] = [];
  for (const flag of base.flags) {
    if (flag.name !== 'mount' || flag.value === null) continue;
    const options: Record<string, string> = {};
    let type = 'bind';
    for (const part of flag.value.split(',')) {
      if (part === '') continue;
      const eq = part.indexOf('=');
      const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
      const value = eq < 0 ? '' : part.slice(eq + 1);
      if (key === 'type') type = value;
      else options[key] = value;
    }
    mounts.push({ type, options, flag });
  }
  const form: RunInstruction['form'] = base.jsonForm ? 'exec' : base.heredocs.length > 0 ? 'heredoc' : 'shell';
  // What to lex is decided now; the lexing itself waits until `commands` is read (see LAZY_COMMANDS).
  const spans: ShellSpan[] = [];
  if (form !== 'exec') {
    // `head.words` is null when there are no markers (see readHead): then the words are heredoc
    // markers only when there are no words at all.
    const onlyMarkers = head.words ? head.words.every((_, k) => head.markers.some((m) => m.wordIndex === k)) : head.first === undefined;
    if (!onlyMarkers && base.argsRange.end > base.argsRange.start) {
      spans.push({ start: base.argsRange.start, end: base.argsRange.end, escape: ctx.escape, script: false });
    }
    const firstMarker = head.markers[0];
    const first = head.first;
    // The first heredoc is a shell script when it is the command itself or a shell's stdin.
    if (firstMarker && first && (firstMarker.wordIndex === 0 || (SHELLS.has(basename(first.value)) && bodies[0]))) {
      const body = bodies[0];
      if (body && body.bodyEnd > body.bodyStart) spans.push({ start: body.bodyStart, end: body.bodyEnd, escape: '\\', script: true });
    }
  }
  const node = base as RunInstruction;
  node.keyword = 'RUN';
  node.form = form;
  Object.defineProperty(node, 'commands', LAZY_COMMANDS);
  const pending: PendingShell = { text: ctx.text, path: ctx.path, escape: ctx.escape, spans };
  Object.defineProperty(node, COMMANDS_STATE, { value: { pending, lexed: undefined }, writable: true, enumerable: false, configurable: true });
  node.mounts = mounts;
  return node;
}

/** A stretch of the file to lex as shell: the RUN's arguments, or a heredoc script. */
interface ShellSpan {
  start: number;
  end: number;
  escape: '\\' | '`';
  script: boolean;
}

/** What lexing a RUN needs, kept so that its commands can be dropped and lexed again. */
interface PendingShell {
  text: string;
  path: string;
  escape: '\\' | '`';
  /** Empty for the exec form, whose command comes from its words. */
  spans: ShellSpan[];
}

interface CommandsState {
  pending: PendingShell | undefined;
  lexed: ShellCommand[] | undefined;
}

const COMMANDS_STATE = Symbol('commandsState');

function lexRun(node: RunInstruction, p: PendingShell): ShellCommand[] {
  if (node.form === 'exec') {
    const a = node.args;
    if (a.length === 0) return [];
    const inner = a[2];
    const src = inner ? p.text.slice(inner.range.start + 1, inner.range.end - 1) : '';
    // `["sh", "-c", "script"]`: the script is shell text; lex it when it maps 1:1 to the source.
    let commands: ShellCommand[] = [];
    if (inner && a.length === 3 && SHELLS.has(basename(a[0]!.value)) && a[1]!.value === '-c' && src === inner.value) {
      commands = safeShell(src, inner.range.start + 1, p.path, p.escape);
    }
    return commands.length === 0 ? [execCommand(a)] : commands;
  }
  let commands: ShellCommand[] = [];
  for (const span of p.spans) {
    const found = safeShell(p.text.slice(span.start, span.end), span.start, p.path, span.escape, span.script);
    commands = commands.length === 0 ? found : commands.concat(found);
  }
  // Sorting copies the array; the lexer's commands already come in order unless a heredoc
  // script was appended after them.
  if (!inOrder(commands)) commands.sort((x, y) => x.range.start - y.range.start);
  return commands;
}

/**
 * A RUN's commands are lexed when first read, and may be dropped again (releaseRunCommands):
 * lexed words are most of what a Dockerfile model holds, and the rules that read them run while
 * the file is walked, so a run that drops them after that walk keeps them out of the old
 * generation (issue 7). One shared accessor pair, as for `args`.
 */
const LAZY_COMMANDS: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: RunInstruction & { [COMMANDS_STATE]: CommandsState }): ShellCommand[] {
    const state = this[COMMANDS_STATE];
    return (state.lexed ??= lexRun(this, state.pending!));
  },
  set(this: { [COMMANDS_STATE]: CommandsState }, v: ShellCommand[]): void {
    // Written by hand: nothing to lex it from again.
    this[COMMANDS_STATE] = { pending: undefined, lexed: v };
  },
};

/**
 * Drops the lexed commands of a RUN built by this parser (they are lexed again if read); a no-op
 * for any other instruction, and for commands that were written rather than lexed.
 */
export function releaseRunCommands(ins: Instruction): void {
  const state = (ins as { [COMMANDS_STATE]?: CommandsState })[COMMANDS_STATE];
  if (state?.pending) state.lexed = undefined;
}

function buildCopy({ ctx, head, base }: Env): CopyInstruction {
  const keyword = head.keyword as 'COPY' | 'ADD';
  const node = base as CopyInstruction;
  node.keyword = keyword;
  node.sources = base.args.slice(0, -1);
  const dest = base.args[base.args.length - 1];
  if (dest) node.destination = dest;
  const from = base.flags.find((f) => f.name === 'from');
  if (from) node.from = from;
  if (base.args.length < 2) problem(ctx, `${keyword} requires at least two arguments`, base.keywordRange);
  return node;
}

function buildUser({ head, sp, base }: Env): UserInstruction {
  const w = argWords(head)[0];
  const node = base as UserInstruction;
  node.keyword = 'USER';
  node.user = undefined;
  if (!w) return node;
  const colon = w.value.indexOf(':');
  if (colon < 0) {
    node.user = { value: w.value, range: sp.range(w.start, w.end) };
    return node;
  }
  // Sub-ranges only when the word is written plainly (no quotes or escapes to skip).
  const plain = w.raw === w.value;
  node.user = { value: w.value.slice(0, colon), range: plain ? sp.range(w.start, w.start + colon) : sp.range(w.start, w.end) };
  node.group = w.value.slice(colon + 1);
  return node;
}

function buildArg({ ctx, head, sp, base }: Env): ArgInstruction {
  const s = head.line.text;
  const vars: ArgVar[] = [];
  const words = argWords(head);
  if (words.length === 0) problem(ctx, 'ARG requires at least one argument', base.keywordRange);
  for (const w of words) {
    const eq = w.raw.indexOf('=');
    const nameEnd = eq < 0 ? w.end : w.start + eq;
    const v: ArgVar = { name: unquote(s, w.start, nameEnd, ctx.escape), nameRange: sp.range(w.start, nameEnd) };
    if (eq >= 0) {
      v.defaultValue = unquote(s, nameEnd + 1, w.end, ctx.escape);
      v.defaultRange = sp.range(nameEnd + 1, w.end);
    }
    if (v.name === '') problem(ctx, 'ARG names can not be blank', sp.range(w.start, w.end));
    vars.push(v);
    if (ctx.stageIndex < 0 && v.name !== '') {
      let value: string | undefined;
      if (Object.prototype.hasOwnProperty.call(ctx.buildArgs, v.name)) value = ctx.buildArgs[v.name];
      else if (eq >= 0) {
        const exp = expandWord(s, nameEnd + 1, w.end, ctx.escape, globalLookup(ctx));
        value = exp.unresolved.length === 0 ? exp.value : undefined;
      }
      ctx.globals.set(v.name, value);
    }
  }
  const node = base as ArgInstruction;
  node.keyword = 'ARG';
  node.vars = vars;
  return node;
}

function buildEnv({ ctx, head, sp, base }: Env): EnvInstruction {
  const s = head.line.text;
  const words = argWords(head);
  const pairs: EnvPair[] = [];
  const node = base as EnvInstruction;
  node.keyword = 'ENV';
  node.pairs = pairs;
  if (words.length === 0) {
    problem(ctx, 'ENV requires at least one argument', base.keywordRange);
    return node;
  }
  const first = words[0]!;
  if (!first.raw.includes('=')) {
    // Legacy `ENV KEY value with spaces`: everything after the key is the value.
    if (words.length < 2) {
      problem(ctx, 'ENV must have two arguments', sp.range(first.start, first.end));
      return node;
    }
    const vStart = words[1]!.start;
    pairs.push({
      key: first.value,
      keyRange: sp.range(first.start, first.end),
      value: unquote(s, vStart, s.length, ctx.escape),
      valueRange: sp.range(vStart, s.length),
      legacy: true,
    });
    return node;
  }
  for (const w of words) {
    const eq = w.raw.indexOf('=');
    if (eq < 0) {
      problem(ctx, `can't find = in "${w.raw}"; ENV must be of the form name=value`, sp.range(w.start, w.end));
      continue;
    }
    const keyEnd = w.start + eq;
    const key = unquote(s, w.start, keyEnd, ctx.escape);
    if (key === '') problem(ctx, 'ENV names can not be blank', sp.range(w.start, w.end));
    const valueRange = sp.range(keyEnd + 1, w.end);
    pairs.push({
      key,
      keyRange: sp.range(w.start, keyEnd),
      value: unquote(s, keyEnd + 1, w.end, ctx.escape),
      valueRange,
      legacy: false,
    });
  }
  return node;
}
