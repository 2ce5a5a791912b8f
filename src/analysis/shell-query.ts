/**
 * Questions rules ask about the shell commands of a RUN: which options a command has (with
 * combined short flags and option values understood), what a later command of the same RUN
 * does, whether a cache mount covers a folder, and whether a stage's layers reach an image.
 * ONBUILD RUN is presented like a RUN so every package rule checks both.
 */
import type { Edit, Ranged } from '../engine/types.js';
import type { Dockerfile, Instruction, RunInstruction, Stage } from '../parse/dockerfile/model.js';
import { parseShell } from '../parse/dockerfile/shell/lex.js';
import type { ShellCommand, ShellWord } from '../parse/dockerfile/shell/types.js';

/** How a command's options are written: which ones swallow a value. */
export interface OptionSpec {
  /** Short options that take a value (the rest of the cluster, or the next word). */
  shortValue?: string;
  /** Long option names (without dashes) that take the next word as value when written without `=`. */
  longValue?: readonly string[];
  /** Go-style: `-name` is one long option, never a cluster of letters. */
  singleDashLong?: boolean;
}

export interface ParsedOption {
  /** `y` for `-y` (also inside `-qy`), `yes` for `--yes`, `tags` for Go's `-tags`. */
  name: string;
  long: boolean;
  word: ShellWord;
  /** The value, for `--name=value`, `-ovalue` and value-taking options followed by a word. */
  value?: string;
  valueWord?: ShellWord;
}

export interface ParsedArgs {
  options: ParsedOption[];
  /** Non-option words, in order (option values excluded). */
  operands: ShellWord[];
}

/** Splits arguments into options and operands the way getopt-style programs read them. */
export function parseArgs(args: readonly ShellWord[], spec: OptionSpec = {}): ParsedArgs {
  return parseOptions(args, 0, spec, false).parsed;
}

/**
 * `parseArgs` over `args[from…]`; with `untilOperand` it stops at the first operand (kept as the
 * only operand) and `stop` is that operand's index (`args.length` when there is none).
 */
export function parseOptions(
  args: readonly ShellWord[],
  from: number,
  spec: OptionSpec,
  untilOperand: boolean,
): { parsed: ParsedArgs; stop: number } {
  const shortValue = spec.shortValue ?? '';
  // `includes` on the spec's own list: building a Set for every call cost more than it saved.
  const longValue = spec.longValue ?? [];
  const options: ParsedOption[] = [];
  const operands: ShellWord[] = [];
  let optionsEnded = false;
  for (let i = from; i < args.length; i++) {
    const word = args[i]!;
    const v = word.value;
    if (optionsEnded || v.length < 2 || v[0] !== '-') {
      operands.push(word);
      if (untilOperand) return { parsed: { options, operands }, stop: i };
      continue;
    }
    if (v === '--') {
      optionsEnded = true;
      continue;
    }
    const long = v.startsWith('--') || spec.singleDashLong === true;
    if (long) {
      const body = v.slice(v.startsWith('--') ? 2 : 1);
      const eq = body.indexOf('=');
      if (eq >= 0) {
        options.push({ name: body.slice(0, eq), long: true, word, value: body.slice(eq + 1) });
      } else if (i + 1 < args.length && longValue.includes(body)) {
        const valueWord = args[++i]!;
        options.push({ name: body, long: true, word, value: valueWord.value, valueWord });
      } else {
        options.push({ name: body, long: true, word });
      }
      continue;
    }
    for (let p = 1; p < v.length; p++) {
      const name = v[p]!;
      if (shortValue.includes(name)) {
        if (p + 1 < v.length) {
          options.push({ name, long: false, word, value: v.slice(p + 1) });
        } else if (i + 1 < args.length) {
          const valueWord = args[++i]!;
          options.push({ name, long: false, word, value: valueWord.value, valueWord });
        } else {
          options.push({ name, long: false, word });
        }
        break;
      }
      options.push({ name, long: false, word });
    }
  }
  return { parsed: { options, operands }, stop: args.length };
}

/** Whether one of the options is present: `short` letters (also inside clusters) or `long` names. */
export function hasOption(parsed: ParsedArgs, short: string, long: readonly string[] = []): boolean {
  return parsed.options.some((o) => (o.long ? long.includes(o.name) : short.includes(o.name)));
}

/** The command name without its folder: `/usr/bin/apt-get` → `apt-get`. */
export function commandName(cmd: ShellCommand): string {
  const slash = cmd.name.lastIndexOf('/');
  return slash < 0 ? cmd.name : cmd.name.slice(slash + 1);
}

/** A RUN, or the RUN inside an ONBUILD, seen the same way by the rules. */
export interface RunView {
  instruction: Instruction;
  commands: ShellCommand[];
  mounts: RunInstruction['mounts'];
  form: RunInstruction['form'];
  stageIndex: number;
  onbuild: boolean;
}

const views = new WeakMap<Dockerfile, RunView[]>();
const byNameOf = new WeakMap<RunView, Map<string, ShellCommand[]>>();
const NO_COMMANDS: readonly ShellCommand[] = [];

/**
 * The view's commands named one of `names` (without folder), in order. Each package rule looks
 * for one tool, which most RUNs never call: the commands of a view are grouped by name once, so
 * such a RUN is passed over without asking every one of its commands again in every rule.
 */
export function commandsNamed(view: RunView, names: readonly string[]): readonly ShellCommand[] {
  let byName = byNameOf.get(view);
  if (!byName) {
    byName = new Map();
    for (const cmd of view.commands) {
      const name = commandName(cmd);
      const list = byName.get(name);
      if (list) list.push(cmd);
      else byName.set(name, [cmd]);
    }
    byNameOf.set(view, byName);
  }
  let found: ShellCommand[] | undefined;
  for (const name of names) {
    const list = byName.get(name);
    if (!list) continue;
    // Several of the names used in one RUN: keep the RUN's order.
    if (found) return view.commands.filter((cmd) => names.includes(commandName(cmd)));
    found = list;
  }
  return found ?? NO_COMMANDS;
}

/**
 * Each command named one of `names` with the RUN view holding it, in file order: the loop of the
 * package rules (viewsCalling finds the RUNs, commandsNamed the commands in each).
 */
export function* callsTo(file: Dockerfile, names: readonly string[]): Generator<{ view: RunView; cmd: ShellCommand }> {
  for (const view of viewsCalling(file, names)) for (const cmd of commandsNamed(view, names)) yield { view, cmd };
}

const callersOf = new WeakMap<Dockerfile, Map<string, readonly RunView[]>>();
const unionsOf = new WeakMap<Dockerfile, Map<string, readonly RunView[]>>();

/** Forgets the views of a file (they hold its lexed commands); they are made again if asked. */
export function forgetRunViews(file: Dockerfile): void {
  views.delete(file);
  callersOf.delete(file);
  unionsOf.delete(file);
}
const NO_VIEWS: readonly RunView[] = [];

/**
 * The RUN views (as `runViews`, in file order) with at least one command named one of `names`.
 * Some twenty package rules each look for one tool that most RUNs never call: each name's views
 * are found once per file, so each rule visits only those instead of asking every view.
 */
export function viewsCalling(file: Dockerfile, names: readonly string[]): readonly RunView[] {
  if (names.length === 1) return viewsCallingName(file, names[0]!);
  let only: readonly RunView[] | undefined;
  let several = false;
  for (const name of names) {
    const list = viewsCallingName(file, name);
    if (list.length === 0) continue;
    if (only) several = true;
    else only = list;
  }
  if (!several) return only ?? NO_VIEWS;
  // Several of the names are called in the file: the union, in file order, once per name set.
  let unions = unionsOf.get(file);
  if (!unions) unionsOf.set(file, (unions = new Map()));
  const key = names.join('\n');
  let union = unions.get(key);
  if (!union) {
    const members = new Set<RunView>();
    for (const name of names) for (const view of viewsCallingName(file, name)) members.add(view);
    union = runViews(file).filter((view) => members.has(view));
    unions.set(key, union);
  }
  return union;
}

/**
 * The views calling `name`, by comparing each command's name with it in place: grouping every
 * command by name hashed each name string, which cost more than the few names rules ask for.
 */
function viewsCallingName(file: Dockerfile, name: string): readonly RunView[] {
  let byName = callersOf.get(file);
  if (!byName) callersOf.set(file, (byName = new Map()));
  let list = byName.get(name);
  if (!list) {
    const found: RunView[] = [];
    // `commandName` never holds a slash.
    if (!name.includes('/')) {
      for (const view of runViews(file)) {
        for (const cmd of view.commands) {
          if (isNamed(cmd.name, name)) {
            found.push(view);
            break;
          }
        }
      }
    }
    byName.set(name, (list = found.length > 0 ? found : NO_VIEWS));
  }
  return list;
}

/** `commandName` of a command named `full` is `name` (which has no slash). */
function isNamed(full: string, name: string): boolean {
  const extra = full.length - name.length;
  return extra >= 0 && (extra === 0 || full.charCodeAt(extra - 1) === 47) && full.endsWith(name);
}

/** Every RUN and ONBUILD RUN of the file, in order (computed once per file). */
export function runViews(file: Dockerfile): RunView[] {
  let list = views.get(file);
  if (list) return list;
  list = [];
  for (const ins of file.instructions) {
    if (ins.keyword === 'RUN') {
      const run = ins as RunInstruction;
      list.push({ instruction: run, commands: run.commands, mounts: run.mounts, form: run.form, stageIndex: run.stageIndex, onbuild: false });
    } else if (ins.keyword === 'ONBUILD') {
      const view = onbuildRun(ins, file);
      if (view) list.push(view);
    }
  }
  views.set(file, list);
  return list;
}

/**
 * The model keeps `ONBUILD RUN …` as plain words; lex the RUN part here so the package rules
 * (which hadolint also runs over ONBUILD) see its commands at their exact positions.
 */
function onbuildRun(ins: Instruction, file: Dockerfile): RunView | undefined {
  const [keyword, ...rest] = ins.args;
  if (!keyword || keyword.value.toUpperCase() !== 'RUN') return undefined;
  const mounts: RunInstruction['mounts'] = [];
  let k = 0;
  while (k < rest.length && rest[k]!.value.startsWith('--')) {
    const w = rest[k]!;
    const m = /^--mount=(.*)$/.exec(w.value);
    if (m) mounts.push(parseMount(m[1]!, w.range));
    k++;
  }
  const first = rest[k];
  if (!first) return undefined;
  // Exec form (`ONBUILD RUN ["…"]`) is rare; its JSON items are not split into words here.
  if (first.value.startsWith('[')) return undefined;
  const text = file.source.text;
  const path = ins.range.path;
  const escape = file.escapeChar;
  let commands: ShellCommand[] = [];
  const isMarker = ins.heredocs.some((h) => h.markerRange.start === first.range.start);
  try {
    if (!isMarker) commands = parseShell(text.slice(first.range.start, ins.argsRange.end), { path, offset: first.range.start, escape });
    const body = ins.heredocs[0];
    if (body && (isMarker || /^(?:\/\S*\/)?(?:ba|da|a|z|k|mk)?sh$/.test(first.value))) {
      commands = commands.concat(parseShell(text.slice(body.bodyRange.start, body.bodyRange.end), { path, offset: body.bodyRange.start, escape: '\\' }));
    }
  } catch {
    return undefined;
  }
  commands.sort((a, b) => a.range.start - b.range.start);
  return { instruction: ins, commands, mounts, form: isMarker ? 'heredoc' : 'shell', stageIndex: ins.stageIndex, onbuild: true };
}

function parseMount(value: string, range: Ranged): RunInstruction['mounts'][number] {
  const options: Record<string, string> = {};
  let type = 'bind';
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    const v = eq < 0 ? '' : part.slice(eq + 1);
    if (key === 'type') type = v;
    else if (key) options[key] = v;
  }
  return { type, options, flag: { name: 'mount', value, range, nameRange: range } };
}

/** Cache or tmpfs mount targets of the RUN, without trailing slashes. */
export function cacheMountTargets(view: RunView): string[] {
  if (view.mounts.length === 0) return [];
  return view.mounts
    .filter((m) => m.type === 'cache' || m.type === 'tmpfs')
    .map((m) => (m.options.target ?? m.options.dst ?? m.options.destination ?? '').replace(/\/+$/, ''))
    .filter((t) => t !== '');
}

/** The commands that run after `cmd` in the same RUN. */
export function commandsAfter(view: RunView, cmd: ShellCommand): ShellCommand[] {
  const i = view.commands.indexOf(cmd);
  return i < 0 ? [] : view.commands.slice(i + 1);
}

/** True when `cmd` reads its input from `yes` (`yes | apt-get install …`), which answers every prompt. */
export function fedByYes(view: RunView, cmd: ShellCommand): boolean {
  const i = view.commands.indexOf(cmd);
  const prev = i > 0 ? view.commands[i - 1] : undefined;
  return prev !== undefined && prev.next === '|' && commandName(prev) === 'yes';
}

/**
 * Whether `cmd` is an `rm` that deletes something `target` accepts. Paths are normalised first
 * (`/var/lib/apt/lists/*` and `/var/lib/apt/lists/` both become `/var/lib/apt/lists`); a folder
 * named without a glob needs `-r`, since plain `rm` refuses to delete folders.
 */
export function removes(cmd: ShellCommand, target: (path: string) => boolean): boolean {
  if (commandName(cmd) !== 'rm') return false;
  const parsed = parseArgs(cmd.args);
  const recursive = hasOption(parsed, 'rR', ['recursive']);
  return parsed.operands.some((w) => {
    const glob = /\/\*$/.test(w.value);
    const path = w.value.replace(/\/\*$/, '').replace(/\/+$/, '');
    return (glob || recursive) && target(path);
  });
}

/**
 * Whether the layers of the stage reach an image someone runs: the last stage, or a stage a
 * later `FROM` builds on. A builder stage only read by `COPY --from` leaves its files behind.
 */
export function stageShipsLayers(file: Dockerfile, stageIndex: number): boolean {
  const stage = file.stages[stageIndex];
  return stage === undefined || stage.final || stage.usedAsBase;
}

/**
 * An edit that writes `option` right after `word`: ` -y` in shell text, `, "-y"` after a JSON
 * item of an exec-form RUN.
 */
export function insertAfter(file: Dockerfile, word: ShellWord, option: string): Edit {
  const text = file.source.text;
  const json = text[word.range.start] === '"' && text[word.range.end - 1] === '"' && isJsonItem(file, word);
  return { path: word.range.path, start: word.range.end, end: word.range.end, text: json ? `, "${option}"` : ` ${option}` };
}

function isJsonItem(file: Dockerfile, word: ShellWord): boolean {
  return file.instructions.some(
    (ins) => ins.jsonForm && ins.argsRange.start <= word.range.start && word.range.end <= ins.argsRange.end && ins.args.some((a) => a.range.start === word.range.start),
  );
}

/**
 * Source text of the RUN and ONBUILD RUN instructions that come before `view` in its stage and
 * in the stages it is built `FROM` — where a config file such as `/etc/apt/apt.conf.d/…` may be
 * written that changes how later commands behave.
 */
export function earlierRunText(file: Dockerfile, view: RunView): string {
  const chain = new Set<number>();
  for (let s: Stage | undefined = file.stages[view.stageIndex]; s && !chain.has(s.index); s = s.from.stageRef === undefined ? undefined : file.stages[s.from.stageRef]) {
    chain.add(s.index);
  }
  return runViews(file)
    .filter((v) => chain.has(v.stageIndex) && v.instruction.range.start < view.instruction.range.start)
    .map((v) => file.source.slice(v.instruction.range))
    .join('\n');
}

/** Whether a fix may append `&& …` right after `cmd` without changing what else runs. */
export function canAppendAfter(view: RunView, cmd: ShellCommand): boolean {
  if (view.form === 'exec' || cmd.subshell) return false;
  if (cmd.wrappers.some((w) => w.includes(' '))) return false;
  return cmd.next === '&&' || cmd.next === ';' || cmd.next === '';
}

/**
 * The word's value depends on a variable or command substitution, so it is unknown here.
 * (A glob such as `uvicorn[standard]` is dynamic for the shell but almost always literal.)
 */
export function unknownValue(word: ShellWord): boolean {
  return word.dynamic && /[$`]/.test(word.value);
}
