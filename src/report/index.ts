/** The reporters `--format` can name. */
import type { Reporter } from '../engine/types.js';
import { checkstyle } from './checkstyle.js';
import { compact } from './compact.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { pretty } from './pretty.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { text } from './text.js';

export type ReporterName = 'text' | 'json' | 'sarif' | 'github' | 'checkstyle' | 'junit' | 'gitlab' | 'compact' | 'pretty';

export const reporters: Record<ReporterName, Reporter> = { text, json, sarif, github, checkstyle, junit, gitlab, compact, pretty };

export function getReporter(name: string): Reporter | undefined {
  return Object.hasOwn(reporters, name) ? reporters[name as ReporterName] : undefined;
}
