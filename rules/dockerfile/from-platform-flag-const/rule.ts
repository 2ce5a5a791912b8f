import { defineRule } from '../../../src/engine/types.js';
import { nameParts } from '../../../src/analysis/buildkit.js';

const OSES = new Set(['linux', 'windows', 'darwin', 'freebsd', 'netbsd', 'openbsd', 'solaris', 'illumos', 'aix', 'plan9', 'js', 'wasip1']);
const ARCH = /^(?:amd64|x86_64|x86-64|arm64|aarch64|arm|armhf|armel|386|i386|ppc64le|ppc64|s390x|riscv64|mips64le|mips64|mipsle|mips|loong64|wasm)$/;
const ALIASES: Record<string, string> = { x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64', armhf: 'arm', armel: 'arm', i386: '386' };

/** `os[/arch[/variant]]` or a bare arch, as containerd parses a platform; undefined if it does not parse. */
function parsePlatform(value: string): { os: string; arch?: string } | undefined {
  const parts = value.toLowerCase().split('/');
  if (parts.length === 1) return ARCH.test(parts[0]!) ? { os: 'linux', arch: ALIASES[parts[0]!] ?? parts[0]! } : OSES.has(parts[0]!) ? { os: parts[0]! } : undefined;
  if (parts.length > 3 || !OSES.has(parts[0]!) || !ARCH.test(parts[1]!)) return undefined;
  return { os: parts[0]!, arch: ALIASES[parts[1]!] ?? parts[1]! };
}

export default defineRule<Record<string, never>, 'constant'>(
  {
    id: 'from-platform-flag-const',
    kind: 'dockerfile',
    summary: '`FROM --platform=` with a fixed platform, which breaks multi-platform builds',
    category: 'reliability',
    severity: 'warning',
    recommended: true,
    aliases: [
      { tool: 'buildkit', code: 'FromPlatformFlagConstDisallowed', fidelity: 'same' },
      { tool: 'hadolint', code: 'DL3029', fidelity: 'partial' },
    ],
    messages: {
      constant:
        '`--platform={value}` pins this stage to one platform, so a build for another platform silently gets (or emulates) the wrong one; use `$BUILDPLATFORM` or `$TARGETPLATFORM`, or drop the flag',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:from'(node, file) {
      const flag = node.platform;
      if (!flag?.valueRange || flag.value === null || flag.value.includes('$')) return;
      const platform = parsePlatform(flag.value);
      if (!platform) return;
      // A stage named after its platform (`AS build-arm64`) is pinned on purpose.
      const words = node.stageName ? nameParts(node.stageName.value) : [];
      if (words.some((w) => w === platform.os || (platform.arch !== undefined && (ALIASES[w] ?? w) === platform.arch))) return;
      ctx.report({ at: flag.valueRange, messageId: 'constant', data: { value: file.source.text.slice(flag.valueRange.start, flag.valueRange.end) } });
    },
  }),
);
