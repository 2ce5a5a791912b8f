/**
 * Compose file → ComposeFile model. Never throws: YAML errors, duplicate keys and interpolation
 * problems are recorded with ranges and everything readable is still modelled.
 */
import { parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { openerOffset } from './yaml-error-position.js';
import { MAX_YAML_DEPTH, yamlTooDeepAt } from './depth-guard.js';
import { SourceFile } from '../source.js';
import type { ComposeFile } from './model.js';
import { buildTree } from './ytree.js';
import { resourcesOf, servicesOf, str } from './services.js';

export interface ParseComposeOptions {
  /** Lookup for `${VAR}`: the project's .env merged with the environment, as Compose does. */
  variables: Map<string, string>;
  /** Bound on nodes created while expanding aliases (default 1e6). */
  maxNodes?: number;
  /** Keep yaml's document for `document` instead of parsing the text again when it is read. */
  keepDocument?: boolean;
}

function parseYaml(text: string): Document.Parsed {
  // Duplicate keys are collected by the tree builder (with both ranges) instead of failing
  // the parse; merge keys are left as `<<` pairs and applied there too.
  // No keepSourceTokens: nothing reads `srcToken`, and keeping the CST alive with every model was
  // memory (and collector time) for nothing.
  return parseDocument(text, { uniqueKeys: false, merge: true, prettyErrors: false });
}

/** The document of a compose text; never throws (what `yaml` cannot parse is in its errors). */
function composeDocument(text: string): Document.Parsed {
  let document: Document.Parsed;
  try {
    // Deeper nesting would overflow the stack inside `yaml`, which can abort the process.
    const deep = yamlTooDeepAt(text);
    document = parseYaml(deep === undefined ? text : '');
    if (deep !== undefined) {
      const message = `nested more than ${MAX_YAML_DEPTH} levels deep; the file is not read further`;
      document.errors.push(Object.assign(new Error(message), { code: 'TOO_DEEP', pos: [deep, deep + 1] as [number, number], name: 'YAMLParseError' }) as never);
    }
  } catch (err) {
    // yaml reports problems in doc.errors; this guards against an internal failure.
    document = parseYaml('');
    document.errors.push(Object.assign(new Error(String(err)), { code: 'IMPOSSIBLE', pos: [0, 0] as [number, number], name: 'YAMLParseError' }) as never);
  }
  return document;
}

export function parseCompose(path: string, text: string, opts: ParseComposeOptions): ComposeFile {
  const source = new SourceFile(path, text);
  let document: Document.Parsed | undefined = composeDocument(text);
  const clamp = (n: number): number => Math.max(0, Math.min(n, text.length));
  const yamlErrors: ComposeFile['yamlErrors'] = document.errors.map((e) => {
    const start = clamp(e.pos?.[0] ?? 0);
    const opener = openerOffset(text, start, e.message);
    if (opener !== undefined) {
      const what = text[opener] === '"' || text[opener] === "'" ? 'quote' : 'bracket';
      return { code: String(e.code), message: `the ${what} \`${text[opener]}\` opened here is never closed`, range: source.ranged(opener, opener + 1) };
    }
    return { code: String(e.code), message: e.message, range: source.ranged(start, Math.max(start, clamp(e.pos?.[1] ?? start))) };
  });
  const file: ComposeFile = {
    kind: 'compose',
    path,
    source,
    // yaml's document is the largest thing a parse makes, and few readers need it (style rules,
    // `!reset` tags): unless `keepDocument`, it is dropped once our tree is built and parsed
    // again if asked for, so a run does not keep one per compose file alive to its end
    // (collector time, issue 7).
    get document(): Document.Parsed {
      return (document ??= composeDocument(text));
    },
    yamlErrors,
    duplicateKeys: [],
    variables: opts.variables,
    varRefs: [],
    services: [],
    volumes: [],
    networks: [],
    secrets: [],
    configs: [],
  };
  let tree;
  try {
    tree = buildTree(document, source, opts.variables, opts.maxNodes);
  } catch (err) {
    yamlErrors.push({ code: 'INTERNAL', message: `compose model could not be built: ${String(err)}`, range: source.ranged(0, 0) });
    return file;
  } finally {
    if (!opts.keepDocument) document = undefined;
  }
  yamlErrors.push(...tree.errors);
  file.duplicateKeys = tree.duplicateKeys;
  file.varRefs = tree.varRefs;
  const root = tree.root;
  if (!root || root.kind !== 'map') return file;
  file.root = root;
  for (const key of ['name', 'version'] as const) {
    const node = root.get(key);
    const value = str(node);
    if (node && value !== undefined) file[key] = { value, range: node.range };
  }
  file.services = servicesOf(root.get('services'), text);
  file.volumes = resourcesOf(root.get('volumes'));
  file.networks = resourcesOf(root.get('networks'));
  file.secrets = resourcesOf(root.get('secrets'));
  file.configs = resourcesOf(root.get('configs'));
  return file;
}
