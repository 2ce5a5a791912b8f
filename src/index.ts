/**
 * The public API of the `compose-lint` package, for plugin authors: `defineRule` and the types a
 * rule sees (its context, the models it visits) and produces (reports, fixes, findings).
 * Everything else in this package is internal and may change without notice.
 */
export { defineRule } from './engine/types.js';
export type {
  Alias,
  Category,
  Edit,
  FileResult,
  Finding,
  Fix,
  Location,
  Position,
  Ranged,
  RelatedLocation,
  Report,
  Rule,
  RuleContext,
  RuleKind,
  RuleMeta,
  RuleOptionsSpec,
  Settings,
  Severity,
  Visitors,
} from './engine/types.js';
export type { SourceFile } from './parse/source.js';
export type * from './parse/dockerfile/model.js';
export type * from './parse/compose/model.js';
export type * from './project/model.js';
