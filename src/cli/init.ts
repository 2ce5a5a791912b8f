/**
 * `compose-lint init [dir]`: writes a commented `.compose-lint.yaml`, translating an existing
 * `.hadolint.yaml` or `.dclintrc` found in the folder. An existing compose-lint config is kept
 * unless `--force`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { rules } from '../engine/registry.js';
import { AliasIndex } from '../config/aliases.js';
import { CONFIG_FILE_NAMES } from '../config/schema.js';
import { HOMEPAGE } from '../meta.js';
import { emptyTranslation, translateDclint, translateHadolint, type Translation } from './init-translate.js';

const HADOLINT_FILES = ['.hadolint.yaml', '.hadolint.yml'];
const DCLINT_FILES = ['.dclintrc', '.dclintrc.json', '.dclintrc.yaml', '.dclintrc.yml'];

const inline = (v: unknown) => stringify(v, { flow: true } as never).trim();

export function renderConfig(t: Translation, sources: string[]): string {
  const out = [
    '# compose-lint configuration; see ' + `${HOMEPAGE}#configuration`,
    `# yaml-language-server: $schema=${HOMEPAGE.replace('github.com', 'raw.githubusercontent.com')}/main/schema/compose-lint.schema.json`,
  ];
  if (sources.length) out.push(`# Translated from ${sources.join(' and ')}.`);
  out.push(
    '',
    '# The rule set to start from: recommended (the default) or all (adds the style rules).',
    'extends: recommended',
    '',
    '# Lowest severity that makes compose-lint exit 1: error (default), warning, info or never.',
    `failOn: ${t.failOn ?? 'error'}`,
    '',
    '# Rules by id or upstream code (DL3007, FromAsCasing, …): off, info, warning, error, or',
    '# [severity, { option: value }]. `compose-lint rules` lists them, `compose-lint explain <id>` explains one.',
  );
  if (t.rules.size === 0) out.push('rules: {}', '#  latest-image-tag: [warning, { floatingTags: [latest, stable] }]');
  else {
    out.push('rules:');
    for (const [id, r] of [...t.rules].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const value = r.options ? inline([r.level, r.options]) : r.level;
      out.push(`  ${id}: ${value}   # ${r.from}`);
    }
  }
  for (const n of t.notes) out.push(`#  not translated: ${n}`);
  out.push('', '# Globs of files not to lint, relative to this file.');
  if (t.ignore.length) out.push('ignore:', ...t.ignore.map((g) => `  - ${inline(g)}`));
  else out.push('ignore: []', '#  - "vendor/**"');
  // `settings:` holding only comments would be null; an empty mapping keeps the file valid.
  out.push('', t.trustedRegistries ? 'settings:' : 'settings: {}');
  out.push('  # Registries images may come from (hadolint\'s trustedRegistries, DL3026).');
  out.push(t.trustedRegistries ? `  trustedRegistries: ${inline(t.trustedRegistries)}` : '  # trustedRegistries: [docker.io, ghcr.io]');
  return out.join('\n') + '\n';
}

export function initCommand(dir: string, force: boolean, io: { stdout: { write(s: string): unknown }; stderr: { write(s: string): unknown } }): number {
  const existing = CONFIG_FILE_NAMES.map((n) => join(dir, n)).find((p) => existsSync(p));
  if (existing && !force) {
    io.stderr.write(`compose-lint: ${existing} already exists; pass --force to replace it\n`);
    return 2;
  }
  const index = new AliasIndex(rules.map((r) => r.meta));
  const t = emptyTranslation();
  const sources: string[] = [];
  const hadolint = HADOLINT_FILES.map((n) => join(dir, n)).find((p) => existsSync(p));
  if (hadolint) {
    translateHadolint(readFileSync(hadolint, 'utf8'), index, t);
    sources.push(hadolint.slice(dir.length + 1));
  }
  const dclint = DCLINT_FILES.map((n) => join(dir, n)).find((p) => existsSync(p));
  if (dclint) {
    translateDclint(readFileSync(dclint, 'utf8'), index, t);
    sources.push(dclint.slice(dir.length + 1));
  }
  const target = existing ?? join(dir, '.compose-lint.yaml');
  if (!existsSync(dir)) {
    io.stderr.write(`compose-lint: ${dir}: no such folder\n`);
    return 2;
  }
  writeFileSync(target.endsWith('.json') ? join(dir, '.compose-lint.yaml') : target, renderConfig(t, sources));
  io.stdout.write(`wrote ${target.endsWith('.json') ? join(dir, '.compose-lint.yaml') : target}${sources.length ? ` (translated from ${sources.join(', ')})` : ''}\n`);
  return 0;
}
