/**
 * JUnit XML, which every CI shows as a test report (GitLab, Jenkins, Azure, CircleCI): one test
 * suite per file, one failed test case per finding, and one passing case for a clean file so it
 * counts as checked. The failure body repeats the position, the message and the hints.
 */
import type { Finding } from '../engine/types.js';
import { chunkedReporter, type ChunkedReporter } from './chunks.js';
import { displayPath, hintLines, visibleFindings } from './common.js';
import { xmlEscape } from './escape.js';

function suite(path: string, findings: readonly Finding[]): string {
  const cases: string[] = [];
  for (const f of findings) {
    const { line, column } = f.location.start;
    const name = `${path}:${line}:${column} ${f.ruleId}`;
    const body = [`${path}:${line}:${column} ${f.severity} ${f.message}`, ...hintLines(f)].join('\n');
    cases.push(
      `    <testcase name="${xmlEscape(name)}" classname="${xmlEscape(path)}" time="0">\n` +
        `      <failure message="${xmlEscape(f.message)}" type="${f.severity}">${xmlEscape(body)}</failure>\n` +
        '    </testcase>',
    );
  }
  if (findings.length === 0) cases.push(`    <testcase name="${xmlEscape(path)}" classname="${xmlEscape(path)}" time="0"/>`);
  return (
    `  <testsuite name="${xmlEscape(path)}" tests="${cases.length}" failures="${findings.length}" errors="0" skipped="0" time="0">\n` +
    cases.join('\n') +
    '\n  </testsuite>'
  );
}

/** The totals head the document, so they are counted first; then one piece per file. */
export const junit: ChunkedReporter = chunkedReporter(function* (results, ctx) {
  let tests = 0;
  let failures = 0;
  for (const r of results) {
    const n = visibleFindings(r).length;
    tests += Math.max(n, 1);
    failures += n;
  }
  yield '<?xml version="1.0" encoding="utf-8"?>\n' + `<testsuites name="compose-lint" tests="${tests}" failures="${failures}" errors="0" time="0">`;
  for (const r of results) yield '\n' + suite(displayPath(r.path, ctx.cwd), visibleFindings(r));
  yield '\n</testsuites>\n';
});
