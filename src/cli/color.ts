/**
 * Whether to colour the report, as users expect across tools: the flag wins, then FORCE_COLOR
 * (which, as in Node, overrides NO_COLOR; "0" or "false" turns colour off), then NO_COLOR (any
 * non-empty value), then whether stdout is a terminal and the report goes there.
 */
export function useColor(
  flag: boolean | undefined,
  env: Record<string, string | undefined>,
  isTTY: boolean,
  toFile: boolean,
): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !(force === '0' || force.toLowerCase() === 'false');
  if (env.NO_COLOR) return false;
  return isTTY && !toFile;
}
