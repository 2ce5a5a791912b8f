/**
 * Build step (run by scripts/build.mjs after tsc): writes the config JSON schema generated from
 * rule metadata, for editors, and an ahead-of-time compiled validator so start-up compiles
 * nothing. Output: dist/generated/config-schema.json and dist/generated/config-validator.cjs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { rules } from '../rules/index.js';
import { buildConfigSchema } from '../src/config/schema.js';
import { standaloneValidatorSource } from '../src/config/validator.js';

// Compiled to dist/scripts/, so dist/ is one level up.
const dist = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(dist, 'generated');
mkdirSync(out, { recursive: true });
const schema = buildConfigSchema(rules.map((r) => r.meta));
writeFileSync(join(out, 'config-schema.json'), JSON.stringify(schema, null, 2) + '\n');
writeFileSync(join(out, 'config-validator.cjs'), standaloneValidatorSource(schema));
console.error(`config schema: ${rules.length} rules → ${join('dist', 'generated')}`);
