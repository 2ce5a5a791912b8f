/** Paths shared by tests: they run from dist/test/…, fixtures live in the source tree. */
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** Repository root (tests are compiled to dist/test, so the root is two levels up from dist). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sharedDir = join(repoRoot, '..', 'shared');
export const corpusDir = join(sharedDir, 'corpus');
export const fixturesDir = join(repoRoot, 'test', 'fixtures');
