/** The reporters `--format` can name. */
import type { Reporter } from '../engine/types.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { text } from './text.js';

export type ReporterName = 'text' | 'json' | 'sarif';

export const reporters: Record<ReporterName, Reporter> = { text, json, sarif };

export function getReporter(name: string): Reporter | undefined {
  return Object.hasOwn(reporters, name) ? reporters[name as ReporterName] : undefined;
}
