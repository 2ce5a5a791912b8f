import { basename } from 'node:path';
import { defineRule } from '../../../src/engine/types.js';

export default defineRule<Record<string, never>, 'missing'>(
  {
    id: 'project-name-missing',
    kind: 'compose',
    summary: 'The compose file sets no project `name`',
    category: 'best-practice',
    severity: 'warning',
    recommended: false,
    aliases: [{ tool: 'dclint', code: 'require-project-name-field', fidelity: 'same' }],
    messages: {
      missing:
        'The file sets no top-level `name`, so the project is named after the folder it is run from and its containers, networks and volumes change names when the folder is renamed or cloned elsewhere; add `name: {suggestion}`',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    compose(file) {
      const root = file.root;
      if (!root || file.name || root.entries.length === 0) return;
      // Override files are merged into a main file that carries the name.
      if (/\.override\.ya?ml$/i.test(basename(file.path))) return;
      if (!root.get('services')) return;
      const first = root.entries.find((e) => !e.merged) ?? root.entries[0]!;
      const folder = basename(file.path.replace(/[\\/][^\\/]*$/, '')).toLowerCase().replace(/[^a-z0-9_-]+/g, '');
      const suggestion = /^[a-z0-9]/.test(folder) ? folder : 'my-project';
      ctx.report({ at: first.keyRange, messageId: 'missing', data: { suggestion } });
    },
  }),
);
