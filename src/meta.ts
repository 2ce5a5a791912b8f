/** Facts about compose-lint itself, read by the CLI and the reporters. */
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export const VERSION: string = pkg.version;
export const HOMEPAGE = 'https://github.com/compose-lint/compose-lint';

/**
 * Where a rule's documentation page lives: the generated docs/rules/<id>.md (header from the
 * metadata, prose from the rule's docs.md). `kind` is unused and kept for existing callers.
 */
export function ruleDocsUrl(_kind: string, id: string): string {
  return `${HOMEPAGE}/blob/main/docs/rules/${encodeURIComponent(id).replace(/%2F/g, '/')}.md`;
}
