import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePortShort, parseVolumeShort } from '../../src/parse/compose/short-syntax.js';
import { parseCompose } from '../../src/parse/compose/parse.js';

test('volume short syntax', () => {
  const table: [string, ReturnType<typeof parseVolumeShort>][] = [
    ['/data', { type: 'volume', target: '/data', readOnly: false }],
    ['db', { type: 'volume', target: 'db', readOnly: false }],
    ['pg/var/lib/postgresql/data', { type: 'volume', target: 'pg/var/lib/postgresql/data', readOnly: false }],
    ['pg:/var/lib/postgresql/data', { type: 'volume', source: 'pg', target: '/var/lib/postgresql/data', readOnly: false }],
    ['./data:/data', { type: 'bind', source: './data', target: '/data', readOnly: false }],
    ['/srv:/srv:ro', { type: 'bind', source: '/srv', target: '/srv', mode: 'ro', readOnly: true }],
    ['~/x:/x:rw,z', { type: 'bind', source: '~/x', target: '/x', mode: 'rw,z', readOnly: false }],
    ['C:\\data:/data', { type: 'bind', source: 'C:\\data', target: '/data', readOnly: false }],
    ['c:/data:/data:ro', { type: 'bind', source: 'c:/data', target: '/data', mode: 'ro', readOnly: true }],
    ['\\\\host\\share:/s', { type: 'bind', source: '\\\\host\\share', target: '/s', readOnly: false }],
    ['data:/data:ro:x', { type: 'volume', source: 'data', target: '/data', mode: 'ro', readOnly: true, error: 'too many colons' }],
    ['data::/data', { type: 'volume', source: 'data', readOnly: false, error: 'empty section between colons' }],
    ['', { type: 'volume', readOnly: false, error: 'empty volume specification' }],
  ];
  for (const [spec, expected] of table) assert.deepEqual(parseVolumeShort(spec), expected, spec);
});

test('port short syntax', () => {
  const table: [string, ReturnType<typeof parsePortShort>][] = [
    ['80', { target: '80', protocol: 'tcp' }],
    ['8080:80', { published: '8080', target: '80', protocol: 'tcp' }],
    ['127.0.0.1:8080:80', { hostIp: '127.0.0.1', published: '8080', target: '80', protocol: 'tcp' }],
    ['127.0.0.1::80', { hostIp: '127.0.0.1', target: '80', protocol: 'tcp' }],
    ['53:53/udp', { published: '53', target: '53', protocol: 'udp' }],
    ['8000-8010:8000-8010', { published: '8000-8010', target: '8000-8010', protocol: 'tcp' }],
    ['9090-9091:8080', { published: '9090-9091', target: '8080', protocol: 'tcp' }],
    ['[::1]:80:80', { hostIp: '::1', published: '80', target: '80', protocol: 'tcp' }],
    ['::1:80:80', { hostIp: '::1', published: '80', target: '80', protocol: 'tcp' }],
    ['8000-8001:80-82', { published: '8000-8001', target: '80-82', protocol: 'tcp', error: 'invalid ranges specified for container and host Ports: 80-82 and 8000-8001' }],
    ['80:http', { published: '80', target: 'http', protocol: 'tcp', error: 'invalid containerPort: http' }],
    ['99999:80', { published: '99999', target: '80', protocol: 'tcp', error: 'invalid hostPort: 99999' }],
    ['80/xtp', { target: '80', protocol: 'xtp', error: 'invalid proto: xtp' }],
    ['300.1.1.1:80:80', { hostIp: '300.1.1.1', published: '80', target: '80', protocol: 'tcp', error: 'invalid IP address: 300.1.1.1' }],
    ['8080:', { published: '8080', target: '', protocol: 'tcp', error: 'no port specified: 8080:<empty>' }],
  ];
  for (const [spec, expected] of table) assert.deepEqual(parsePortShort(spec), expected, spec);
});

test('ports given as YAML numbers and interpolated strings', () => {
  const text = 'services:\n  a:\n    ports:\n      - 80\n      - ${HP:-8080}:80\n      - "$BAD:1"\n';
  const f = parseCompose('c.yaml', text, { variables: new Map([['BAD', 'x']]) });
  assert.deepEqual(
    f.services[0]!.ports.map((p) => [p.published, p.target, p.error, p.node.range.start]),
    [
      [undefined, '80', undefined, text.indexOf('80')],
      ['8080', '80', undefined, text.indexOf('${HP')],
      ['x', '1', 'invalid hostPort: x', text.indexOf('"$BAD')],
    ],
  );
});
