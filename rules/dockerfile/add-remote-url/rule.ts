import { defineRule } from '../../../src/engine/types.js';
import type { CopyInstruction } from '../../../src/parse/dockerfile/model.js';

/** Git sources (`https://host/repo.git#ref`, `git@host:repo`) are pinned by ref, not by checksum. */
const isGit = (url: string) => /^git@|^git:\/\/|\.git(?:#|$|\?)/.test(url);

export default defineRule<Record<string, never>, 'remote'>(
  {
    id: 'add-remote-url',
    kind: 'dockerfile',
    summary: '`ADD` of an http(s) URL without `--checksum`: the download is not verified',
    category: 'security',
    severity: 'warning',
    recommended: true,
    aliases: [],
    messages: {
      remote:
        '`ADD {url}` downloads a file nobody checks, so a changed or tampered file goes into the image unnoticed; add `--checksum=sha256:<digest>` (Dockerfile syntax 1.6+), or download and verify it in a `RUN`',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:copy'(node) {
      const ins = node as CopyInstruction;
      if (ins.keyword !== 'ADD' || ins.flags.some((f) => f.name === 'checksum' && f.value)) return;
      for (const src of ins.sources) {
        if (!/^https?:\/\//i.test(src.value) || isGit(src.value)) continue;
        ctx.report({ at: src.range, messageId: 'remote', data: { url: src.value } });
      }
    },
  }),
);
