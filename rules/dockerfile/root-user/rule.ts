import { defineRule } from '../../../src/engine/types.js';
import type { Dockerfile, Stage, UserInstruction } from '../../../src/parse/dockerfile/model.js';
import type { ImageRef } from '../../../src/parse/image-ref.js';

type Msg = 'rootUser' | 'noUser' | 'noUserScratch' | 'inheritsRoot';

/** `root`, `0` (any number of zeros: Docker parses it as uid 0), optionally with `:group`. */
export function isRootUser(user: string): boolean {
  const name = user.split(':')[0]!;
  return name === 'root' || /^0+$/.test(name);
}

/**
 * Resolves `$NAME`, `${NAME}` and `${NAME:-default}` from the stage's ARG defaults and ENV.
 * Returns undefined when a variable has no known value: such a user cannot be judged.
 */
export function resolveUser(value: string, stage: Stage): string | undefined {
  let unknown = false;
  const out = value.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, braced: string | undefined, op: string | undefined, dflt: string | undefined, bare: string | undefined) => {
    const name = (braced ?? bare)!;
    const v = stage.env.get(name)?.value ?? stage.args.get(name)?.defaultValue;
    if (v !== undefined && !(op === ':-' && v === '')) return v;
    if (op !== undefined) return dflt ?? '';
    unknown = true;
    return '';
  });
  return unknown || out.includes('$') ? undefined : out;
}

/** Windows containers have no `root`; base images that already switch to an unprivileged user. */
function runsUnprivilegedOrWindows(ref: ImageRef): boolean {
  const image = ref.resolved.toLowerCase();
  if (image.startsWith('mcr.microsoft.com/windows')) return true;
  const tag = (ref.tag ?? '').toLowerCase();
  if (/nanoserver|windowsservercore|ltsc20\d\d/.test(tag)) return true;
  if (/(^|-)nonroot($|-)/.test(tag)) return true;
  // Families whose images switch to an unprivileged user themselves.
  if (/(^|-)chiseled($|-)/.test(tag)) return true;
  if (image.startsWith('mcr.microsoft.com/dotnet/') && /(^|-)distroless($|-)/.test(tag)) return true;
  if (/^(?:docker\.io\/)?bitnami\//.test(image)) return true;
  return image.startsWith('cgr.dev/chainguard/') && !/(^|-)dev$/.test(tag);
}

function lastUser(stage: Stage): UserInstruction | undefined {
  for (let i = stage.instructions.length - 1; i >= 0; i--) {
    const ins = stage.instructions[i]!;
    if (ins.keyword === 'USER' && (ins as UserInstruction).user) return ins as UserInstruction;
  }
  return undefined;
}

const runsSomething = (stage: Stage): boolean =>
  stage.instructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');

/**
 * Whether the final stage is only a bundle of files: it and the earlier stages it is built `FROM`
 * declare neither CMD nor ENTRYPOINT, and the chain starts at scratch. Such a stage is exported
 * with `--output` or read by `COPY --from`; no container runs it, so no user runs anything.
 */
function isArtifactStage(file: Dockerfile, final: Stage): boolean {
  const seen = new Set<number>();
  let stage: Stage | undefined = final;
  while (stage && !seen.has(stage.index)) {
    seen.add(stage.index);
    if (runsSomething(stage)) return false;
    if (stage.from.stageRef === undefined) return stage.from.scratch;
    stage = file.stages[stage.from.stageRef];
  }
  return false;
}

function finalStage(file: Dockerfile): Stage | undefined {
  return file.stages.find((s) => s.final) ?? file.stages[file.stages.length - 1];
}

export default defineRule<Record<string, never>, Msg>(
  {
    id: 'root-user',
    kind: 'dockerfile',
    summary: 'The final stage runs as root: its last `USER` is root, or it never sets one',
    category: 'security',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3002', fidelity: 'partial' }],
    messages: {
      rootUser:
        'The final stage switches to `USER {user}`{resolved}, so the container runs as root and whoever takes over its process owns the whole container; switch to an unprivileged user such as `USER app` or `USER 10001` after the installs',
      noUser:
        'The final stage sets no `USER`, so the container runs as root and whoever takes over its process owns the whole container; create a user (`RUN useradd --create-home app`, or `adduser -D app` on Alpine) and add `USER app` after the installs',
      noUserScratch:
        'The final stage is `FROM scratch` and sets no `USER`, so its binary runs as root (uid 0); add a numeric `USER 65534` (nobody) or `USER 10001`, since scratch has no `useradd`',
      inheritsRoot:
        'The final stage sets no `USER` and keeps `USER {user}`{resolved} from stage `{stage}`, so the container runs as root; add `USER <name>` with an unprivileged user to the final stage',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      const final = finalStage(file);
      if (!final || isArtifactStage(file, final)) return;
      // Builder stages never run as containers: only what the default target inherits counts.
      const seen = new Set<number>();
      let stage: Stage | undefined = final;
      while (stage && !seen.has(stage.index)) {
        seen.add(stage.index);
        const user = lastUser(stage);
        if (user) {
          const value = resolveUser(user.user!.value, stage);
          if (value === undefined || !isRootUser(value)) return;
          const written = user.group === undefined ? user.user!.value : `${user.user!.value}:${user.group}`;
          const resolved = value === user.user!.value ? '' : ` (\`${value}\`)`;
          if (stage === final) {
            ctx.report({ at: user.user!.range, messageId: 'rootUser', data: { user: written, resolved } });
          } else {
            ctx.report({
              at: final.from.image.range,
              messageId: 'inheritsRoot',
              data: { user: written, resolved, stage: stage.name ?? String(stage.index) },
              related: [{ at: user.user!.range, message: `stage \`${stage.name ?? stage.index}\` switches to \`USER ${written}\` here` }],
            });
          }
          return;
        }
        const ref: number | undefined = stage.from.stageRef;
        if (ref === undefined) break;
        stage = file.stages[ref];
      }
      const base = stage ?? final;
      // An image we cannot name may well set its own USER: stay silent rather than guess.
      if (!base.from.scratch && (base.from.image.unresolved.length || runsUnprivilegedOrWindows(base.from.image))) return;
      ctx.report({ at: final.from.image.range, messageId: base.from.scratch ? 'noUserScratch' : 'noUser' });
    },
  }),
);
