/**
 * JUnit XML, which every CI shows as a test report (GitLab, Jenkins, Azure, CircleCI): one test
 * suite per file, one failed test case per finding, and one passing case for a clean file so it
 * counts as checked. The failure body repeats the position, the message and the hints.
 */
import type { Reporter } from '../engine/types.js';
import { displayPath, hintLines, visibleFindings } from './common.js';
import { xmlEscape } from './escape.js';

export const junit: Reporter = (results, ctx) => {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const r of results) {
    const path = displayPath(r.path, ctx.cwd);
    const findings = visibleFindings(r);
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
    tests += cases.length;
    failures += findings.length;
    suites.push(
      `  <testsuite name="${xmlEscape(path)}" tests="${cases.length}" failures="${findings.length}" errors="0" skipped="0" time="0">\n` +
        cases.join('\n') +
        '\n  </testsuite>',
    );
  }
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<testsuites name="compose-lint" tests="${tests}" failures="${failures}" errors="0" time="0">`,
    ...suites,
    '</testsuites>',
  ].join('\n') + '\n';
};
