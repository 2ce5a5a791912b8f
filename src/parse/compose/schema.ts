/**
 * Validation of a compose file against the official Compose Specification schema. The validator
 * is compiled ahead of time (scripts/gen-compose-validator.ts); this module only runs it and turns
 * its errors into messages a person can act on (schema-messages.ts).
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ErrorObject } from 'ajv';
import type { Ranged } from '../source.js';
import { explain } from './schema-messages.js';

/** Where the key or the value at an instance path is written; undefined when it is not in the file. */
export type Locate = (path: (string | number)[], part: 'key' | 'value') => Ranged | undefined;

export interface SchemaProblem {
  /** One sentence, no trailing period, code in backticks. */
  message: string;
  /** Instance path of the offending value (for an unknown key: the key's own path). */
  path: (string | number)[];
  range: Ranged;
  /** The JSON Schema keyword that failed: `type`, `additionalProperties`, `required`, `enum`, … */
  keyword: string;
}

interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** dist/src/parse/compose/ → dist/generated/ */
const validatorUrl = new URL('../../../generated/compose-validator.cjs', import.meta.url);
const require = createRequire(import.meta.url);

// Loaded on first use, synchronously (the generated file is CommonJS): a run that lints no compose
// file never reads its 270 kB. A missing file must not break commands that never look at compose
// files, so the failure is reported only then.
let validator: GeneratedValidator | undefined;
function loadValidator(): GeneratedValidator {
  if (validator) return validator;
  try {
    validator = require(fileURLToPath(validatorUrl)) as GeneratedValidator;
  } catch (err) {
    throw new Error(
      `the compose schema validator is missing (${validatorUrl.pathname}): run \`npm run build\` to generate it`,
      { cause: err },
    );
  }
  return validator;
}

/**
 * Validates an interpolated compose value (what compose-go validates) and returns every problem,
 * one per place, with the range `locate` gives for it. Extension (`x-…`) content is never reported.
 */
export function validateComposeSchema(value: unknown, locate: Locate): SchemaProblem[] {
  const validate = loadValidator();
  if (validate(value)) return [];
  return explain(validate.errors ?? [], value, locate);
}
