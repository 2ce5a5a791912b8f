/**
 * Instructions of which only the last one in a stage takes effect (CMD, ENTRYPOINT,
 * HEALTHCHECK): the earlier ones are dead and can be deleted with their whole lines.
 */
import type { Dockerfile, Instruction, Stage } from '../parse/dockerfile/model.js';
import type { Edit } from '../engine/types.js';

/** Every instruction with `keyword` in the stage except the last, paired with that last one. */
export function overridden(stage: Stage, keyword: string): { dead: Instruction[]; last: Instruction } | undefined {
  const all = stage.instructions.filter((i) => i.keyword === keyword);
  if (all.length < 2) return undefined;
  return { dead: all.slice(0, -1), last: all[all.length - 1]! };
}

/** Deletes an instruction with the lines it occupies (continuations included), when nothing else shares them. */
export function deleteInstruction(file: Dockerfile, ins: Instruction): Edit | undefined {
  const text = file.source.text;
  const lineStart = text.lastIndexOf('\n', ins.range.start - 1) + 1;
  if (text.slice(lineStart, ins.range.start).trim() !== '') return undefined;
  let end = text.indexOf('\n', ins.range.end);
  end = end < 0 ? text.length : end + 1;
  if (text.slice(ins.range.end, end).trim() !== '') return undefined;
  return { path: ins.range.path, start: lineStart, end, text: '' };
}
