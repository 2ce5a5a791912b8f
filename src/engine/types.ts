/**
 * The contract between the engine, rules and reporters. Rules see models and report findings;
 * they never read files. Every position is an offset range ({@link Ranged}); lines and columns
 * are computed once, when the engine turns a report into a {@link Finding}.
 */
import type { Position, Ranged } from '../parse/source.js';
import type { Dockerfile } from '../parse/dockerfile/model.js';
import type * as DF from '../parse/dockerfile/model.js';
import type { ComposeFile, ComposeService } from '../parse/compose/model.js';
import type { Project } from '../project/model.js';

export type { Position, Ranged };

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error'];
export type Category = 'correctness' | 'security' | 'reliability' | 'best-practice' | 'style';
export type RuleKind = 'dockerfile' | 'compose' | 'project';

export interface Alias {
  tool: 'hadolint' | 'buildkit' | 'dclint';
  code: string;
  /** `same`: the upstream rule's meaning exactly; `partial`: overlapping, ours is narrower or wider. */
  fidelity: 'same' | 'partial';
}

export interface Location {
  path: string;
  start: Position;
  /** Exclusive. */
  end: Position;
}

/** Replace [start, end) of the file at `path` with `text`; start === end inserts. */
export interface Edit {
  path: string;
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  title: string;
  safety: 'safe' | 'unsafe';
  edits: Edit[];
}

export interface RelatedLocation {
  location: Location;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  messageId: string;
  message: string;
  location: Location;
  related?: RelatedLocation[];
  fix?: Fix;
  suggestions?: Fix[];
  suppressed?: { by: 'inline' | 'config'; directive?: Location; reason?: string };
}

/** What a rule hands to `ctx.report`. */
export interface Report<Msg extends string = string> {
  at: Ranged;
  messageId: Msg;
  data?: Record<string, string | number>;
  /** Edits of the fix; its safety is the rule's `meta.fix` ('safe' | 'unsafe'). */
  fix?: { title: string; edits: Edit[] };
  suggest?: { title: string; edits: Edit[] }[];
  related?: { at: Ranged; message: string }[];
}

export interface RuleOptionsSpec<Opts> {
  /** JSON schema of the options object (validated by ajv when the config loads). */
  schema: Record<string, unknown>;
  defaults: Opts;
}

export interface RuleMeta<Opts = Record<string, never>, Msg extends string = string> {
  /** kebab-case, equal to the rule's folder name, never reused. */
  id: string;
  kind: RuleKind;
  /** One line for the catalog, SARIF and `compose-lint rules`. */
  summary: string;
  category: Category;
  severity: Severity;
  recommended: boolean;
  aliases: readonly Alias[];
  /** Message templates with `{name}` placeholders; one sentence, no trailing period. */
  messages: Record<Msg, string>;
  /** Whether reports of this rule carry fixes, and how safe they are. */
  fix?: 'safe' | 'unsafe';
  /** Whether reports carry suggestions (never applied automatically). */
  hasSuggestions?: boolean;
  options?: RuleOptionsSpec<Opts>;
  since: string;
  deprecated?: { replacedBy: string[] };
  /** The rule's documentation page, for plugin rules (ours are generated under docs/rules/). */
  docsUrl?: string;
  /**
   * The rule reads `ComposeFile.document` (yaml's own tree). A compose file linted with such a
   * rule keeps it from its parse; otherwise it is dropped and parsed again when asked for.
   */
  readsYamlDocument?: true;
}

export interface Settings {
  /** Registries whose images are trusted (DL3026). Empty: any registry. */
  trustedRegistries?: string[];
  /** Files larger than this many bytes are not read (default 10 MB); rule `file-too-large` says so. */
  maxFileSize?: number;
  [key: string]: unknown;
}

/**
 * Visitor keys are `<language>:<node>`. The engine walks each model once and calls every
 * enabled rule's visitor for each node; `project` runs after all file walks, once per run.
 */
export interface Visitors {
  dockerfile?(file: Dockerfile): void;
  'dockerfile:stage'?(stage: DF.Stage, file: Dockerfile): void;
  'dockerfile:instruction'?(node: DF.Instruction, file: Dockerfile): void;
  'dockerfile:from'?(node: DF.FromInstruction, file: Dockerfile): void;
  'dockerfile:run'?(node: DF.RunInstruction, file: Dockerfile): void;
  'dockerfile:copy'?(node: DF.CopyInstruction, file: Dockerfile): void;
  'dockerfile:user'?(node: DF.UserInstruction, file: Dockerfile): void;
  compose?(file: ComposeFile): void;
  'compose:service'?(service: ComposeService, file: ComposeFile): void;
  project?(project: Project): void;
  /** After every walk of the run, for rules that collect state. */
  end?(): void;
}

export interface RuleContext<Opts = Record<string, never>, Msg extends string = string> {
  readonly id: string;
  readonly options: Readonly<Opts>;
  readonly settings: Readonly<Settings>;
  report(r: Report<Msg>): void;
}

export interface Rule<Opts = any, Msg extends string = string> {
  meta: RuleMeta<Opts, Msg>;
  create(ctx: RuleContext<Opts, Msg>): Visitors;
}

/** Typed helper: infers the options and message ids so an unknown messageId fails to compile. */
export function defineRule<Opts = Record<string, never>, Msg extends string = string>(
  meta: RuleMeta<Opts, Msg>,
  create: (ctx: RuleContext<Opts, Msg>) => Visitors,
): Rule<Opts, Msg> {
  return { meta, create };
}

/** Findings of one file, as reporters receive them (sorted by position). */
export interface FileResult {
  /** Absolute path. */
  path: string;
  findings: Finding[];
  /** The file's text, for reporters that show source frames. */
  text?: string;
}

export interface ReportContext {
  cwd: string;
  rules: ReadonlyMap<string, RuleMeta<any>>;
  color: boolean;
  /** compose-lint's version, for SARIF's tool.driver. */
  version: string;
  /**
   * Set when the results are streamed (src/engine/stream.ts): the text of another file of the
   * project of the result being reported, for fixes that edit it. Without it, reporters find
   * texts among the results they were given.
   */
  textOf?(path: string): string | undefined;
}

export type Reporter = (results: FileResult[], ctx: ReportContext) => string;
