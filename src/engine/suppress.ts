/**
 * Inline suppressions, applied in the file a finding points into: our own comments and the
 * pragmas of hadolint, BuildKit and dclint (through the alias table). Also reports what the
 * comments themselves get wrong, for the `unused-suppression` and `invalid-suppression` rules.
 */
import type { SourceFile } from '../parse/source.js';
import type { Dockerfile } from '../parse/dockerfile/model.js';
import { applyDirectives, parseDirectives, type Directive, type DirectiveProblem, type ResolveCode } from './directives.js';
import { raiseCheckErrors } from './severity.js';
import { rules } from './registry.js';
import type { Finding } from './types.js';

const TOOLS = ['hadolint', 'buildkit', 'dclint'] as const;
/** Rule ids carrying an alias of each tool: a foreign "everything" (`# check=skip=all`) covers only these. */
const toolRuleIds = Object.fromEntries(
  TOOLS.map((tool) => [tool, new Set(rules.filter((r) => r.meta.aliases.some((a) => a.tool === tool)).map((r) => r.meta.id))]),
) as unknown as Record<(typeof TOOLS)[number], ReadonlySet<string>>;

export interface SuppressionOutcome {
  findings: Finding[];
  /** Our own directives that silenced nothing. */
  unused: Directive[];
  /** Malformed directives, and unknown codes in our own directives. */
  problems: DirectiveProblem[];
}

export function applySuppressions(
  findings: Finding[],
  source: SourceFile,
  kind: 'dockerfile' | 'compose',
  resolveId: ResolveCode,
  enabledRuleIds: ReadonlySet<string>,
  dockerfile?: Dockerfile,
): SuppressionOutcome {
  const directives = parseDirectives(source.text, kind, resolveId, {
    path: source.path,
    toolRuleIds,
    ...(dockerfile ? { instructions: dockerfile.instructions, escapeChar: dockerfile.escapeChar } : {}),
  });
  // Nearly every file has no directive at all: nothing to mark, raise or report.
  if (!directives.list.length && !directives.problems.length && !directives.check) return { findings, unused: [], problems: [] };
  const applied = applyDirectives(findings, directives, { enabledRuleIds });
  return {
    // `# check=…;error=true` makes build-check findings errors, as BuildKit then fails the build.
    findings: raiseCheckErrors(applied.findings, directives, toolRuleIds.buildkit),
    unused: applied.unused.filter((d) => d.tool === 'compose-lint' && d.scope !== 'enable'),
    // Codes of other tools that we do not implement (ShellCheck's SC…, hadolint rules still to
    // come) are that tool's business, not a mistake in the comment.
    problems: directives.problems.filter((p) => p.kind === 'malformed' || p.tool === 'compose-lint'),
  };
}
