import { defineRule } from '../../../src/engine/types.js';
import type { Dockerfile, Stage } from '../../../src/parse/dockerfile/model.js';
import { baseChain } from '../../../src/analysis/stages.js';

/** The earlier stage `--from` names (by name or index), if it names one. */
function sourceStage(file: Dockerfile, from: string, current: number): Stage | undefined {
  if (/^\d+$/.test(from)) return Number(from) < current ? file.stages[Number(from)] : undefined;
  const name = from.toLowerCase();
  return file.stages.slice(0, current).find((s) => s.name === name);
}

/**
 * Whether a stage holds a whole operating system: its chain starts at a named, non-scratch image
 * and runs something. A bare `FROM tonistiigi/xx AS xx` is only an alias of an external image,
 * and a chain from scratch or from an unresolved `${VAR}` image holds what we cannot judge.
 */
function holdsSystem(file: Dockerfile, stage: Stage): boolean {
  const chain = baseChain(file, stage);
  const root = chain.at(-1)!.from;
  if (root.scratch || root.image.unresolved.length > 0) return false;
  return chain.some((s) => s.instructions.some((i) => i.keyword === 'RUN'));
}

export default defineRule<Record<string, never>, 'wholeFilesystem'>(
  {
    id: 'copy-whole-filesystem',
    kind: 'dockerfile',
    summary: '`COPY --from=<stage> / /` copies a whole system over the root filesystem',
    category: 'best-practice',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3067', fidelity: 'partial' }],
    messages: {
      wholeFilesystem:
        '`COPY --from={from} / /` copies every file of `{from}` over this image, `/etc/passwd`, package databases and `/proc` placeholders included, so the result is a mix of two systems that no package manager knows; copy only the directories you need, e.g. `COPY --from={from} /app /app`',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:copy'(copy, file) {
      if (copy.keyword !== 'COPY' || !copy.from?.value || !copy.destination) return;
      const root = (v: string) => /^\/+\.?$/.test(v);
      const source = sourceStage(file, copy.from.value, copy.stageIndex);
      // An external image may be a bundle of a few binaries (a common way to ship tools); only
      // a stage of this file shows whether it holds a whole system.
      if (!source || !holdsSystem(file, source)) return;
      if (copy.sources.length === 1 && root(copy.sources[0]!.value) && root(copy.destination.value)) {
        ctx.report({ at: copy.sources[0]!.range, messageId: 'wholeFilesystem', data: { from: copy.from.value } });
      }
    },
  }),
);
