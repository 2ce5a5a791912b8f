/**
 * The walk that makes units as it goes (src/engine/walk-units.ts), against what a whole walk
 * says: the same targets, cut as partition() cuts them, in the order of their keys; and at every
 * step, `pending` answers exactly whether a unit still to come holds a path or reads below its
 * compose folder. Random trees with names chosen so that sorted order and folder order differ.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { dirname } from 'node:path';
import { discoverSync } from '../../src/cli/discover.js';
import { partition } from '../../src/engine/units.js';
import { UnitWalk, covers, type PlannedUnit } from '../../src/engine/walk-units.js';
import { PathHashes } from '../../src/engine/path-hashes.js';
import { memoryFileSystem } from '../../src/project/fs.js';

// `a-b` and `a.b` sort between `a` and `a/…`; `node_modules` is never entered.
const NAMES = ['a', 'a-b', 'a.b', 'B', 'node_modules'];
const FILES = ['Dockerfile', 'compose.yaml', 'Dockerfile.yml', '.env', 'x.dockerfile', 'notes.txt'];

const folders = fc.uniqueArray(
  fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/')),
  { maxLength: 10 },
);
const tree = folders.chain((dirs) =>
  fc
    .tuple(
      fc.tuple(...['', ...dirs].map(() => fc.subarray(FILES))),
      fc.subarray(dirs),
      fc.integer({ min: 1, max: 3 }),
    )
    .map(([files, known, packFiles]) => {
      const all = ['', ...dirs];
      const out: Record<string, string> = {};
      all.forEach((d, i) => {
        for (const f of files[i]!) out[`/r${d ? '/' + d : ''}/${f}`] = 'x\n';
      });
      return { files: out, known: known.map((d) => `/r/${d}/`), packFiles };
    }),
);

const drain = (walk: UnitWalk) => {
  const units: PlannedUnit[] = [];
  for (let u = walk.next(); u; u = walk.next()) units.push(u);
  return units;
};

test('units come as partition() cuts the targets of a whole walk, in the order of their keys', () => {
  fc.assert(
    fc.property(tree, ({ files, packFiles }) => {
      const fs = memoryFileSystem(files);
      const units = drain(new UnitWalk('/r', fs, () => false, new Set(), packFiles));
      const found = discoverSync(['/r'], { cwd: '/', fs, isIgnored: () => false }).files;
      assert.deepEqual(units.flatMap((u) => u.paths).sort(), found.map((f) => f.path).sort());
      for (let i = 1; i < units.length; i++) assert.ok(units[i - 1]!.key < units[i]!.key, `${units[i - 1]!.key} before ${units[i]!.key}`);
      // Compose units are partition's; lone Dockerfiles are packed by neighbours.
      const atoms = partition(found);
      for (const u of units) {
        assert.deepEqual(u.paths, [...u.paths].sort());
        if (u.dir !== undefined) assert.ok(atoms.some((a) => JSON.stringify(a) === JSON.stringify(u.paths)), u.dir);
        else {
          assert.ok(u.paths.length <= packFiles);
          for (const p of u.paths) assert.ok(atoms.some((a) => a.length === 1 && a[0] === p), p);
        }
      }
    }),
    { seed: 20261201, numRuns: 300 },
  );
});

test('pending says exactly whether a unit still to come holds a path or may read it', () => {
  fc.assert(
    fc.property(tree, ({ files, known, packFiles }) => {
      const fs = memoryFileSystem(files);
      const all = drain(new UnitWalk('/r', fs, () => false, new Set(), packFiles)).filter((u) => u.dir === undefined || !known.includes(u.dir));
      const folders = [...new Set(Object.keys(files).map((p) => dirname(p)))];
      const probes = [...Object.keys(files), ...folders.flatMap((d) => [`${d}/.env`, `${d}/nothere/Dockerfile`, `${d}/Dockerfile.extra`])];
      const walk = new UnitWalk('/r', fs, () => false, new Set(known), packFiles);
      for (let given = 0; ; given++) {
        const rest = all.slice(given);
        for (const p of probes) assert.equal(walk.pending(p), rest.some((u) => covers(u, p)), `${p} after ${given} units`);
        const u = walk.next();
        assert.deepEqual(u, all[given]);
        if (!u) break;
      }
    }),
    { seed: 20261202, numRuns: 300 },
  );
});

test('the walk names each folder it cannot enter once, in the order of a whole walk', () => {
  const files = { '/r/c/compose.yaml': 'x\n', '/r/c/z\uFFFD/Dockerfile': 'x\n', '/r/c/a/b\uFFFD/Dockerfile': 'x\n', '/r/a\uFFFD/Dockerfile': 'x\n' };
  const fs = memoryFileSystem(files);
  const walk = new UnitWalk('/r', fs, () => false);
  drain(walk);
  const whole = discoverSync(['/r'], { cwd: '/', fs, isIgnored: () => false });
  assert.equal(walk.errors().length, 3);
  assert.deepEqual(walk.errors(), whole.errors);
});

test('path hashes: what was added is found, what was not is not, through growth', () => {
  const set = new PathHashes();
  for (let i = 0; i < 20000; i++) set.add(`/tree/p${i}/compose.yaml`);
  set.add('/tree/p1/compose.yaml');
  assert.equal(set.size, 20000);
  for (let i = 0; i < 20000; i++) assert.ok(set.has(`/tree/p${i}/compose.yaml`));
  for (let i = 0; i < 20000; i++) assert.ok(!set.has(`/tree/p${i}/Dockerfile`));
  assert.ok(!set.has(''));
});
