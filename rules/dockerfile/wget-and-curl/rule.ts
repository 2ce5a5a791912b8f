import { defineRule } from '../../../src/engine/types.js';
import type { ShellCommand } from '../../../src/parse/dockerfile/shell/types.js';
import { commandsOf } from '../../../src/analysis/run-commands.js';
import { chainFold } from '../../../src/analysis/stages.js';
import type { Dockerfile, Stage } from '../../../src/parse/dockerfile/model.js';
import { baseName } from '../../../src/analysis/shell-commands.js';

const TOOLS = new Set(['wget', 'curl']);

/** The first use of each tool in a RUN of the stage or of a stage it is built on. */
function firstUses(file: Dockerfile, stage: Stage, first: Map<string, ShellCommand>, each?: (tool: string, cmd: ShellCommand) => boolean): void {
  for (const ins of stage.instructions) {
    // ONBUILD triggers run in another build: they do not add tools to this one.
    if (ins.keyword !== 'RUN') continue;
    for (const cmd of commandsOf(file, ins)) {
      const tool = baseName(cmd.name);
      if (!TOOLS.has(tool) || cmd.nameWord.dynamic || first.has(tool)) continue;
      first.set(tool, cmd);
      if (each?.(tool, cmd) === false || first.size === TOOLS.size) return;
    }
  }
}

// Per stage, once: asking the whole chain again for every stage made long chains quadratic.
const chainTools = new WeakMap<Stage, ReadonlyMap<string, ShellCommand>>();
function toolsOfChain(file: Dockerfile, stage: Stage): ReadonlyMap<string, ShellCommand> {
  return chainFold(file, stage, chainTools, (base, s) => {
    if (base && base.size === TOOLS.size) return base;
    const mine = new Map(base);
    firstUses(file, s, mine);
    // Shared with the base when the stage adds nothing, so a chain of n stages holds n small maps.
    return base && mine.size === base.size ? base : mine;
  });
}

export default defineRule<Record<string, never>, 'both'>(
  {
    id: 'wget-and-curl',
    kind: 'dockerfile',
    summary: 'A stage uses both `wget` and `curl`',
    category: 'best-practice',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL4001', fidelity: 'partial' }],
    messages: {
      both: 'This stage already downloads with `{other}`, and `{tool}` is a second tool for the same job that the image must carry; use `{other}` here too',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:stage'(stage, file) {
      // A stage built on an earlier stage carries that stage's tools too.
      const base = stage.from.stageRef === undefined ? undefined : file.stages[stage.from.stageRef];
      const first = new Map(base && base !== stage ? toolsOfChain(file, base) : undefined);
      // Reported once, where the second tool comes in, and only by the stage that owns that line.
      if (first.size === TOOLS.size) return;
      firstUses(file, stage, first, (tool, cmd) => {
        if (first.size < 2) return true;
        const other = tool === 'wget' ? 'curl' : 'wget';
        ctx.report({
          at: cmd.nameWord.range,
          messageId: 'both',
          data: { tool, other },
          related: [{ at: first.get(other)!.nameWord.range, message: `\`${other}\` is used here` }],
        });
        return false;
      });
    },
  }),
);
