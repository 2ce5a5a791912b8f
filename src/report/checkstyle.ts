/**
 * Checkstyle XML, read by Jenkins' warnings-ng, reviewdog, SonarQube and many CI dashboards:
 * `<checkstyle><file name><error line column severity message source/></file></checkstyle>`.
 * Every linted file appears, so a clean file is shown as checked.
 */
import { streamingReporter, type StreamingReporter } from './chunks.js';
import { visibleFindings } from './common.js';
import { xmlEscape } from './escape.js';

/** One piece per file, every line ended by a newline. */
export const checkstyle: StreamingReporter = streamingReporter(function* (results) {
  yield '<?xml version="1.0" encoding="utf-8"?>\n<checkstyle version="4.3">\n';
  for (const r of results) {
    let file = `  <file name="${xmlEscape(r.path)}">\n`;
    for (const f of visibleFindings(r)) {
      const { line, column } = f.location.start;
      file += `    <error line="${line}" column="${column}" severity="${f.severity}" message="${xmlEscape(f.message)}" source="${xmlEscape(`compose-lint.${f.ruleId}`)}"/>\n`;
    }
    yield file + '  </file>\n';
  }
  yield '</checkstyle>\n';
});
