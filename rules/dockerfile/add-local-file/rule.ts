import { defineRule } from '../../../src/engine/types.js';
import type { CopyInstruction, Word } from '../../../src/parse/dockerfile/model.js';

/** Archives ADD unpacks (what Docker recognises as tar, plain or compressed). */
const ARCHIVE = /\.(?:tar|gz|bz2|xz|tgz|tbz2|txz|z|lz|lzma|tlz|tpz|tb2|tbz|tz|zst|tzst)$/i;
const URL = /^https?:\/\//i;
/** ADD fetches and checks out git repositories, which COPY cannot. */
const GIT = /^(?:git@|git:\/\/|ssh:\/\/)|\.git(?:#.*)?$|^https?:\/\/[^#]*\.git\b/i;
/** ADD-only flags: with them, COPY is no replacement. */
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

const needsAdd = (w: Word) => URL.test(w.value) || GIT.test(w.value) || ARCHIVE.test(w.value);

export default defineRule<Record<string, never>, 'useCopy' | 'useCopyMixed'>(
  {
    id: 'add-local-file',
    kind: 'dockerfile',
    summary: '`ADD` of local files or directories, where `COPY` does the same without surprises',
    category: 'best-practice',
    severity: 'error',
    recommended: true,
    aliases: [{ tool: 'hadolint', code: 'DL3020', fidelity: 'partial' }],
    messages: {
      useCopy:
        '`ADD` of local files works like `COPY` but also unpacks archives and fetches URLs, so readers must check which it does here; write `COPY`',
      useCopyMixed:
        '`ADD` mixes {local} with a download or archive, so one instruction does two different things; copy the local files with a separate `COPY`',
    },
    fix: 'safe',
    since: '0.1.0',
  },
  (ctx) => ({
    'dockerfile:copy'(node) {
      if (node.keyword !== 'ADD' || node.sources.length === 0) return;
      const add = node as CopyInstruction;
      // A variable may name a URL or an archive.
      if (add.sources.some((s) => s.value.includes('$'))) return;
      const local = add.sources.filter((s) => !needsAdd(s));
      if (local.length === 0) return;
      if (local.length < add.sources.length) {
        ctx.report({ at: local[0]!.range, messageId: 'useCopyMixed', data: { local: `\`${local[0]!.value}\`` } });
        return;
      }
      const canFix = !add.flags.some((f) => ADD_ONLY_FLAGS.has(f.name));
      const text = add.keywordRaw === add.keywordRaw.toLowerCase() ? 'copy' : 'COPY';
      ctx.report({
        at: add.keywordRange,
        messageId: 'useCopy',
        ...(canFix ? { fix: { title: `write \`${text}\``, edits: [{ ...add.keywordRange, text }] } } : {}),
      });
    },
  }),
);
