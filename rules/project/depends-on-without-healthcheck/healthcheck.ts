/** Whether a dependency has a healthcheck: in compose, or in the Dockerfile stage it builds. */
import type { ComposeService, YNode } from '../../../src/parse/compose/model.js';
import type { Dockerfile, Stage } from '../../../src/parse/dockerfile/model.js';

function isNone(test: YNode | undefined): boolean {
  if (!test) return false;
  if (test.kind === 'scalar') return String(test.value ?? '').trim().toUpperCase() === 'NONE';
  if (test.kind === 'seq') {
    const first = test.items[0];
    return first?.kind === 'scalar' && String(first.value ?? '').toUpperCase() === 'NONE';
  }
  return false;
}

/**
 * `declared`: compose defines a check; `disabled`: compose turns it off; `absent`: compose says
 * nothing, so the image decides.
 */
export function composeHealthcheck(service: ComposeService): 'declared' | 'disabled' | 'absent' {
  const hc = service.healthcheck;
  if (!hc) return 'absent';
  const disable = hc.get('disable');
  if (disable?.kind === 'scalar' && (disable.value === true || disable.value === 'true')) return 'disabled';
  const test = hc.get('test');
  if (isNone(test)) return 'disabled';
  // Without `test`, the interval/timeout settings tune the image's own check.
  return test ? 'declared' : 'absent';
}

/** The stage a build produces: `build.target`, or the last one. */
function targetStage(df: Dockerfile, target: string | undefined): Stage | undefined {
  if (target !== undefined) return df.stages.find((s) => s.name === target.toLowerCase());
  return df.stages[df.stages.length - 1];
}

/** The HEALTHCHECK in force in the built stage (inherited through `FROM <earlier stage>`). */
export function dockerfileHasHealthcheck(df: Dockerfile, target: string | undefined): boolean {
  let stage = targetStage(df, target);
  const visited = new Set<number>();
  while (stage && !visited.has(stage.index)) {
    visited.add(stage.index);
    const checks = stage.instructions.filter((i) => i.keyword === 'HEALTHCHECK');
    const last = checks[checks.length - 1];
    if (last) return last.args[0]?.value.toUpperCase() !== 'NONE';
    const base = stage.from.stageRef;
    stage = base === undefined ? undefined : df.stages[base];
  }
  return false;
}
