import { defineRule } from '../../../src/engine/types.js';
import { aptCall } from '../../../src/analysis/packages.js';
import { cacheMountTargets, canAppendAfter, commandName, commandsAfter, commandsNamed, removes, viewsCalling, stageShipsLayers } from '../../../src/analysis/shell-query.js';
import type { ShellCommand } from '../../../src/parse/dockerfile/shell/types.js';

/** The commands `aptSub` reads. */
const APT_FAMILY = ['apt-get', 'apt', 'aptitude'];
const LISTS = new Set(['/var/lib/apt/lists', '/var/lib/apt']);

/** `apt-get`, `apt` or `aptitude` with its subcommand. */
function aptSub(cmd: ShellCommand): string | undefined {
  const call = aptCall(cmd);
  if (call) return call.sub?.value;
  if (commandName(cmd) !== 'aptitude') return undefined;
  return cmd.args.find((a) => !a.value.startsWith('-'))?.value;
}

export default defineRule<Record<string, never>, 'listsKept'>(
  {
    id: 'apt-lists-not-removed',
    kind: 'dockerfile',
    summary: '`apt-get update` without removing `/var/lib/apt/lists` in the same RUN',
    category: 'best-practice',
    severity: 'info',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3009', fidelity: 'same' }],
    messages: {
      listsKept:
        '`{tool} update` downloads package lists that stay in the image layer, making it tens of megabytes larger; end the same RUN with `&& rm -rf /var/lib/apt/lists/*`',
    },
    fix: 'unsafe',
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      for (const view of viewsCalling(file, APT_FAMILY)) {
        if (!stageShipsLayers(file, view.stageIndex) || commandsNamed(view, APT_FAMILY).length === 0) continue;
        if (cacheMountTargets(view).some((t) => LISTS.has(t))) continue;
        const update = view.commands.find((cmd) => aptSub(cmd) === 'update');
        if (!update) continue;
        const cleaned = commandsAfter(view, update).some(
          (cmd) => removes(cmd, (p) => LISTS.has(p)) || ['distclean', 'dist-clean'].includes(aptSub(cmd) ?? ''),
        );
        if (cleaned) continue;
        const word = update.args.find((a) => a.value === 'update')!;
        const last = view.commands.filter((cmd) => aptSub(cmd) !== undefined).pop()!;
        ctx.report({
          at: word.range,
          messageId: 'listsKept',
          data: { tool: commandName(update) },
          ...(canAppendAfter(view, last) && {
            fix: {
              title: 'write `&& rm -rf /var/lib/apt/lists/*` after the last apt command',
              edits: [{ path: last.range.path, start: last.range.end, end: last.range.end, text: ' && rm -rf /var/lib/apt/lists/*' }],
            },
          }),
        });
      }
    },
  }),
);
