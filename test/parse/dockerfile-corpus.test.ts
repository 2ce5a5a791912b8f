import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { corpusDir } from '../helpers.js';
import { parseDockerfile } from '../../src/parse/dockerfile/parse.js';
import { SourceFile } from '../../src/parse/source.js';

const DOCKERFILE_NAME = /^(Dockerfile(\..+)?|.+\.[Dd]ockerfile|Containerfile.*)$/;

function dockerfiles(): string[] {
  return readdirSync(corpusDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && DOCKERFILE_NAME.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Every `{path, start, end}` object reachable from the model (SourceFile excluded). */
function collectRanges(root: unknown): { path: string; start: number; end: number; at: string }[] {
  const out: { path: string; start: number; end: number; at: string }[] = [];
  const seen = new Set<unknown>();
  const visit = (v: unknown, at: string): void => {
    if (v === null || typeof v !== 'object' || seen.has(v) || v instanceof SourceFile) return;
    seen.add(v);
    if (v instanceof Map) {
      for (const [k, x] of v) visit(x, `${at}[${String(k)}]`);
      return;
    }
    const o = v as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number' && typeof o.path === 'string') {
      out.push({ path: o.path, start: o.start, end: o.end, at });
    }
    for (const [k, x] of Object.entries(o)) visit(x, `${at}.${k}`);
  };
  visit(root, '$');
  return out;
}

test('every corpus Dockerfile parses, and every range lies inside its text', () => {
  const files = dockerfiles();
  assert.ok(files.length > 1000, `expected the corpus Dockerfiles, found ${files.length}`);
  let ranges = 0;
  let instructions = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const df = parseDockerfile(file, text);
    assert.equal(df.path, file);
    const internal = df.problems.find((p) => p.message.startsWith('internal error'));
    assert.equal(internal, undefined, `${file}: ${internal?.message}`);
    instructions += df.instructions.length;
    for (const r of collectRanges(df)) {
      ranges++;
      if (r.path !== file || r.start < 0 || r.start > r.end || r.end > text.length) {
        assert.fail(`${basename(file)} ${file}: bad range ${r.at} = [${r.start}, ${r.end}) in a text of ${text.length}`);
      }
    }
    for (const ins of df.instructions) {
      // The keyword range must hold the keyword as written (unless a continuation splits it).
      const written = text.slice(ins.keywordRange.start, ins.keywordRange.end);
      if (!/[\r\n]/.test(written)) assert.equal(written, ins.keywordRaw, `${file}: ${ins.keywordRaw}`);
    }
  }
  assert.ok(instructions > 10000 && ranges > instructions);
});
