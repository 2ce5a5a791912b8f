import { defineRule } from '../../../src/engine/types.js';
import { yarnInstall, YARN_NAMES } from '../../../src/analysis/packages.js';
import { cacheMountTargets, commandName, commandsAfter, commandsNamed, hasOption, removes, viewsCalling, stageShipsLayers } from '../../../src/analysis/shell-query.js';

export default defineRule<Record<string, never>, 'notCleaned'>(
  {
    id: 'yarn-cache-not-cleaned',
    kind: 'dockerfile',
    summary: '`yarn install` without `yarn cache clean` in the same RUN',
    category: 'best-practice',
    severity: 'info',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3060', fidelity: 'same' }],
    messages: {
      notCleaned:
        '`yarn install` keeps a copy of every downloaded package in its cache folder, which stays in the image layer; end the same RUN with `&& yarn cache clean`',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      for (const view of viewsCalling(file, YARN_NAMES)) {
        if (!stageShipsLayers(file, view.stageIndex)) continue;
        for (const cmd of commandsNamed(view, YARN_NAMES)) {
          const call = yarnInstall(cmd);
          if (!call || (call.sub === undefined && hasOption(call.parsed, 'vh', ['version', 'help']))) continue;
          const folder = call.parsed.options.find((o) => o.long && o.name === 'cache-folder')?.value?.replace(/\/+$/, '');
          const isCache = (p: string) => p.includes('.cache/yarn') || p === folder;
          if (cacheMountTargets(view).some(isCache)) continue;
          const cleaned = commandsAfter(view, cmd).some((c) => {
            if (removes(c, isCache)) return true;
            const words = c.args.map((a) => a.value);
            return commandName(c) === 'yarn' && words[0] === 'cache' && words[1] === 'clean';
          });
          if (!cleaned) ctx.report({ at: (call.sub ?? cmd.nameWord).range, messageId: 'notCleaned' });
        }
      }
    },
  }),
);
