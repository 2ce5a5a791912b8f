import { defineRule } from '../../../src/engine/types.js';
import { oncePerPlace, scalarText } from '../../../src/analysis/compose-security.js';

interface Options {
  /** Keys whose `host` value is accepted (e.g. `network_mode` for a host-network appliance). */
  allow: string[];
}

type Msg = 'networkMode' | 'pid' | 'ipc' | 'usernsMode' | 'uts';

/** Service key → message. */
const KEYS: ReadonlyMap<string, Msg> = new Map([
  ['network_mode', 'networkMode'],
  ['pid', 'pid'],
  ['ipc', 'ipc'],
  ['userns_mode', 'usernsMode'],
  ['uts', 'uts'],
]);

export default defineRule<Options, Msg>(
  {
    id: 'host-namespace',
    kind: 'compose',
    summary: 'A service shares a namespace of the host (`network_mode`, `pid`, `ipc`, `userns_mode` or `uts` set to `host`)',
    category: 'security',
    severity: 'warning',
    recommended: true,
    aliases: [],
    messages: {
      networkMode:
        'Service `{service}` uses the host network: it can bind and sniff every host interface, reach services listening on the host\'s localhost, and its `ports:` are ignored; use a compose network and publish the ports it serves',
      pid: 'Service `{service}` shares the host PID namespace: it sees every host process with its command line and environment, and with enough privileges can signal or trace them; remove `pid: host`',
      ipc: 'Service `{service}` shares the host IPC namespace: it can read and write the shared memory and semaphores of host processes; remove `ipc: host`, or share IPC with one service (`ipc: service:<name>`)',
      usernsMode:
        'Service `{service}` opts out of user-namespace remapping, so root in the container is root on the host; remove `userns_mode: host`',
      uts: 'Service `{service}` shares the host UTS namespace and can change the host\'s hostname; remove `uts: host`',
    },
    options: {
      schema: {
        type: 'object',
        properties: { allow: { type: 'array', items: { enum: [...KEYS.keys()] } } },
        additionalProperties: false,
      },
      defaults: { allow: [] },
    },
    since: '0.1.0',
  },
  (ctx) => {
    const once = oncePerPlace();
    const allowed = new Set(ctx.options.allow);
    return {
      'compose:service'(service) {
        for (const [key, messageId] of KEYS) {
          if (allowed.has(key)) continue;
          const entry = service.node.entry(key);
          if (!entry || scalarText(entry.value)?.trim().toLowerCase() !== 'host' || !once(entry.value, key)) continue;
          ctx.report({ at: entry.value.range, messageId, data: { service: service.name } });
        }
      },
    };
  },
);
