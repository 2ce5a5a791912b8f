import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { defineRule, type Ranged } from '../../../src/engine/types.js';
import type { ComposeService, YNode } from '../../../src/parse/compose/model.js';

/** True when the path scalar at `at` uses a variable with no value: its real path is unknown. */
function hasUnsetVariable(service: ComposeService, at: Ranged): boolean {
  const visit = (n: YNode | undefined): boolean => {
    if (!n) return false;
    if (n.kind === 'scalar') return n.range.start === at.start && n.vars.some((v) => !v.defined && (v.operator === '' || v.operator === '?' || v.operator === ':?'));
    if (n.kind === 'seq') return n.items.some(visit);
    return visit(n.get('path'));
  };
  return visit(service.node.get('env_file'));
}

export default defineRule<Record<string, never>, 'missing'>(
  {
    id: 'env-file-missing',
    kind: 'project',
    summary: 'A service `env_file` names a file that does not exist',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [],
    messages: {
      missing:
        '`env_file` `{path}` does not exist{resolved}, so `docker compose up` stops before starting anything; create the file, correct the path, or mark the entry optional with `path: {path}` and `required: false`',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    project(project) {
      for (const cp of project.composeProjects) {
        const dir = dirname(cp.compose.path);
        for (const service of cp.compose.services) {
          for (const ef of service.envFiles) {
            if (!ef.required || hasUnsetVariable(service, ef.range)) continue;
            const abs = resolve(dir, ef.path);
            // Only paths the project graph looked up; a value of undefined means it found nothing.
            if (!cp.envFiles.has(abs) || cp.envFiles.get(abs) !== undefined) continue;
            // Relative to the compose folder keeps the message the same on every machine.
            const shown = isAbsolute(ef.path) ? abs : relative(dir, abs).split(sep).join('/');
            const resolved = shown === ef.path ? '' : ` (resolved from the compose file's folder: \`${shown}\`)`;
            ctx.report({ at: ef.range, messageId: 'missing', data: { path: ef.path, resolved } });
          }
        }
      }
    },
  }),
);
