/**
 * The Dockerfile model rules see. Built from dockerfile-ast by `parseDockerfile` (parse.ts);
 * every node carries exact offset ranges into the file.
 */
import type { Ranged, SourceFile } from '../source.js';
import type { ImageRef } from '../image-ref.js';
import type { ShellCommand } from './shell/types.js';

export interface ParseProblem {
  message: string;
  range: Ranged;
}

/** `# syntax=…`, `# escape=…`, `# check=…` at the top of the file. */
export interface Directive {
  name: string;
  value: string;
  range: Ranged;
  valueRange: Ranged;
}

export interface Comment {
  /** Text after `#`, trimmed. */
  text: string;
  range: Ranged;
}

export interface Word {
  /** After quote removal and line-continuation removal. */
  value: string;
  /** The raw source span, which may cross continuation lines. */
  range: Ranged;
}

/** `--name=value` or `--name` before the arguments. */
export interface Flag {
  name: string;
  /** null when written without `=`. */
  value: string | null;
  range: Ranged;
  nameRange: Ranged;
  valueRange?: Ranged;
}

export interface Heredoc {
  /** The delimiter word, e.g. `EOF`. */
  name: string;
  /** `<<-` strips leading tabs. */
  stripTabs: boolean;
  /** Quoted delimiter (`<<'EOF'`): no expansion in the body. */
  quoted: boolean;
  /** The `<<EOF` marker. */
  markerRange: Ranged;
  body: string;
  /** Body lines only, without the terminator line. */
  bodyRange: Ranged;
  /** For `COPY <<EOF /dest`-style heredocs: none; for `RUN <<EOF` bodies this is the script. */
  terminated: boolean;
}

export interface InstructionBase {
  /** Upper-cased keyword, e.g. `RUN`. */
  keyword: string;
  /** Keyword as written (casing rules need it). */
  keywordRaw: string;
  keywordRange: Ranged;
  /** The whole instruction, continuation lines and heredoc bodies included. */
  range: Ranged;
  flags: Flag[];
  /** Arguments after the flags, split as Docker splits them (exec-form JSON items, or words). */
  args: Word[];
  /** Span of everything after the keyword and flags (empty range at the end when none). */
  argsRange: Ranged;
  /** The argument text after removing line continuations (what Docker sees). */
  argsText: string;
  /** `["a", "b"]` JSON form (RUN, CMD, ENTRYPOINT, SHELL, COPY, ADD, VOLUME, HEALTHCHECK CMD). */
  jsonForm: boolean;
  heredocs: Heredoc[];
  /** Index of the stage this instruction belongs to; -1 before the first FROM. */
  stageIndex: number;
}

export interface GenericInstruction extends InstructionBase {
  keyword: Exclude<string, 'FROM' | 'RUN' | 'COPY' | 'ADD' | 'USER' | 'ARG' | 'ENV'>;
}

export interface FromInstruction extends InstructionBase {
  keyword: 'FROM';
  image: ImageRef;
  /** Set when `image` names an earlier stage (`FROM builder`): that stage's index. */
  stageRef?: number;
  /** `FROM scratch`. */
  scratch: boolean;
  platform?: Flag;
  /** The `AS name` part. */
  stageName?: { value: string; range: Ranged; asRange: Ranged };
}

export interface RunInstruction extends InstructionBase {
  keyword: 'RUN';
  /** shell form, exec (JSON) form, or a heredoc script (`RUN <<EOF`). */
  form: 'shell' | 'exec' | 'heredoc';
  /** Simple commands found by the shell lexer, in order (exec form: one command). */
  commands: ShellCommand[];
  /** Parsed `--mount=type=cache,target=/root/.cache` flags. */
  mounts: { type: string; options: Record<string, string>; flag: Flag }[];
}

export interface CopyInstruction extends InstructionBase {
  keyword: 'COPY' | 'ADD';
  /** All arguments but the last. Heredoc sources appear as words `<<EOF`. */
  sources: Word[];
  destination?: Word;
  /** `--from=stage|image` */
  from?: Flag;
}

export interface UserInstruction extends InstructionBase {
  keyword: 'USER';
  user: Word | undefined;
  /** The part after `:`, if any. */
  group?: string;
}

export interface ArgVar {
  name: string;
  nameRange: Ranged;
  /** Default as written (after quote removal); undefined when `ARG NAME` has none. */
  defaultValue?: string;
  defaultRange?: Ranged;
}

export interface ArgInstruction extends InstructionBase {
  keyword: 'ARG';
  vars: ArgVar[];
}

export interface EnvPair {
  key: string;
  keyRange: Ranged;
  value: string;
  valueRange: Ranged;
  /** `ENV KEY value` (space-separated, deprecated) instead of `KEY=value`. */
  legacy: boolean;
}

export interface EnvInstruction extends InstructionBase {
  keyword: 'ENV';
  pairs: EnvPair[];
}

export type Instruction =
  | GenericInstruction
  | FromInstruction
  | RunInstruction
  | CopyInstruction
  | UserInstruction
  | ArgInstruction
  | EnvInstruction;

export interface Stage {
  index: number;
  /** Lower-cased stage name (Docker compares case-insensitively); undefined when unnamed. */
  name?: string;
  from: FromInstruction;
  /** Instructions after FROM, up to the next FROM. */
  instructions: Instruction[];
  /** ARGs declared in this stage (global ones are visible only when re-declared). */
  args: Map<string, ArgVar>;
  /** ENV pairs set in this stage or inherited from the stage it is based on. */
  env: Map<string, EnvPair>;
  /** True when a later FROM uses this stage as its base. */
  usedAsBase: boolean;
  /** True for the last stage (the default build target). */
  final: boolean;
}

export interface Dockerfile {
  kind: 'dockerfile';
  path: string;
  source: SourceFile;
  escapeChar: '\\' | '`';
  directives: Directive[];
  comments: Comment[];
  /** ARG instructions before the first FROM. */
  globalArgs: ArgInstruction[];
  /** Every instruction in file order. */
  instructions: Instruction[];
  stages: Stage[];
  /** What BuildKit would reject outright; the model is still as complete as possible. */
  problems: ParseProblem[];
  /** The build args this model was parsed with (passed by a compose `build.args`), if any. */
  buildArgs?: Readonly<Record<string, string>>;
}
