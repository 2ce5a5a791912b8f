import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseCompose } from '../../src/parse/compose/parse.js';
import type { YNode } from '../../src/parse/compose/model.js';
import type { Ranged } from '../../src/parse/source.js';
import { corpusDir } from '../helpers.js';

const COMPOSE_NAME = /^(docker-)?compose.*\.ya?ml$/i;

function composeFiles(dir: string, out: string[] = []): string[] {
  for (const ent of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, ent.name);
    if (ent.isDirectory()) composeFiles(p, out);
    else if (ent.isFile() && COMPOSE_NAME.test(ent.name)) out.push(p);
  }
  return out;
}

test('every compose file in the corpus parses without throwing, ranges inside the text', { skip: !existsSync(corpusDir) }, () => {
  const files = composeFiles(corpusDir);
  assert.ok(files.length > 1000, `found ${files.length}`);
  let checked = 0;
  for (const path of files) {
    const text = readFileSync(path, 'utf8');
    const f = parseCompose(path, text, { variables: new Map() });
    const inside = (r: Ranged, what: string): void => {
      checked++;
      if (!(r.start >= 0 && r.start <= r.end && r.end <= text.length && r.path === path)) {
        assert.fail(`${path}: ${what} range ${r.start}-${r.end} outside 0-${text.length}`);
      }
    };
    const walk = (n: YNode): void => {
      inside(n.range, n.path.join('.'));
      if (n.kind === 'map') for (const e of n.entries) (inside(e.keyRange, e.key), walk(e.value));
      else if (n.kind === 'seq') n.items.forEach(walk);
      else for (const v of n.vars) inside(v.range, '$' + v.name);
    };
    if (f.root) walk(f.root);
    for (const e of f.yamlErrors) inside(e.range, e.code);
    assert.ok(!f.yamlErrors.some((e) => e.code === 'ALIAS_EXPANSION_LIMIT'), path);
    for (const d of f.duplicateKeys) (inside(d.range, d.key), inside(d.first, d.key));
    for (const s of f.services) {
      inside(s.nameRange, s.name);
      if (s.image?.ref.tagRange) inside(s.image.ref.tagRange, 'tag');
    }
  }
  assert.ok(checked > 10000);
});
