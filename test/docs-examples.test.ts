/**
 * Docs examples are executable: in every rule's docs.md, a ```dockerfile incorrect or ```yaml
 * incorrect block must make the rule fire, and a `correct` block must leave it silent. A block
 * whose info string also says `no-run` is prose only (it needs files the snippet cannot show).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../rules/index.js';
import { lint } from '../src/engine/lint.js';
import { memoryFileSystem } from '../src/project/fs.js';
import { singleRuleConfig } from '../src/testing/fixture-harness.js';
import { repoRoot } from './helpers.js';

interface Example {
  lang: 'dockerfile' | 'yaml';
  expect: 'incorrect' | 'correct';
  code: string;
  line: number;
}

function examplesOf(markdown: string): Example[] {
  const out: Example[] = [];
  const re = /^```(dockerfile|yaml)[ \t]+(incorrect|correct)([^\n]*)\n([\s\S]*?)^```/gm;
  for (let m = re.exec(markdown); m; m = re.exec(markdown)) {
    if (/\bno-run\b/.test(m[3]!)) continue;
    out.push({
      lang: m[1] as Example['lang'],
      expect: m[2] as Example['expect'],
      code: m[4]!,
      line: markdown.slice(0, m.index).split('\n').length,
    });
  }
  return out;
}

for (const rule of rules) {
  const docs = readFileSync(join(repoRoot, 'rules', rule.meta.kind, rule.meta.id, 'docs.md'), 'utf8');
  const examples = examplesOf(docs);
  describe(`docs of ${rule.meta.id}`, () => {
    it('has at least one runnable example', () => assert.ok(examples.length > 0));
    for (const ex of examples) {
      it(`${ex.expect} ${ex.lang} example at docs.md:${ex.line}`, async () => {
        const path = ex.lang === 'dockerfile' ? '/example/Dockerfile' : '/example/compose.yaml';
        const out = await lint({
          cwd: '/example',
          paths: [path],
          fs: memoryFileSystem({ [path]: ex.code }),
          config: singleRuleConfig(rule),
          env: {},
        });
        assert.deepEqual([...out.errors, ...out.internalErrors], []);
        const ids = out.results.flatMap((r) => r.findings.filter((f) => !f.suppressed).map((f) => `${f.location.start.line}: ${f.message}`));
        if (ex.expect === 'incorrect') assert.ok(ids.length > 0, 'an incorrect example must make the rule fire');
        else assert.deepEqual(ids, [], 'a correct example must stay silent');
      });
    }
  });
}
