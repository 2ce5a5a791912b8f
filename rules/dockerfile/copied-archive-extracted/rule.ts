import { defineRule } from '../../../src/engine/types.js';
import type { CopyInstruction, RunInstruction, Word } from '../../../src/parse/dockerfile/model.js';
import type { ShellCommand } from '../../../src/parse/dockerfile/shell/types.js';
import { baseName } from '../../../src/analysis/shell-commands.js';

/** Tar archives, plain or compressed, which ADD unpacks by itself. */
const TAR_ARCHIVE = /\.(?:tar|tar\.gz|tgz|tar\.bz2|tbz2?|tb2|tar\.xz|txz)$/i;

/** `tar -xzf`, `tar --extract`, `tar xzf` (old style: the first word holds the operation letters). */
export function tarExtracts(cmd: ShellCommand): boolean {
  if (baseName(cmd.name) !== 'tar' || cmd.args.length === 0) return false;
  const first = cmd.args[0]!.value;
  if (!first.startsWith('-') && /^[A-Za-z]*x[A-Za-z]*$/.test(first)) return true;
  return cmd.args.some((a) => a.value === '--extract' || a.value === '--get' || /^-[A-Za-z]*x[A-Za-z]*$/.test(a.value));
}

export default defineRule<Record<string, never>, 'useAdd'>(
  {
    id: 'copied-archive-extracted',
    kind: 'dockerfile',
    summary: 'A tar archive is copied with `COPY` and then unpacked by a later RUN',
    category: 'best-practice',
    severity: 'info',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3010', fidelity: 'partial' }],
    messages: {
      useAdd:
        'Archive `{file}` is copied into a layer and unpacked by `tar` later, so the image keeps the archive even if a later step deletes it; write `ADD {file} <dir>/`, which unpacks it in one step, or bind-mount it with `RUN --mount=type=bind,source={file},target=/tmp/{name}`',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:stage'(stage) {
      const copied = new Map<string, Word>();
      const reported = new Set<Word>();
      for (const ins of stage.instructions) {
        if (ins.keyword === 'COPY') {
          const copy = ins as CopyInstruction;
          // Files of another stage or image are not part of the build context.
          if (copy.from) continue;
          const dest = copy.destination?.value ?? '';
          for (const src of copy.sources) {
            if (TAR_ARCHIVE.test(src.value)) copied.set(baseName(src.value), src);
          }
          // `COPY dist.tgz /tmp/app.tgz`: later steps use the new name.
          if (copy.sources.length === 1 && TAR_ARCHIVE.test(dest)) copied.set(baseName(dest), copy.sources[0]!);
        } else if (ins.keyword === 'RUN' && copied.size) {
          for (const cmd of (ins as RunInstruction).commands) {
            if (!tarExtracts(cmd)) continue;
            for (const arg of cmd.args) {
              const src = copied.get(baseName(arg.value.replace(/^--file=/, '')));
              if (!src || reported.has(src)) continue;
              reported.add(src);
              ctx.report({
                at: src.range,
                messageId: 'useAdd',
                data: { file: src.value, name: baseName(src.value) },
                related: [{ at: cmd.nameWord.range, message: '`tar` unpacks it here' }],
              });
            }
          }
        }
      }
    },
  }),
);
