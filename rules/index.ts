/**
 * The explicit rule registry, sorted by id. catalog.test.ts fails when a rule folder is missing
 * here or an entry has no folder.
 */
import type { Rule } from '../src/engine/types.js';

export const rules: readonly Rule[] = [];
