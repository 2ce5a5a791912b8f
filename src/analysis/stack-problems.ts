/** Rules that report what the stack resolver (src/project/compose-project.ts) could not resolve. */
import type { Project, StackProblem } from '../project/model.js';
import { stacksOf } from '../project/compose-project.js';

/** Every problem of one kind across the project's stacks, each once. */
export function problemsOf(project: Project, kind: StackProblem['kind']): StackProblem[] {
  const seen = new Set<string>();
  const out: StackProblem[] = [];
  for (const stack of stacksOf(project)) {
    for (const p of stack.problems) {
      // A cycle seen from two stacks (an included file is also linted alone) is one problem.
      const key = p.data['members'] ?? `${p.at.path}\0${p.at.start}\0${p.at.end}`;
      if (p.kind !== kind || seen.has(key)) continue;
      seen.add(key);
      out.push(p);
    }
  }
  return out;
}
