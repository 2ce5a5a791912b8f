/** Runs every rule's fixtures (see src/testing/fixture-harness.ts for the conventions). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join, relative } from 'node:path';
import { rules } from '../rules/index.js';
import {
  expectedMarkers,
  fixFixture,
  lintFixture,
  listFixtures,
  matchSnapshot,
  renderFixed,
  renderSnapshot,
  reportedMarkers,
} from '../src/testing/fixture-harness.js';
import { repoRoot } from './helpers.js';

for (const rule of rules) {
  const dir = join(repoRoot, 'rules', rule.meta.kind, rule.meta.id);
  describe(`rule ${rule.meta.id}`, () => {
    for (const fixture of listFixtures(dir)) {
      it(`${fixture.valid ? 'stays silent on' : 'reports'} ${fixture.name}`, async () => {
        const { results, errors } = await lintFixture(rule, fixture);
        assert.deepEqual(errors, [], 'lint errors');
        const base = join(fixture.path, '..');
        const reported = reportedMarkers(results, base);
        if (fixture.valid) {
          assert.deepEqual(reported, [], 'a valid fixture must stay silent');
          return;
        }
        assert.notDeepEqual(reported, [], 'an invalid fixture must report something');
        assert.deepEqual(reported, expectedMarkers(results, base), 'reported lines must equal the # expect: markers');
        const fixed = await fixFixture(rule, fixture);
        const actual = renderSnapshot(results, base) + renderFixed(fixed.run, base);
        const snap = matchSnapshot(`${fixture.path}.snap`, actual);
        if (!snap.ok) {
          assert.equal(actual, snap.expected, `snapshot ${relative(repoRoot, fixture.path)}.snap`);
        }
        assert.deepEqual(fixed.problems, [], 'fixes must converge and be idempotent');
      });
    }
  });
}
