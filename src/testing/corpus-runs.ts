/**
 * Every shell-form RUN of a corpus of Dockerfiles, as the shell lexer receives it: shared by the
 * mvdan-sh oracle test and the lexer benchmark so both judge the same inputs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDockerfile } from '../parse/dockerfile/parse.js';

export interface CorpusRun {
  /** Path relative to the corpus folder. */
  file: string;
  /** The RUN's text after its keyword and flags (heredoc bodies included). */
  src: string;
  /** File offset of `src[0]`. */
  offset: number;
  escape: '\\' | '`';
}

function dockerfiles(dir: string, out: string[]): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) dockerfiles(p, out);
    else if (/^(.*\.)?(docker|container)file(\.[\w-]+)?$/i.test(e.name) && !/\.(md|json|ya?ml|txt|go|sh)$/i.test(e.name)) out.push(p);
  }
  return out;
}

export function corpusRuns(corpusDir: string): CorpusRun[] {
  const runs: CorpusRun[] = [];
  for (const path of dockerfiles(corpusDir, [])) {
    const text = readFileSync(path, 'utf8');
    const df = parseDockerfile(path, text);
    for (const ins of df.instructions) {
      if (ins.keyword !== 'RUN' || ins.jsonForm) continue;
      // With heredocs, take their bodies too: the lexer must skip them as a shell does.
      const start = ins.argsRange.start;
      const end = ins.heredocs.length > 0 ? ins.range.end : ins.argsRange.end;
      if (end <= start) continue;
      runs.push({ file: relative(corpusDir, path), src: text.slice(start, end), offset: start, escape: df.escapeChar });
    }
  }
  return runs;
}

/** What the Dockerfile hands to the shell (for mvdan-sh): continuations removed, comment lines dropped. */
export function dockerJoin(text: string, escape: string): string {
  let out = '';
  let continuing = false;
  for (const line of text.split('\n')) {
    if (continuing && /^[ \t\r]*(#.*)?$/.test(line)) continue;
    const trimmed = line.replace(/[ \t\r]+$/, '');
    if (trimmed.endsWith(escape)) {
      out += trimmed.slice(0, -1);
      continuing = true;
    } else {
      out += line + '\n';
      continuing = false;
    }
  }
  return out;
}
