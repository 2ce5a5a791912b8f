import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { defineRule, type Edit, type Ranged } from '../../../src/engine/types.js';
import type { ComposeFile, ComposeService } from '../../../src/parse/compose/model.js';
import { extraBuildConfig } from './build-config.js';
import { stacksOf } from '../../../src/project/compose-project.js';

/** Compose's default project name: the folder name, lower-cased, limited to `[a-z0-9_-]`. */
export function projectName(compose: ComposeFile): string {
  const written = compose.name?.value;
  const raw = (written ?? basename(dirname(compose.path))).toLowerCase();
  return raw.replace(/[^a-z0-9_-]/g, '').replace(/^[^a-z0-9]+/, '') || 'project';
}

/** Everything that decides what `build:` produces: the model's fields plus the rest of the build map. */
export function buildKey(service: ComposeService, composeDir: string): string | undefined {
  const b = service.build;
  if (!b) return undefined;
  const remote = /^(?:https?:\/\/|git@|git:\/\/|github\.com\/)/.test(b.context);
  const context = remote || isAbsolute(b.context) ? b.context : resolve(composeDir, b.context);
  const dockerfile =
    b.dockerfileInline !== undefined ? `inline:${b.dockerfileInline}` : remote ? b.dockerfile ?? 'Dockerfile' : resolve(context, b.dockerfile ?? 'Dockerfile');
  const args = b.args.map((a) => (a.value === null ? a.name : `${a.name}=${a.value}`)).sort();
  return JSON.stringify([context, dockerfile, b.target ?? '', args, extraBuildConfig(b.node)]);
}

function buildRange(service: ComposeService): Ranged {
  const b = service.build!;
  return b.node.kind === 'scalar' ? b.node.range : b.contextRange;
}

/**
 * Name the first service's image and let the other one use it: `image: <name>` is written above
 * the first `build:` (when it has no `image:`), and replaces the second service's `build:` entry.
 */
function shareImageFix(first: ComposeService, second: ComposeService, image: string, fileOf: (path: string) => ComposeFile | undefined): { title: string; edits: Edit[] } | undefined {
  const firstBuild = first.node.entry('build');
  const secondBuild = second.node.entry('build');
  if (!firstBuild || !secondBuild || secondBuild.merged || firstBuild.merged) return undefined;
  const edits: Edit[] = [];
  const line = `image: ${image}`;
  if (!first.image) {
    const text = fileOf(firstBuild.keyRange.path)?.source.text;
    if (text === undefined) return undefined;
    const lineStart = text.lastIndexOf('\n', firstBuild.keyRange.start - 1) + 1;
    const indent = text.slice(lineStart, firstBuild.keyRange.start);
    if (!/^[ \t]*$/.test(indent)) return undefined;
    edits.push({ path: firstBuild.keyRange.path, start: lineStart, end: lineStart, text: `${indent}${line}\n` });
  }
  const text = fileOf(secondBuild.keyRange.path)?.source.text;
  if (text === undefined || secondBuild.value.range.path !== secondBuild.keyRange.path) return undefined;
  let end = secondBuild.value.range.end;
  while (end > secondBuild.keyRange.start && /\s/.test(text[end - 1]!)) end--;
  edits.push({ path: secondBuild.keyRange.path, start: secondBuild.keyRange.start, end, text: line });
  return { title: first.image ? `write \`${line}\` instead of \`build:\` in \`${second.name}\`` : `name the image \`${image}\` in \`${first.name}\` and use it in \`${second.name}\``, edits };
}

export default defineRule<Record<string, never>, 'builtTwice' | 'builtTwiceNamed'>(
  {
    id: 'image-built-twice',
    kind: 'project',
    summary: 'Two services build the same image under different names instead of sharing one `image:`',
    category: 'best-practice',
    severity: 'warning',
    recommended: true,
    aliases: [],
    messages: {
      builtTwice:
        'Service `{service}` builds the same context and Dockerfile as service `{first}`, so the same image is built twice and stored under two names; give `{first}` `image: {image}` and let `{service}` use `image: {image}` without `build`, or set the same `image:` on both',
      builtTwiceNamed:
        'Service `{service}` builds the same context and Dockerfile as service `{first}`, which already names its image `{image}`, so the same image is built twice; let `{service}` use `image: {image}` without `build`, or set `image: {image}` on it as well',
    },
    fix: 'unsafe',
    since: '0.1.0',
  },
  (ctx) => ({
    project(project) {
      // Judged on the merged project; a build context is relative to the file that writes it.
      for (const stack of stacksOf(project)) {
        const groups = new Map<string, ComposeService[]>();
        for (const s of stack.services) {
          const key = s.build ? buildKey(s, dirname(s.build.contextRange.path)) : undefined;
          if (key === undefined) continue;
          let g = groups.get(key);
          if (!g) groups.set(key, (g = []));
          g.push(s);
        }
        for (const group of groups.values()) {
          const first = group[0]!;
          // Services that set the same `image:` share one build; two different explicit names are a
          // deliberate choice. Only a service left to the default `<project>-<service>` name builds again.
          const names = new Set<string>([first.image?.value ?? `\0${first.name}`]);
          for (const s of group.slice(1)) {
            const name = s.image?.value ?? `\0${s.name}`;
            if (names.has(name) || (s.image && first.image)) continue;
            names.add(name);
            const image = first.image?.value ?? s.image?.value ?? `${stack.name}-${first.name}`;
            const fix = s.image ? undefined : shareImageFix(first, s, image, stack.fileOf.bind(stack));
            ctx.report({
              at: buildRange(s),
              messageId: first.image ? 'builtTwiceNamed' : 'builtTwice',
              data: { service: s.name, first: first.name, image },
              related: [{ at: buildRange(first), message: `first built by service \`${first.name}\`` }],
              ...(fix ? { fix } : {}),
            });
          }
        }
      }
    },
  }),
);
