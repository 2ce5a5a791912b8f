/**
 * The checks yum and dnf (and microdnf) share: the same option letters, the same version syntax,
 * so the rules of each tool differ only in their metadata and in how a command is recognised.
 */
import type { RuleContext, Visitors } from '../engine/types.js';
import type { ShellCommand } from '../parse/dockerfile/shell/types.js';
import { rpmInstallWord, rpmUnpinned, type ToolCall } from './packages.js';
import { callsTo, earlierRunText, fedByYes, hasOption, insertAfter } from './shell-query.js';

/** Reads a command as the tool's call; `names` (given with it) are the command names it accepts. */
type CallOf = (cmd: ShellCommand) => ToolCall | undefined;

/** `install` without `-y`/`--assumeyes` (nor `assumeyes=1` in an earlier RUN, nor `yes |`). */
export function installWithoutYes(ctx: RuleContext<any, 'noYes'>, callOf: CallOf, names: readonly string[]): Visitors {
  return {
    dockerfile(file) {
      for (const { view, cmd } of callsTo(file, names)) {
        const call = callOf(cmd);
        const word = call && rpmInstallWord(call);
        if (!call || !word || hasOption(call.parsed, 'y', ['assumeyes']) || fedByYes(view, cmd)) continue;
        if (/assumeyes\s*=\s*(?:1|true|yes)\b/i.test(earlierRunText(file, view))) continue;
        ctx.report({
          at: word.range,
          messageId: 'noYes',
          data: { tool: call.tool, sub: word.value },
          fix: { title: `write \`-y\` after \`${word.value}\``, edits: [insertAfter(file, word, '-y')] },
        });
      }
    },
  };
}

/** Packages installed without a version (`module install` without a `:stream`). */
export function unpinnedPackages(ctx: RuleContext<any, 'unpinned' | 'stream'>, callOf: CallOf, names: readonly string[]): Visitors {
  return {
    dockerfile(file) {
      for (const { cmd } of callsTo(file, names)) {
        const call = callOf(cmd);
        if (!call) continue;
        const messageId = call.sub?.value === 'module' ? 'stream' : 'unpinned';
        for (const pkg of rpmUnpinned(call)) ctx.report({ at: pkg.range, messageId, data: { pkg: pkg.value } });
      }
    },
  };
}
