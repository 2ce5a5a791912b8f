import { defineRule } from '../../../src/engine/types.js';
import type { YNode } from '../../../src/parse/compose/model.js';

/** A CDI device name (`vendor.com/class=name`), which Compose passes as is. */
const CDI = /^[a-z0-9][a-z0-9.-]*\/[a-z0-9][a-z0-9._-]*=[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const isMode = (s: string) => /^[rwm]{1,3}$/.test(s) && new Set(s).size === s.length;
const looksLikeMode = (s: string) => /^[a-z]{1,3}$/.test(s);

/** Why a short-syntax device cannot be parsed, and what to write instead; undefined when valid. */
export function deviceProblem(spec: string): { reason: string; suggestion?: string } | undefined {
  if (CDI.test(spec)) return undefined;
  if (spec.trim() === '') return { reason: 'the entry is empty' };
  const parts = spec.split(':');
  if (parts.length > 3) return { reason: 'it has more than two `:` (the form is `host_path[:container_path][:permissions]`)' };
  const [host, second, third] = parts as [string, string | undefined, string | undefined];
  // Two parts: the second is either the container path or, when it is a mode, the permissions.
  const target = third !== undefined || (second !== undefined && !looksLikeMode(second)) ? second : undefined;
  const mode = third ?? (second !== undefined && looksLikeMode(second) ? second : undefined);
  if (!host.startsWith('/')) {
    return { reason: `the host device \`${host}\` is not an absolute path`, suggestion: [`/dev/${host.replace(/^\.?\/?(dev\/)?/, '')}`, ...parts.slice(1)].join(':') };
  }
  if (target !== undefined && !target.startsWith('/')) {
    return { reason: `the container path \`${target}\` is not absolute`, suggestion: [host, `/${target}`, ...(third !== undefined ? [third] : [])].join(':') };
  }
  if (mode !== undefined && !isMode(mode)) {
    const kept = [...new Set(mode.replace(/[^rwm]/g, ''))].join('');
    const fixed = [host, ...(target !== undefined ? [target] : []), ...(kept ? [kept] : [])].join(':');
    return { reason: `the permissions \`${mode}\` are not made of the letters \`r\`, \`w\` and \`m\`, each at most once`, suggestion: fixed };
  }
  return undefined;
}

export default defineRule<Record<string, never>, 'invalid' | 'invalidDidYouMean'>(
  {
    id: 'device-syntax-invalid',
    kind: 'compose',
    summary: 'A `devices` entry in short syntax cannot be parsed',
    category: 'correctness',
    severity: 'error',
    recommended: true,
    aliases: [],
    messages: {
      invalid:
        'Device `{spec}` cannot be parsed because {reason}, so the container cannot be created; write `host_path[:container_path][:permissions]`, e.g. `/dev/ttyUSB0:/dev/ttyUSB0:rw`',
      invalidDidYouMean: 'Device `{spec}` cannot be parsed because {reason}, so the container cannot be created; did you mean `{suggestion}`?',
    },
    hasSuggestions: true,
    since: '0.1.0',
  },
  (ctx) => ({
    'compose:service'(service, file) {
      const devices = service.node.get('devices');
      if (devices?.kind !== 'seq') return;
      for (const item of devices.items as YNode[]) {
        // Long syntax is checked by the schema; values with unset variables are not judged.
        if (item.kind !== 'scalar' || item.vars.some((v) => !v.defined)) continue;
        const spec = String(item.value ?? '');
        const problem = deviceProblem(spec);
        if (!problem) continue;
        const data = { spec, reason: problem.reason };
        if (problem.suggestion === undefined || item.vars.length) {
          ctx.report({ at: item.range, messageId: 'invalid', data });
          continue;
        }
        const q = item.style === 'single' ? "'" : '"';
        ctx.report({
          at: item.range,
          messageId: 'invalidDidYouMean',
          data: { ...data, suggestion: problem.suggestion },
          suggest: [
            { title: `write \`${problem.suggestion}\``, edits: [{ path: file.path, start: item.range.start, end: item.range.end, text: `${q}${problem.suggestion}${q}` }] },
          ],
        });
      }
    },
  }),
);
