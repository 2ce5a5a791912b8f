/**
 * Checks a plugin rule's options against its schema. Our own rules' options are checked by the
 * config schema compiled at build time; plugin rules are known only at run time, so ajv compiles
 * their schemas here, on first use, and only runs that name plugins ever load it.
 */
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { RuleMeta } from '../engine/types.js';
import { AJV_OPTIONS } from '../config/validator.js';

const require = createRequire(import.meta.url);
let ajv: import('ajv').Ajv | undefined;
const compiled = new WeakMap<object, ValidateFunction | Error>();

function compilerOf(): import('ajv').Ajv {
  if (!ajv) {
    const { Ajv } = require('ajv') as typeof import('ajv');
    ajv = new Ajv(AJV_OPTIONS);
  }
  return ajv;
}

/** Like our own rules: an options object rejects unknown keys unless its schema says otherwise. */
function closed(schema: Record<string, unknown>): Record<string, unknown> {
  return schema.type === 'object' && !('additionalProperties' in schema) ? { ...schema, additionalProperties: false } : schema;
}

function describe(e: ErrorObject): string {
  const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : 'options';
  if (e.keyword === 'additionalProperties') return `unknown option "${String(e.params.additionalProperty)}"`;
  if (e.keyword === 'enum') return `${where} must be one of ${(e.params.allowedValues as unknown[]).map(String).join(', ')}`;
  return `${where} ${e.message ?? 'is invalid'}`;
}

/** Problems with `options` for the rule (empty when they are valid). */
export function checkPluginOptions(meta: RuleMeta<any>, options: unknown): string[] {
  const spec = meta.options;
  if (!spec) return ['the rule takes no options'];
  let validate = compiled.get(spec);
  if (!validate) {
    try {
      validate = compilerOf().compile(closed(spec.schema));
    } catch (e) {
      validate = e as Error;
    }
    compiled.set(spec, validate);
  }
  if (validate instanceof Error) return [`the plugin's options schema is invalid: ${validate.message}`];
  return validate(options) ? [] : (validate.errors ?? []).map(describe);
}
