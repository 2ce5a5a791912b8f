/**
 * Builds the Dockerfile model (model.ts) from text. The layout (directives, continuation lines,
 * comments, heredoc bodies) is scanned here rather than taken from dockerfile-ast, whose heredoc
 * handling folds bodies into the arguments and misses `<<-"EOT"`-style terminators.
 */
import { didYouMean } from '../../text/did-you-mean.js';
import { SourceFile, type Ranged } from '../source.js';
import type {
  ArgInstruction,
  ArgVar,
  Comment,
  Directive,
  Dockerfile,
  EnvInstruction,
  FromInstruction,
  Instruction,
  ParseProblem,
  Stage,
} from './model.js';
import { scanBody, scanDirectives } from './scan.js';
import { heredocRequests, readHead, type Head } from './head.js';
import { buildInstruction, type BuildContext } from './instructions.js';

export interface ParseDockerfileOptions {
  /** `--build-arg` values; they override ARG defaults when resolving FROM images. */
  buildArgs?: Record<string, string>;
}

const KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

export function parseDockerfile(path: string, text: string, opts: ParseDockerfileOptions = {}): Dockerfile {
  const source = new SourceFile(path, text);
  try {
    return build(source, opts);
  } catch (err) {
    // Last resort: a bug here must surface as a problem, never as a crash of the run.
    const message = err instanceof Error ? err.message : String(err);
    return {
      kind: 'dockerfile',
      path,
      source,
      escapeChar: '\\',
      directives: [],
      comments: [],
      globalArgs: [],
      instructions: [],
      stages: [],
      problems: [{ message: `internal error while parsing the Dockerfile: ${message}`, range: { path, start: 0, end: 0 } }],
    };
  }
}

function build(source: SourceFile, opts: ParseDockerfileOptions): Dockerfile {
  const { path, text } = source;
  const rng = (start: number, end: number): Ranged => ({ path, start, end });
  const problems: ParseProblem[] = [];
  /** Instructions before the first FROM; reported only when a FROM exists at all. */
  const beforeFrom: ParseProblem[] = [];
  // The SourceFile's line index: reporters need it anyway, so the text is split into lines once.
  const lines = source.lineStartOffsets();

  const { directives: rawDirectives, next } = scanDirectives(text, lines);
  const directives: Directive[] = [];
  const seen = new Set<string>();
  let escape: '\\' | '`' = '\\';
  for (const d of rawDirectives) {
    directives.push({ name: d.name, value: d.value, range: rng(d.start, d.end), valueRange: rng(d.valueStart, d.valueEnd) });
    if (seen.has(d.name)) {
      problems.push({ message: `only one ${d.name} parser directive can be used`, range: rng(d.start, d.end) });
      continue;
    }
    seen.add(d.name);
    if (d.name === 'escape') {
      if (d.value === '\\' || d.value === '`') escape = d.value;
      else problems.push({ message: `invalid escape token '${d.value}': must be \\ or \``, range: rng(d.valueStart, d.valueEnd) });
    }
  }

  const heads: Head[] = [];
  const scanned = scanBody(path, text, lines, next, escape, (line) => {
    const head = readHead(line, escape);
    heads.push(head);
    return heredocRequests(head);
  });
  const comments: Comment[] = scanned.comments;

  const ctx: BuildContext = {
    path,
    text,
    escape,
    problems,
    globals: new Map(),
    buildArgs: opts.buildArgs ?? {},
    stages: [],
    stageIndex: -1,
  };
  const instructions: Instruction[] = [];
  const globalArgs: ArgInstruction[] = [];
  const globalDefaults = new Map<string, ArgVar>();

  scanned.instructions.forEach((sc, k) => {
    const head = heads[k]!;
    if (head.keyword === 'FROM') ctx.stageIndex = ctx.stages.length;
    const ins = buildInstruction(head, sc.bodies, ctx);
    instructions.push(ins);
    if (!KEYWORDS.has(ins.keyword)) {
      const near = didYouMean(ins.keyword, KEYWORDS);
      problems.push({
        message: `unknown instruction \`${ins.keywordRaw}\`${near ? `; did you mean \`${near}\`?` : ''}`,
        range: ins.keywordRange,
      });
      return;
    }
    if (ins.keyword === 'FROM') {
      const from = ins as FromInstruction;
      const stage: Stage = {
        index: ctx.stages.length,
        from,
        instructions: [],
        args: new Map(),
        env: new Map(),
        usedAsBase: false,
        final: false,
      };
      if (from.stageName) stage.name = from.stageName.value.toLowerCase();
      if (from.stageRef !== undefined) {
        const base = ctx.stages[from.stageRef]!;
        base.usedAsBase = true;
        for (const [key, pair] of base.env) stage.env.set(key, pair);
      }
      ctx.stages.push(stage);
      return;
    }
    const stage = ctx.stages[ctx.stageIndex];
    if (!stage) {
      if (ins.keyword === 'ARG') {
        const arg = ins as ArgInstruction;
        globalArgs.push(arg);
        for (const v of arg.vars) if (v.name !== '') globalDefaults.set(v.name, v);
      } else {
        beforeFrom.push({
          message: `\`${ins.keywordRaw}\` comes before the first \`FROM\` (no build stage in current context); only \`ARG\` may precede \`FROM\`, so move it below one`,
          range: ins.keywordRange,
        });
      }
      return;
    }
    stage.instructions.push(ins);
    if (ins.keyword === 'ARG') {
      for (const v of (ins as ArgInstruction).vars) {
        if (v.name === '') continue;
        const global = globalDefaults.get(v.name);
        // A bare re-declaration of a global ARG brings the global default into the stage.
        if (v.defaultValue === undefined && global?.defaultValue !== undefined) {
          const inherited: ArgVar = { name: v.name, nameRange: v.nameRange, defaultValue: global.defaultValue };
          if (global.defaultRange) inherited.defaultRange = global.defaultRange;
          stage.args.set(v.name, inherited);
        } else stage.args.set(v.name, v);
      }
    } else if (ins.keyword === 'ENV') {
      for (const pair of (ins as EnvInstruction).pairs) stage.env.set(pair.key, pair);
    }
  });

  const lastStage = ctx.stages[ctx.stages.length - 1];
  if (lastStage) lastStage.final = true;
  if (instructions.length === 0) {
    problems.push({ message: 'file with no instructions', range: rng(0, text.length) });
  } else if (ctx.stages.length === 0) {
    // One finding for the whole file beats one per instruction when FROM is missing altogether.
    problems.push({ message: 'the Dockerfile has no `FROM`, so there is no build stage; start it with `FROM <image>`', range: instructions[0]!.keywordRange });
  } else {
    problems.push(...beforeFrom);
  }
  problems.sort((a, b) => a.range.start - b.range.start);

  return {
    kind: 'dockerfile',
    path,
    source,
    escapeChar: escape,
    directives,
    comments,
    globalArgs,
    instructions,
    stages: ctx.stages,
    problems,
    ...(opts.buildArgs && Object.keys(opts.buildArgs).length ? { buildArgs: opts.buildArgs } : {}),
  };
}
