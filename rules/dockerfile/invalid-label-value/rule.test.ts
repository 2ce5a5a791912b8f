/** The value checks behind invalid-label-value, one table per schema type. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labelValueOk, type LabelType } from '../../../src/analysis/labels.js';

const cases: [LabelType, string, boolean][] = [
  ['url', 'https://github.com/example/app', true],
  ['url', 'git+ssh://git@example.com/x.git', true],
  ['url', 'github.com/example/app', false],
  ['url', 'https://exa mple.com', false],
  ['semver', '1.2.3', true],
  ['semver', 'v2.0.0-rc.1+build.5', true],
  ['semver', '1.2', false],
  ['semver', '01.2.3', false],
  ['hash', 'abcdef1', true],
  ['hash', '0123456789abcdef0123456789abcdef01234567', true],
  ['hash', 'ABCDEF1', false],
  ['hash', 'abc', false],
  ['rfc3339', '2024-05-01T12:00:00Z', true],
  ['rfc3339', '2024-05-01T12:00:00.123+02:00', true],
  ['rfc3339', '2024-05-01', false],
  ['rfc3339', '2024-02-30T12:00:00Z', false],
  ['spdx', 'MIT', true],
  ['spdx', '(MIT OR Apache-2.0) AND BSD-3-Clause', true],
  ['spdx', 'GPL-2.0-or-later WITH Classpath-exception-2.0', true],
  ['spdx', 'LicenseRef-Proprietary', true],
  ['spdx', 'Apache 2.0', false],
  ['spdx', 'GPLv3', false],
  ['spdx', 'MIT OR', false],
  ['email', 'team@example.com', true],
  ['email', 'Alice <alice@example.com>', false],
  ['email', 'alice@localhost', false],
  ['text', '', true],
];

for (const [type, value, ok] of cases) {
  test(`${type} ${JSON.stringify(value)} is ${ok ? 'accepted' : 'rejected'}`, () => {
    assert.equal(labelValueOk(type, value), ok);
  });
}
