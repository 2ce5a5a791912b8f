/**
 * `--print-config <file>`: the config that applies to a file after presets, the config file and
 * the flags are merged, as JSON (the shape the config file takes, fully expanded).
 */
import type { ConfigSet } from '../config/config-set.js';
import { formatConfigProblem } from '../config/problem.js';

export function printConfigCommand(set: ConfigSet, file: string, io: { stdout: { write(s: string): unknown }; stderr: { write(s: string): unknown } }): number {
  const { config, problems } = set.forFile(file);
  for (const p of problems) io.stderr.write(`compose-lint: ${formatConfigProblem(p)}\n`);
  if (set.hasErrors) return 2;
  const rules: Record<string, unknown> = {};
  for (const id of [...config.rules.keys()].sort()) {
    const r = config.rules.get(id)!;
    rules[id] = Object.keys(r.options ?? {}).length ? [r.severity, r.options] : r.severity;
  }
  const out = {
    file,
    configFile: config.configPath ?? null,
    failOn: config.failOn,
    ignore: config.ignore,
    settings: config.settings,
    rules,
  };
  io.stdout.write(JSON.stringify(out, null, 2) + '\n');
  return 0;
}
