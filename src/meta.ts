/** Facts about compose-lint itself, read by the CLI and the reporters. */
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export const VERSION: string = pkg.version;
export const HOMEPAGE = 'https://github.com/compose-lint/compose-lint';

/** Where a rule's documentation page lives (its docs.md, beside the rule). */
export function ruleDocsUrl(kind: string, id: string): string {
  return `${HOMEPAGE}/blob/main/rules/${kind}/${id}/docs.md`;
}
