/**
 * The reporter `--format` names, imported on demand: a run loads one reporter, not nine (the
 * `pretty` one alone pulls in eslint-formatter-pretty and its 170 kB rule-docs table).
 * src/report/index.ts keeps the eager table for library users and tests.
 */
import type { Reporter } from '../engine/types.js';
import type { ReporterName } from './index.js';

/**
 * `import()` of a file outside the bundle. Code that V8 restored from the bundle's code cache
 * loses the hook `import()` needs (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING), so bin/load-bundle.cjs
 * lends its own `import` under this symbol; the module tree uses its own.
 */
function importUrl(url: string): Promise<unknown> {
  const lent = (globalThis as Record<symbol, unknown>)[Symbol.for('compose-lint.import')];
  return typeof lent === 'function' ? (lent as (u: string) => Promise<unknown>)(url) : import(url);
}

const LOADERS: Record<ReporterName, () => Promise<Reporter>> = {
  text: async () => (await import('./text.js')).text,
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  github: async () => (await import('./github.js')).github,
  checkstyle: async () => (await import('./checkstyle.js')).checkstyle,
  junit: async () => (await import('./junit.js')).junit,
  gitlab: async () => (await import('./gitlab.js')).gitlab,
  compact: async () => (await import('./compact.js')).compact,
  // By URL, so bundlers leave it out: it awaits at top level (its chalk instance), which a
  // CommonJS bundle cannot hold. It is then loaded from the module tree.
  pretty: async () => ((await importUrl(new URL('./pretty.js', import.meta.url).href)) as typeof import('./pretty.js')).pretty,
};

export async function loadReporter(name: string): Promise<Reporter | undefined> {
  return Object.hasOwn(LOADERS, name) ? LOADERS[name as ReporterName]() : undefined;
}
