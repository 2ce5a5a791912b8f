/**
 * docs/migrating-from-hadolint.md, generated from rule metadata: every hadolint code and every
 * BuildKit check with the rule that carries it as an alias (or "not yet"). The lists of upstream
 * codes are facts about those tools, written out here because no rule may carry them yet.
 */
import type { RuleMeta } from '../engine/types.js';

export const MIGRATION_DOC = 'docs/migrating-from-hadolint.md';
export const MIGRATION_COMMAND = 'npx tsc -p . && node dist/scripts/gen-docs-migration.js';

/** hadolint's rule codes in its current source, with a few words on each. */
export const HADOLINT_CODES: readonly [string, string][] = [
  ['DL1000', 'parse error'],
  ['DL1001', 'inline ignore pragma used (off by default)'],
  ['DL3000', 'WORKDIR must be absolute'],
  ['DL3001', 'pointless command in RUN (ssh, vim, ps, …)'],
  ['DL3002', 'last USER is root'],
  ['DL3003', 'cd in RUN; use WORKDIR'],
  ['DL3004', 'sudo in RUN'],
  ['DL3006', 'FROM image without tag'],
  ['DL3007', 'FROM image with tag latest'],
  ['DL3008', 'apt-get install without pinned versions'],
  ['DL3009', 'apt lists not deleted'],
  ['DL3010', 'archive copied then extracted; use ADD'],
  ['DL3011', 'EXPOSE port out of range'],
  ['DL3012', 'more than one HEALTHCHECK'],
  ['DL3013', 'pip install without pinned versions'],
  ['DL3014', 'apt-get install without -y'],
  ['DL3015', 'apt-get install without --no-install-recommends'],
  ['DL3016', 'npm install without pinned versions'],
  ['DL3018', 'apk add without pinned versions'],
  ['DL3019', 'apk add without --no-cache'],
  ['DL3020', 'ADD for local files; use COPY'],
  ['DL3021', 'COPY of several sources to a destination without /'],
  ['DL3022', 'COPY --from names no earlier stage'],
  ['DL3023', 'COPY --from names its own stage'],
  ['DL3024', 'duplicate stage name'],
  ['DL3025', 'CMD/ENTRYPOINT in shell form'],
  ['DL3026', 'image from an untrusted registry'],
  ['DL3027', 'apt used; use apt-get'],
  ['DL3028', 'gem install without pinned versions'],
  ['DL3029', 'FROM --platform'],
  ['DL3030', 'yum install without -y'],
  ['DL3032', 'yum clean all missing'],
  ['DL3033', 'yum install without pinned versions'],
  ['DL3034', 'zypper without non-interactive flag'],
  ['DL3035', 'zypper dist-upgrade'],
  ['DL3036', 'zypper clean missing'],
  ['DL3037', 'zypper install without pinned versions'],
  ['DL3038', 'dnf install without -y'],
  ['DL3040', 'dnf clean all missing'],
  ['DL3041', 'dnf install without pinned versions'],
  ['DL3042', 'pip install without --no-cache-dir'],
  ['DL3043', 'ONBUILD of ONBUILD, FROM or MAINTAINER'],
  ['DL3044', 'ENV refers to a variable of the same ENV'],
  ['DL3045', 'COPY to a relative path without WORKDIR'],
  ['DL3046', 'useradd with a large uid without -l'],
  ['DL3047', 'wget without --progress'],
  ['DL3048', 'invalid label key'],
  ['DL3049', 'label of the label schema missing'],
  ['DL3050', 'label not in the label schema (strict labels)'],
  ['DL3051', 'schema label empty'],
  ['DL3052', 'schema label of type url invalid'],
  ['DL3053', 'schema label of type rfc3339 invalid'],
  ['DL3054', 'schema label of type spdx invalid'],
  ['DL3055', 'schema label of type hash invalid'],
  ['DL3056', 'schema label of type semver invalid'],
  ['DL3057', 'HEALTHCHECK missing (off by default)'],
  ['DL3058', 'schema label of type email invalid'],
  ['DL3059', 'consecutive RUN instructions'],
  ['DL3060', 'yarn cache clean missing'],
  ['DL3061', 'instruction before FROM'],
  ['DL3062', 'go install without a pinned version'],
  ['DL3063', 'stage named scratch or context'],
  ['DL3064', 'ARG/ENV name looks like a secret'],
  ['DL3065', 'redundant FROM --platform=$TARGETPLATFORM'],
  ['DL3066', 'USER with a non-numeric uid'],
  ['DL3067', 'COPY --from of a whole filesystem'],
  ['DL4000', 'MAINTAINER is deprecated'],
  ['DL4001', 'both wget and curl used'],
  ['DL4003', 'more than one CMD'],
  ['DL4004', 'more than one ENTRYPOINT'],
  ['DL4005', 'ln to /bin/sh; use SHELL'],
  ['DL4006', 'pipe without pipefail'],
];

/** Codes hadolint no longer has. */
const RETIRED = ['DL3005', 'DL3017', 'DL3031', 'DL3039', 'DL4002'];

/** Docker's build checks (`docker build --check`). */
export const BUILDKIT_CHECKS: readonly string[] = [
  'StageNameCasing',
  'FromAsCasing',
  'NoEmptyContinuation',
  'ConsistentInstructionCasing',
  'DuplicateStageName',
  'ReservedStageName',
  'JSONArgsRecommended',
  'MaintainerDeprecated',
  'UndefinedArgInFrom',
  'WorkdirRelativePath',
  'UndefinedVar',
  'MultipleInstructionsDisallowed',
  'LegacyKeyValueFormat',
  'InvalidBaseImagePlatform',
  'RedundantTargetPlatform',
  'SecretsUsedInArgOrEnv',
  'InvalidDefaultArgInFrom',
  'FromPlatformFlagConstDisallowed',
  'CopyIgnoredFile',
  'InvalidDefinitionDescription',
  'ExposeProtoCasing',
  'ExposeInvalidFormat',
];

const NOT_STATIC: Record<string, string> = {
  InvalidBaseImagePlatform: 'not applicable: it needs the base image from the registry',
};

function carriers(metas: readonly RuleMeta<any>[], tool: 'hadolint' | 'buildkit', code: string): string {
  const hits = metas
    .filter((m) => !m.deprecated)
    .flatMap((m) => m.aliases.filter((a) => a.tool === tool && a.code === code).map((a) => ({ m, a })))
    .sort((x, y) => (x.m.id < y.m.id ? -1 : 1));
  if (!hits.length) return '';
  return hits.map(({ m, a }) => `[\`${m.id}\`](rules/${m.id}.md)${a.fidelity === 'partial' ? ' (partial)' : ''}${m.recommended ? '' : ', opt-in'}`).join(', ');
}

export function renderMigrationDoc(metas: readonly RuleMeta<any>[]): string {
  const out: string[] = [];
  const hadolintRows = HADOLINT_CODES.map(([code, what]) => `| ${code} | ${what} | ${carriers(metas, 'hadolint', code) || 'not yet'} |`);
  const done = HADOLINT_CODES.filter(([code]) => carriers(metas, 'hadolint', code)).length;
  const bkDone = BUILDKIT_CHECKS.filter((c) => carriers(metas, 'buildkit', c)).length;
  out.push(
    '# Migrating from hadolint',
    '',
    `<!-- Generated from rule metadata by scripts/gen-docs-migration.ts; run \`${MIGRATION_COMMAND}\`. -->`,
    '',
    'compose-lint reads what a hadolint setup already has, so a switch needs no rewrite:',
    '',
    '- **Config.** A `.hadolint.yaml` or `.hadolint.yml` next to a Dockerfile, or in the working',
    '  directory, is read when no `.compose-lint.yaml` applies to that Dockerfile:',
    '',
    '  | hadolint | compose-lint |',
    '  | --- | --- |',
    '  | `ignored: [DL3008, SC2086]` | `rules: {DL3008: off, SC2086: off}` |',
    '  | `override: {error: [...], warning: [...], info: [...], style: [...]}` | rule levels; `style` becomes `info` |',
    '  | `trustedRegistries: [...]` | `settings.trustedRegistries` |',
    '  | `label-schema: {name: type}` | `settings.labelSchema` |',
    '  | `strict-labels: true` | `settings.strictLabels: true` |',
    '  | `failure-threshold: warning` | `failOn: warning` (`style` → `info`, `none`/`ignore` → `never`) |',
    '  | `no-fail: true` | `failOn: never` |',
    '',
    '  Codes without a compose-lint rule yet are reported as a warning and skipped. Once you add',
    '  a `.compose-lint.yaml`, it alone decides; copy the settings over.',
    '- **Pragmas.** `# hadolint ignore=DL3008,SC2086` (next instruction, every line of it),',
    '  `# hadolint global ignore=…` (whole file), `# hadolint stage ignore=…` (until the next',
    '  `FROM`) and `# hadolint shell=bash` (the shell ShellCheck assumes) keep working, as does',
    "  BuildKit's `# check=skip=…;error=true`.",
    '- **Codes.** Every rule lists its hadolint and BuildKit codes as aliases, usable wherever a',
    '  rule id is: in `rules:`, `--rule DL3008=off` and in directives.',
    '- **ShellCheck.** `--shellcheck` (or `shellcheck: true` in the config) runs the `shellcheck`',
    '  binary on every shell-form RUN and heredoc script; findings are rules `shellcheck/SC2086`',
    '  and so on, at the exact line and column inside the RUN.',
    '',
    '## hadolint rules',
    '',
    `${done} of ${HADOLINT_CODES.length} hadolint codes have a compose-lint rule. "partial" means the rule covers the same`,
    'concept with different edges (usually fewer false positives); see its page.',
    '',
    '| hadolint | what | compose-lint |',
    '| --- | --- | --- |',
    ...hadolintRows,
    '| SC*nnnn* | ShellCheck findings | `shellcheck/SCnnnn` with `--shellcheck` |',
    '',
    `Retired upstream (no rule needed): ${RETIRED.join(', ')}.`,
    '',
    '## Docker build checks',
    '',
    `${bkDone} of ${BUILDKIT_CHECKS.length} checks of \`docker build --check\` have a compose-lint rule.`,
    '',
    '| BuildKit check | compose-lint |',
    '| --- | --- |',
    ...BUILDKIT_CHECKS.map((c) => `| ${c} | ${carriers(metas, 'buildkit', c) || NOT_STATIC[c] || 'not yet'} |`),
    '',
  );
  return out.join('\n');
}
