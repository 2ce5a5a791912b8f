import { defineRule } from '../../../src/engine/types.js';
import { boundHostPath, oncePerPlace, volumeSourceRange } from '../../../src/analysis/compose-security.js';

/** Sockets of container engines: whoever can write to them can start a privileged container. */
const SOCKETS = /(^|\/)(docker|podman|containerd|crio|cri-dockerd)\.sock$/;

export default defineRule<Record<string, never>, 'socket'>(
  {
    id: 'docker-socket-mount',
    kind: 'compose',
    summary: 'A service mounts the Docker (or another container engine) socket',
    category: 'security',
    severity: 'error',
    recommended: true,
    aliases: [],
    messages: {
      socket:
        'Service `{service}` mounts `{path}`, and anyone who can talk to it can start a privileged container and take over the host (`:ro` does not prevent this); mount it only into trusted tools, or use a socket proxy that allows just the API calls they need',
    },
    since: '0.1.0',
  },
  (ctx) => {
    const once = oncePerPlace();
    return {
      'compose:service'(service) {
        for (const volume of service.volumes) {
          const path = boundHostPath(volume);
          if (path === undefined || !SOCKETS.test(path) || !once(volume.node)) continue;
          ctx.report({ at: volumeSourceRange(volume), messageId: 'socket', data: { service: service.name, path } });
        }
      },
    };
  },
);
