import { dirname, relative, sep } from 'node:path';
import { defineRule, type Ranged } from '../../../src/engine/types.js';
import type { ComposeFile, VarRef } from '../../../src/parse/compose/model.js';
import type { ComposeProject, Project } from '../../../src/project/model.js';
import { rangeKey, shellVarRanges } from './shell-fields.js';

type Msg = 'unset' | 'unsetShell' | 'unsetInEnvFile' | 'unsetShellInEnvFile';

/** A finding waiting for the project, which tells where the value could come from. */
interface Pending {
  file: ComposeFile;
  name: string;
  first: VarRef;
  rest: VarRef[];
  shellUse: boolean;
}

/** Other uses listed as related locations; the message still gives the full count. */
const MAX_RELATED = 20;

const inside = (inner: VarRef, outer: VarRef): boolean =>
  inner !== outer &&
  inner.range.path === outer.range.path &&
  inner.range.start >= outer.range.start &&
  inner.range.end <= outer.range.end &&
  inner.range.end - inner.range.start < outer.range.end - outer.range.start;

/** Whether Compose uses the argument of `${NAME<op>argument}` with the current variables. */
function argumentUsed(ref: VarRef, file: ComposeFile): boolean {
  const nonEmpty = ref.defined && (file.variables.get(ref.name) ?? '') !== '';
  switch (ref.operator) {
    case ':-':
      return !nonEmpty;
    case '-':
      return !ref.defined;
    case ':+':
      return nonEmpty;
    case '+':
      return ref.defined;
    default:
      // `:?`/`?` arguments are error texts, not values.
      return false;
  }
}

export default defineRule<Record<string, never>, Msg>(
  {
    id: 'unset-variable',
    kind: 'compose',
    summary: 'Variable without a default that is neither in `.env` nor in the environment, so Compose substitutes an empty string',
    category: 'correctness',
    severity: 'warning',
    recommended: true,
    aliases: [],
    messages: {
      unset:
        'Variable `{name}` is not set{uses}, so Compose replaces `{ref}` with an empty string; {source}, or write `${{name}:-default}`',
      unsetShell:
        'Variable `{name}` is not set{uses}, so Compose replaces `{ref}` with an empty string before the container runs; if the container\'s shell should expand it, write `{escaped}` (`$$` passes a literal `$` to the container), otherwise {source}',
      unsetInEnvFile:
        'Variable `{name}` is not set for interpolation{uses}, so Compose replaces `{ref}` with an empty string: it is defined in env_file `{envFile}`, but an `env_file` only fills the container\'s environment and never feeds `${…}` in the compose file; {source}',
      unsetShellInEnvFile:
        'Variable `{name}` is not set for interpolation{uses}, so Compose replaces `{ref}` with an empty string before the container runs, although env_file `{envFile}` gives it to the container (an `env_file` never feeds `${…}` in the compose file); write `{escaped}` so that the container\'s shell expands it',
    },
    since: '0.1.0',
  },
  (ctx) => {
    const pending: Pending[] = [];
    const report = (p: Pending, near: Neighbourhood | undefined) => {
      const { file, name, first, rest, shellUse } = p;
      const dir = dirname(file.path);
      const own = near?.own.get(file);
      // env_files of the compose files of this folder (a stack shares one `.env` and one set of variables).
      const neighbours = near?.byDir.get(dir) ?? [];
      const envFile = envFileDefining(neighbours, name);
      const dotEnv = own?.dotEnv ?? neighbours.find((cp) => cp.dotEnv)?.dotEnv;
      const source = dotEnv
        ? `add \`${name}=…\` to the \`.env\` beside the compose file or export \`${name}\` in the shell that runs Compose`
        : `create a \`.env\` beside the compose file with \`${name}=…\` or export \`${name}\` in the shell that runs Compose`;
      const data: Record<string, string> = { name, ref: file.source.slice(first.range), source, uses: '' };
      if (rest.length) data.uses = ` (used ${rest.length === 1 ? '1 more time' : `${rest.length} more times`} in this file)`;
      if (shellUse) data.escaped = `$${data.ref}`;
      if (envFile) data.envFile = relative(dir, envFile.path).split(sep).join('/');
      const messageId: Msg = envFile ? (shellUse ? 'unsetShellInEnvFile' : 'unsetInEnvFile') : shellUse ? 'unsetShell' : 'unset';
      const related: { at: Ranged; message: string }[] = rest.slice(0, MAX_RELATED).map((u) => ({ at: u.range, message: `\`${name}\` is also used here` }));
      if (envFile) related.push({ at: envFile.keyRange, message: `\`${name}\` is defined here, for the container only` });
      if (dotEnv && !envFile) related.push({ at: { path: dotEnv.path, start: 0, end: 0 }, message: `the project \`.env\`: add \`${name}=…\` here` });
      ctx.report({ at: first.range, messageId, data, ...(related.length ? { related } : {}) });
    };
    return {
      compose(file) {
        const seen = new Set<string>();
        const refs = file.varRefs.filter((r) => {
          const key = `${r.range.start}:${r.range.end}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
        // Report each name once, at its first use in the file, with the other uses as related places.
        const byName = new Map<string, VarRef[]>();
        // `${A:-${B}}` only reads B when A's default is taken. Only these outer references can
        // hide an inner one: listing them once keeps the check linear for files without any.
        const unusedArguments = refs.filter((outer) => outer.operator !== '' && !argumentUsed(outer, file));
        for (const ref of refs) {
          if (ref.defined || ref.operator !== '') continue;
          if (unusedArguments.length && unusedArguments.some((outer) => inside(ref, outer))) continue;
          const uses = byName.get(ref.name);
          if (uses) uses.push(ref);
          else byName.set(ref.name, [ref]);
        }
        // Most files have no unset variable: the shell fields are found only for those that do.
        const shell = byName.size ? shellVarRanges(file) : undefined;
        for (const [name, uses] of byName) {
          uses.sort((a, b) => a.range.start - b.range.start);
          const [first, ...rest] = uses as [VarRef, ...VarRef[]];
          // A bare `$NAME` in a string the container runs reads like shell syntax; `${NAME}`, or a name
          // also used in `image:`, `volumes:`, …, is the usual way of templating the file for Compose.
          const shellUse = uses.every((u) => shell!.has(rangeKey(u.range)) && file.source.text.charAt(u.range.start + 1) !== '{');
          pending.push({ file, name, first, rest, shellUse });
        }
      },
      // The project (its `.env` and env_files) decides what the message advises.
      project(project) {
        const near = neighbourhood(project);
        for (const p of pending) report(p, near);
        pending.length = 0;
      },
      end() {
        for (const p of pending) report(p, undefined);
        pending.length = 0;
      },
    };
  },
);

/**
 * The compose projects by compose file and by folder, indexed once per run: looking them up per
 * finding scanned every project of the run for each finding.
 */
interface Neighbourhood {
  /** The first project of each compose file. */
  own: Map<ComposeFile, ComposeProject>;
  /** The projects whose compose file is in each folder, in the run's order. */
  byDir: Map<string, ComposeProject[]>;
}

function neighbourhood(project: Project): Neighbourhood {
  const own = new Map<ComposeFile, ComposeProject>();
  const byDir = new Map<string, ComposeProject[]>();
  for (const cp of project.composeProjects) {
    if (!own.has(cp.compose)) own.set(cp.compose, cp);
    const dir = dirname(cp.compose.path);
    const list = byDir.get(dir);
    if (list) list.push(cp);
    else byDir.set(dir, [cp]);
  }
  return { own, byDir };
}

/** The last definition of `name` in an env_file of these compose files, if any. */
function envFileDefining(projects: readonly ComposeProject[], name: string): { path: string; keyRange: Ranged } | undefined {
  for (const cp of projects) {
    for (const [path, env] of cp.envFiles) {
      const entry = env?.entries.filter((e) => e.key === name).pop();
      if (entry) return { path, keyRange: entry.keyRange };
    }
  }
  return undefined;
}
