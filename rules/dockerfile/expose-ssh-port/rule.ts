import { defineRule } from '../../../src/engine/types.js';
import { resolveUser as resolveVariables } from '../root-user/rule.js';

export default defineRule<Record<string, never>, 'ssh'>(
  {
    id: 'expose-ssh-port',
    kind: 'dockerfile',
    summary: '`EXPOSE 22`: the image expects to run an SSH server',
    category: 'security',
    severity: 'warning',
    recommended: true,
    aliases: [],
    messages: {
      ssh:
        '`EXPOSE {port}` announces an SSH server in the container, a second way in with its own keys and passwords to manage; drop sshd and use `docker exec` (or `kubectl exec`) to get a shell',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:instruction'(ins, file) {
      if (ins.keyword !== 'EXPOSE') return;
      const stage = file.stages[ins.stageIndex];
      for (const arg of ins.args) {
        const value = stage && arg.value.includes('$') ? resolveVariables(arg.value, stage) : arg.value;
        if (value === undefined) continue;
        const port = value.split('/')[0]!;
        if (port === '22') ctx.report({ at: arg.range, messageId: 'ssh', data: { port: arg.value } });
      }
    },
  }),
);
