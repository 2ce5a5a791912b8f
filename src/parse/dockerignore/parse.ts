/**
 * `.dockerignore` with Docker's semantics: one pattern per line, `#` comments, surrounding
 * whitespace ignored, patterns path-cleaned and made relative, `!` re-includes, Go
 * filepath.Match wildcards plus `**`; a pattern matching a parent directory excludes everything
 * below it, and the last matching pattern decides.
 */
import { SourceFile } from '../source.js';
import type { DockerIgnore } from './model.js';

/** Go's path.Clean for slash-separated paths. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  if (rooted) return '/' + joined;
  return joined === '' ? '.' : joined;
}

type Matcher = (path: string) => boolean;

/** Compile a cleaned pattern the way Docker's pattern matcher does; undefined when invalid. */
export function compilePattern(pattern: string): Matcher | undefined {
  let re = '^';
  let kind: 'exact' | 'prefix' | 'suffix' | 'regexp' = 'exact';
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '*') {
      if (chars[i + 1] === '*') {
        const first = i === 0;
        i++;
        if (chars[i + 1] === '/') i++;
        if (i + 1 >= chars.length) {
          if (kind === 'exact') kind = 'prefix';
          else {
            re += '.*';
            kind = 'regexp';
          }
        } else {
          re += '(.*/)?';
          kind = 'regexp';
        }
        if (first) kind = 'suffix';
      } else {
        re += '[^/]*';
        kind = 'regexp';
      }
    } else if (c === '?') {
      re += '[^/]';
      kind = 'regexp';
    } else if ('.+()|{}$'.includes(c)) {
      // Docker escapes exactly these; `^` stays special, as it is in Docker.
      re += '\\' + c;
    } else if (c === '\\') {
      if (i + 1 < chars.length) {
        re += '\\' + chars[++i];
        kind = 'regexp';
      } else re += '\\\\';
    } else if (c === '[' || c === ']') {
      re += c;
      kind = 'regexp';
    } else {
      re += c;
    }
  }
  if (kind === 'exact') return (p) => p === pattern;
  if (kind === 'prefix') {
    const prefix = pattern.slice(0, -2);
    return (p) => p.startsWith(prefix);
  }
  if (kind === 'suffix') {
    const suffix = pattern.slice(2);
    return (p) => p.endsWith(suffix) || (suffix.startsWith('/') && p === suffix.slice(1));
  }
  // filepath.Match negates a class with `^` (as regexps do); `[!…]` is literal in both.
  let compiled: RegExp;
  try {
    compiled = new RegExp(re + '$', 's');
  } catch {
    return undefined;
  }
  return (p) => compiled.test(p);
}

export function parseDockerignore(path: string, text: string): DockerIgnore {
  const source = new SourceFile(path, text);
  const patterns: DockerIgnore['patterns'] = [];
  const matchers: { negated: boolean; match: Matcher }[] = [];
  const problems: { message: string; range: ReturnType<SourceFile['ranged']> }[] = [];
  let offset = 0;
  for (const rawLine of text.split('\n')) {
    const lineStart = offset;
    offset += rawLine.length + 1;
    let line = rawLine;
    let start = lineStart;
    if (lineStart === 0 && line.charCodeAt(0) === 0xfeff) {
      line = line.slice(1);
      start++;
    }
    if (line.startsWith('#')) continue;
    const lead = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const range = source.ranged(start + lead, start + lead + trimmed.length);
    let p = trimmed;
    const negated = p.startsWith('!');
    if (negated) p = p.slice(1).trim();
    if (p !== '') {
      p = cleanPath(p);
      if (p.length > 1 && p.startsWith('/')) p = p.slice(1);
    }
    patterns.push({ pattern: p, negated, range });
    const match = compilePattern(p);
    if (!match) problems.push({ message: `invalid pattern "${p}"`, range });
    else matchers.push({ negated, match });
  }
  const ignores = (relPath: string): boolean => {
    let file = cleanPath(relPath.replace(/\\/g, '/'));
    if (file.startsWith('/')) file = file.slice(1);
    const slash = file.lastIndexOf('/');
    const parents = slash < 0 ? [] : file.slice(0, slash).split('/');
    let matched = false;
    for (const m of matchers) {
      // Only a pattern that could change the outcome needs evaluating.
      if (m.negated !== matched) continue;
      let hit = m.match(file);
      for (let i = 0; !hit && i < parents.length; i++) hit = m.match(parents.slice(0, i + 1).join('/'));
      if (hit) matched = !m.negated;
    }
    return matched;
  };
  const result: DockerIgnore = { kind: 'dockerignore', path, source, patterns, ignores };
  if (problems.length > 0) result.problems = problems;
  return result;
}
