import { defineRule } from '../../../src/engine/types.js';
import { expandWord } from '../../../src/parse/dockerfile/expand.js';
import { PLATFORM_ARGS } from '../../../src/analysis/buildkit.js';

/** Values a build without `--build-arg` sees for the predefined platform arguments. */
const PLATFORM_SAMPLE: Record<string, string> = {
  BUILDPLATFORM: 'linux/amd64', BUILDOS: 'linux', BUILDARCH: 'amd64', BUILDVARIANT: '', BUILDOSVERSION: '',
  TARGETPLATFORM: 'linux/amd64', TARGETOS: 'linux', TARGETARCH: 'amd64', TARGETVARIANT: '', TARGETOSVERSION: '', TARGETSTAGE: '',
};

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN = '(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\\[[0-9A-Fa-f:]+\\])(?::[0-9]+)?';
const REFERENCE = new RegExp(
  `^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,})?$`,
);

/** Whether Docker accepts `ref` as an image reference (what `FROM` needs after expansion). */
export function isValidReference(ref: string): boolean {
  return REFERENCE.test(ref);
}

export default defineRule<Record<string, never>, 'invalidDefault'>(
  {
    id: 'invalid-default-arg-in-from',
    kind: 'dockerfile',
    summary: 'With the `ARG` defaults alone, a `FROM` expands to an empty or invalid image name',
    category: 'correctness',
    severity: 'warning',
    recommended: true,
    aliases: [{ tool: 'buildkit', code: 'InvalidDefaultArgInFrom', fidelity: 'same' }],
    messages: {
      invalidDefault:
        'Without `--build-arg`, `{written}` expands to {resolved}, which is not a valid image name, so a plain `docker build` fails; {advice}',
    },
    since: '0.1.0',
  },
  (ctx) => ({
    dockerfile(file) {
      const defaults = new Map<string, string>();
      const declared = new Set<string>();
      const text = file.source.text;
      for (const arg of file.globalArgs) {
        for (const v of arg.vars) {
          declared.add(v.name);
          if (v.defaultValue === undefined || !v.defaultRange) {
            defaults.set(v.name, '');
            continue;
          }
          const exp = expandWord(text, v.defaultRange.start, v.defaultRange.end, file.escapeChar, (n) => defaults.get(n) ?? PLATFORM_SAMPLE[n] ?? '');
          // Quotes left over or `${X#pattern}` forms mean we could not follow Docker's expansion.
          if (/["'${}]/.test(exp.value)) defaults.delete(v.name);
          else defaults.set(v.name, exp.value);
        }
      }
      // Values a compose build passes (`build.args`) replace the defaults, as `--build-arg` does.
      for (const [name, value] of Object.entries(file.buildArgs ?? {})) if (declared.has(name)) defaults.set(name, value);
      for (const stage of file.stages) {
        const img = stage.from.image;
        const written = text.slice(img.range.start, img.range.end);
        if (!written.includes('$')) continue;
        const exp = expandWord(text, img.range.start, img.range.end, file.escapeChar, (n) => defaults.get(n) ?? PLATFORM_SAMPLE[n]);
        // Undeclared names are undefined-arg-in-from's finding; blame only declared arguments.
        if (exp.unresolved.length || !exp.names.every((n) => declared.has(n) || PLATFORM_ARGS.includes(n))) continue;
        if (isValidReference(exp.value)) continue;
        const empty = exp.names.filter((n) => defaults.get(n) === '');
        const names = empty.length ? empty : exp.names;
        ctx.report({
          at: img.range,
          messageId: 'invalidDefault',
          data: {
            written,
            resolved: exp.value === '' ? 'an empty string' : `\`${exp.value}\``,
            advice: empty.length
              ? `give ${names.map((n) => `\`${n}\``).join(', ')} a default such as \`ARG ${names[0]}=<value>\``
              : `change the default of ${names.map((n) => `\`${n}\``).join(', ')} to a valid image name`,
          },
        });
      }
    },
  }),
);
