import { defineRule } from '../../../src/engine/types.js';
import type { Dockerfile, Instruction, Stage } from '../../../src/parse/dockerfile/model.js';
import { chainInstructions, needsShell } from '../../../src/analysis/buildkit.js';

type Msg = 'shellForm' | 'notJson';

/** A `SHELL` in the stage (or a stage it is built on) before `ins` makes shell form deliberate. */
function shellChosen(file: Dockerfile, stage: Stage, ins: Instruction): boolean {
  for (const i of chainInstructions(file, stage)) {
    if (i === ins) return false;
    if (i.keyword === 'SHELL') return true;
  }
  return false;
}

export default defineRule<Record<string, never>, Msg>(
  {
    id: 'json-args-recommended',
    kind: 'dockerfile',
    summary: '`CMD` or `ENTRYPOINT` in shell form: the process runs under `/bin/sh -c` and misses stop signals',
    category: 'reliability',
    severity: 'warning',
    recommended: true,
    aliases: [
      { tool: 'buildkit', code: 'JSONArgsRecommended', fidelity: 'same' },
      { tool: 'hadolint', code: 'DL3025', fidelity: 'partial' },
    ],
    messages: {
      shellForm:
        '`{keyword}` in shell form runs under `/bin/sh -c`, which does not pass on `SIGTERM`, so `docker stop` waits and then kills the process; write the JSON form {json}',
      notJson:
        '`{keyword}` looks like JSON but is not valid JSON (Docker wants double quotes and a closed array), so it runs as a shell command under `/bin/sh -c`; write it with double quotes such as `["node", "server.js"]`',
    },
    fix: 'safe',
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      for (const stage of file.stages) {
        for (const ins of stage.instructions) {
          if ((ins.keyword !== 'CMD' && ins.keyword !== 'ENTRYPOINT') || ins.jsonForm) continue;
          const command = ins.argsText.trim();
          if (command === '' || shellChosen(file, stage, ins)) continue;
          const at = ins.argsRange;
          if (command.startsWith('[')) {
            ctx.report({ at, messageId: 'notJson', data: { keyword: ins.keyword } });
            continue;
          }
          // Only plain words convert without changing meaning: no shell, no variables, no quoting.
          if (needsShell(command)) {
            ctx.report({ at, messageId: 'shellForm', data: { keyword: ins.keyword, json: '(`["executable", "arg"]`), with `exec` in a script if it needs a shell' } });
            continue;
          }
          const json = `[${command.split(/\s+/).map((w) => JSON.stringify(w)).join(', ')}]`;
          ctx.report({
            at,
            messageId: 'shellForm',
            data: { keyword: ins.keyword, json: `\`${ins.keyword} ${json}\`` },
            fix: { title: `write \`${ins.keyword} ${json}\``, edits: [{ path: at.path, start: at.start, end: at.end, text: json }] },
          });
        }
      }
    },
  }),
);
