/**
 * Checkstyle XML, read by Jenkins' warnings-ng, reviewdog, SonarQube and many CI dashboards:
 * `<checkstyle><file name><error line column severity message source/></file></checkstyle>`.
 * Every linted file appears, so a clean file is shown as checked.
 */
import type { Reporter } from '../engine/types.js';
import { visibleFindings } from './common.js';
import { xmlEscape } from './escape.js';

export const checkstyle: Reporter = (results) => {
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  for (const r of results) {
    out.push(`  <file name="${xmlEscape(r.path)}">`);
    for (const f of visibleFindings(r)) {
      const { line, column } = f.location.start;
      out.push(
        `    <error line="${line}" column="${column}" severity="${f.severity}" message="${xmlEscape(f.message)}" source="${xmlEscape(`compose-lint.${f.ruleId}`)}"/>`,
      );
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return out.join('\n') + '\n';
};
