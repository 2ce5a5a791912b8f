import { defineRule } from '../../../src/engine/types.js';
import { boundHostPath, isUnder, oncePerPlace, volumeSourceRange } from '../../../src/analysis/compose-security.js';

/** Host folders whose content controls or exposes the host. */
const SENSITIVE = ['/', '/etc', '/proc', '/sys', '/dev', '/boot', '/root', '/lib', '/lib64', '/usr', '/bin', '/sbin', '/var/run', '/run', '/var/lib/docker', '/var/lib/kubelet'];

/** Read-only facts that containers commonly borrow from the host and that grant nothing. */
const HARMLESS = ['/etc/localtime', '/etc/timezone', '/usr/share/zoneinfo', '/etc/ssl/certs', '/etc/ca-certificates', '/etc/pki/ca-trust', '/dev/shm', '/run/secrets'];

/** Engine sockets are the docker-socket-mount rule's. */
const SOCKET = /\.sock$/;

export default defineRule<Record<string, never>, 'sensitive' | 'sensitiveReadOnly'>(
  {
    id: 'sensitive-host-mount',
    kind: 'compose',
    summary: 'A service bind-mounts a sensitive host folder such as `/`, `/etc`, `/proc` or `/sys`',
    category: 'security',
    severity: 'warning',
    recommended: true,
    aliases: [],
    messages: {
      sensitive:
        'Service `{service}` mounts host path `{path}` writable, so the container can change the host system itself (users, boot, kernel settings); mount only the file or project folder it needs, read-only (`:ro`) where possible',
      sensitiveReadOnly:
        'Service `{service}` mounts host path `{path}`, which exposes host secrets and system state to the container even read-only; mount only the file it needs, or a copy kept in the project',
    },
    since: '0.1.0',
  },
  (ctx) => {
    const once = oncePerPlace();
    return {
      'compose:service'(service) {
        for (const volume of service.volumes) {
          const path = boundHostPath(volume);
          if (path === undefined || SOCKET.test(path)) continue;
          if (HARMLESS.some((h) => isUnder(path, h))) continue;
          if (!SENSITIVE.some((d) => isUnder(path, d)) || !once(volume.node)) continue;
          ctx.report({
            at: volumeSourceRange(volume),
            messageId: volume.readOnly ? 'sensitiveReadOnly' : 'sensitive',
            data: { service: service.name, path },
          });
        }
      },
    };
  },
);
