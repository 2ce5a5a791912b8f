/**
 * The JSON schema of `.compose-lint.yaml`, generated from rule metadata so that every rule id and
 * alias is a known key and each rule's options are checked against its own schema. The build
 * writes it to dist/generated/config-schema.json (for editors) and compiles it ahead of time.
 */
import { createRequire } from 'node:module';
import type { RuleMeta } from '../engine/types.js';

export const PRESETS = ['recommended', 'all'] as const;
export type Preset = (typeof PRESETS)[number];
export const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];
export const RULE_LEVELS = ['off', 'info', 'warning', 'error'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

export const CONFIG_FILE_NAMES = ['.compose-lint.yaml', '.compose-lint.yml', '.compose-lint.json'];

type Schema = Record<string, unknown>;

/** Option schemas reject unknown keys unless the rule says otherwise. */
function closedOptions(schema: Schema | undefined): Schema {
  if (!schema) return { type: 'object', properties: {}, additionalProperties: false };
  if (schema.type === 'object' && !('additionalProperties' in schema)) {
    return { ...schema, additionalProperties: false };
  }
  return schema;
}

/**
 * `off | info | warning | error`, or `[level]`, or `[level, options]`. Written with if/else rather
 * than anyOf so that a wrong value yields the errors of the one branch the user meant.
 */
function ruleEntry(options: Schema | undefined, description: string): Schema {
  return {
    description,
    if: { type: 'string' },
    then: { $ref: '#/definitions/level' },
    else: {
      type: 'array',
      minItems: 1,
      items: [{ $ref: '#/definitions/level' }, closedOptions(options)],
      additionalItems: false,
    },
  };
}

export function buildConfigSchema(metas: readonly RuleMeta<any>[]): Schema {
  const definitions: Record<string, Schema> = {
    level: { type: 'string', enum: [...RULE_LEVELS] },
    preset: { type: 'string', enum: [...PRESETS] },
  };
  const ruleProps: Record<string, Schema> = {};
  const aliasTargets = new Map<string, string[]>();
  for (const meta of [...metas].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    definitions[`rule:${meta.id}`] = ruleEntry(meta.options?.schema, meta.summary);
    ruleProps[meta.id] = { $ref: `#/definitions/rule:${meta.id}` };
    for (const alias of meta.aliases) {
      const ids = aliasTargets.get(alias.code) ?? [];
      ids.push(meta.id);
      aliasTargets.set(alias.code, ids);
    }
  }
  for (const [code, ids] of [...aliasTargets].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (code in ruleProps) continue;
    // An alias naming several rules cannot carry one options object meant for all of them.
    ruleProps[code] =
      ids.length === 1
        ? { $ref: `#/definitions/rule:${ids[0]}` }
        : ruleEntry({ type: 'object', properties: {}, additionalProperties: false }, `alias of ${ids.join(', ')}`);
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://compose-lint.dev/schema/config.json',
    title: 'compose-lint configuration',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      extends: {
        description: 'Preset(s) the rules start from (default: recommended).',
        if: { type: 'string' },
        then: { $ref: '#/definitions/preset' },
        else: { type: 'array', items: { $ref: '#/definitions/preset' } },
      },
      rules: {
        description: 'Rule ids or upstream codes (hadolint, BuildKit, dclint) and their level.',
        type: 'object',
        properties: ruleProps,
        patternProperties: {
          '^shellcheck/SC[0-9]{4}$': ruleEntry(undefined, 'a ShellCheck code (with `shellcheck: true`)'),
          // Known only once the plugin loads; compose-lint checks these keys at run time.
          '^(?!shellcheck/)(@[^/]+/)?[^/@]+/[a-z0-9-]+$': ruleEntry({ type: 'object', additionalProperties: true }, 'a rule of a plugin (`<plugin>/<rule-id>`)'),
        },
        additionalProperties: false,
      },
      ignore: {
        description: 'Globs, relative to the config file, of files never linted.',
        type: 'array',
        items: { type: 'string' },
      },
      settings: {
        description: 'Facts shared by several rules.',
        type: 'object',
        properties: {
          trustedRegistries: { type: 'array', items: { type: 'string' } },
          labelSchema: {
            description: 'Labels the image must carry, with the type of their value (hadolint label-schema).',
            type: 'object',
            additionalProperties: { type: 'string', enum: ['', 'text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'] },
          },
          strictLabels: { description: 'Only the labels of labelSchema are allowed.', type: 'boolean' },
          requireReason: { type: 'boolean' },
          maxFileSize: {
            description: 'Files larger than this many bytes are skipped with a `file-too-large` finding (default 10485760, 10 MB).',
            type: 'integer',
            minimum: 0,
          },
        },
      },
      plugins: {
        description: 'npm packages (resolved from this file\'s folder) or local paths whose rules are added; their ids are `<plugin>/<rule-id>`.',
        type: 'array',
        items: { type: 'string', minLength: 1 },
      },
      shellcheck: {
        description: 'Run ShellCheck on RUN scripts; findings are rules shellcheck/SCnnnn.',
        type: 'boolean',
      },
      failOn: {
        description: 'Lowest severity that makes the run fail (default: error).',
        type: 'string',
        enum: [...FAIL_ON],
      },
    },
    definitions,
  };
}

/** Identifies a schema so a validator compiled at build time is only used for the same rules. */
export function schemaHash(schema: Schema): string {
  // node:crypto is required here, not imported: only a run that validates a config file pays for it.
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(JSON.stringify(schema)).digest('hex').slice(0, 16);
}
