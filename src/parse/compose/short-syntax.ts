/**
 * Compose's short syntax for service `volumes:` and `ports:` entries, read the way compose-go
 * (format/volume.go) and go-connections (nat.ParsePortSpec) read them. Pure string functions.
 */

export interface ShortVolume {
  /** `bind` when the source looks like a path, otherwise `volume`. */
  type: 'bind' | 'volume';
  /** undefined for an anonymous volume. */
  source?: string;
  target?: string;
  /** The third section as written (`ro`, `rw,z`, …). */
  mode?: string;
  readOnly: boolean;
  error?: string;
}

const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c);

/** A Windows drive (`C:`) or UNC path, or a path starting with `.`, `/` or `~`. */
export function isHostPath(source: string): boolean {
  if (source === '') return false;
  const c = source[0];
  if (c === '.' || c === '/' || c === '~') return true;
  if (source.startsWith('\\\\')) return true;
  const chars = [...source];
  return chars.length > 1 && isLetter(chars[0]) && chars[1] === ':';
}

export function parseVolumeShort(spec: string): ShortVolume {
  const chars = [...spec];
  if (chars.length === 0) return { type: 'volume', readOnly: false, error: 'empty volume specification' };
  // Compose treats one- and two-character specs as an anonymous volume's target outright.
  if (chars.length <= 2) return { type: 'volume', target: spec, readOnly: false };
  const sections: string[] = [];
  let buf = '';
  let braces = 0;
  let error: string | undefined;
  for (const c of chars) {
    // A single letter before the colon is a Windows drive, not a separator.
    if (c === ':' && braces === 0 && !([...buf].length === 1 && isLetter(buf))) {
      sections.push(buf);
      buf = '';
      continue;
    }
    if (c === '{' && buf.endsWith('$')) braces++;
    else if (c === '}' && braces > 0) braces--;
    buf += c;
  }
  sections.push(buf);
  const empty = sections.indexOf('');
  if (empty >= 0) {
    // Compose stops at the empty section; what came before it is still read.
    error = 'empty section between colons';
    sections.length = empty;
    if (empty === 1) sections.push('');
  } else if (sections.length > 3) error = 'too many colons';
  const vol: ShortVolume = { type: 'volume', readOnly: false };
  if (sections.length === 1) {
    vol.target = sections[0];
  } else {
    if (sections[0]) vol.source = sections[0];
    if (sections[1]) vol.target = sections[1];
    if (sections.length >= 3) {
      vol.mode = sections[2];
      for (const opt of sections[2]!.split(',')) {
        if (opt === 'ro') vol.readOnly = true;
        else if (opt === 'rw') vol.readOnly = false;
      }
    }
  }
  if (vol.source !== undefined && isHostPath(vol.source)) vol.type = 'bind';
  if (error) vol.error = error;
  return vol;
}

export interface ShortPort {
  hostIp?: string;
  published?: string;
  target: string;
  protocol: string;
  error?: string;
}

const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);

/** `start[-end]` with ports 0–65535; undefined when invalid. */
function portRange(s: string): [number, number] | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(s);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  if (a > 65535 || b > 65535 || b < a) return undefined;
  return [a, b];
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function isIp(s: string): boolean {
  if (IPV4.test(s)) return true;
  // IPv6: hex groups, at most one `::`, optionally ending in an IPv4 address.
  if (!/^[0-9a-fA-F:.]+$/.test(s) || !s.includes(':')) return false;
  const dbl = s.split('::');
  if (dbl.length > 2) return false;
  const groups = s.split(':').filter((g) => g !== '');
  let count = groups.length;
  const last = groups[groups.length - 1];
  if (last && last.includes('.')) {
    if (!IPV4.test(last)) return false;
    count++;
  }
  const hexOk = groups.every((g, i) => (i === groups.length - 1 && g.includes('.')) || /^[0-9a-fA-F]{1,4}$/.test(g));
  return hexOk && (dbl.length === 2 ? count < 8 : count === 8);
}

/** `[HOST_IP:][HOST:]CONTAINER[/PROTO]`, IPv6 host IPs in brackets. */
export function parsePortShort(spec: string): ShortPort {
  const parts = spec.split(':');
  const n = parts.length;
  let ip = '';
  let host = '';
  let container = parts[n - 1]!;
  if (n === 2) host = parts[0]!;
  else if (n >= 3) {
    ip = parts.slice(0, n - 2).join(':');
    host = parts[n - 2]!;
  }
  let protocol = 'tcp';
  const slash = container.split('/');
  if (slash.length > 1 && slash[0] !== '') {
    container = slash[0]!;
    if (slash[1] !== '') protocol = slash[1]!;
  }
  const port: ShortPort = { target: container, protocol };
  if (host !== '') port.published = host;
  if (ip.startsWith('[')) {
    const close = ip.indexOf(']');
    if (close !== ip.length - 1) return { ...port, error: `invalid IP address ${ip}` };
    ip = ip.slice(1, close);
  }
  if (ip !== '') port.hostIp = ip;
  if (ip !== '' && !isIp(ip)) return { ...port, error: `invalid IP address: ${ip}` };
  if (container === '' || container.startsWith('/')) return { ...port, target: '', error: `no port specified: ${spec}<empty>` };
  const c = portRange(container);
  if (!c) return { ...port, error: `invalid containerPort: ${container}` };
  if (host !== '') {
    const h = portRange(host);
    if (!h) return { ...port, error: `invalid hostPort: ${host}` };
    if (c[1] - c[0] !== h[1] - h[0] && c[1] !== c[0]) {
      return { ...port, error: `invalid ranges specified for container and host Ports: ${container} and ${host}` };
    }
  }
  if (!PROTOCOLS.has(protocol.toLowerCase())) return { ...port, error: `invalid proto: ${protocol}` };
  return port;
}
