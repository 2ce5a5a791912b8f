/**
 * Build step (run by scripts/build.mjs after tsc): compiles the Compose Specification schema from
 * the `docker-compose` package into a standalone ajv validator, so the CLI never compiles a schema
 * at start-up, and extracts the facts the message layer needs (schema-facts.ts).
 *
 * Outputs: dist/generated/compose-validator.cjs (CommonJS, so the first compose file loads it
 * synchronously and a run without compose files never loads it), dist/generated/compose-schema-facts.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import AjvModule from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';
import type { ComposeSchemaFacts, FactNode } from '../src/parse/compose/schema-facts.js';

// ajv is CommonJS: under NodeNext the default import is `module.exports`, whose `.default` is the class.
const Ajv = AjvModule.default;
const standaloneCode = standaloneModule.default;

type Schema = Record<string, unknown>;

/** Keywords that only document; dropping them keeps the schema copies embedded in the code small. */
const ANNOTATIONS = new Set(['description', 'title', '$comment', 'examples']);
/** Keywords whose value is a map of names to schemas (names there are data, not keywords). */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions']);

function stripAnnotations(value: unknown, inMap = false): unknown {
  if (Array.isArray(value)) return value.map((v) => stripAnnotations(v));
  if (!value || typeof value !== 'object') return value;
  const out: Schema = {};
  for (const [key, child] of Object.entries(value)) {
    if (!inMap && ANNOTATIONS.has(key)) continue;
    if (inMap) out[key] = stripAnnotations(child);
    else if (key === 'enum' || key === 'const' || key === 'default' || key === 'required') out[key] = child;
    else out[key] = stripAnnotations(child, SCHEMA_MAPS.has(key));
  }
  return out;
}

function escapePointer(segment: string): string {
  return encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));
}

function resolvePointer(root: Schema, pointer: string): Schema {
  if (!pointer.startsWith('#')) throw new Error(`only local $refs are supported, got ${pointer}`);
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as Schema)[key];
    if (node === undefined) throw new Error(`unresolvable $ref ${pointer}`);
  }
  return node as Schema;
}

/** Flattens the schema into the node table of ComposeSchemaFacts; `$ref`s are shared by pointer. */
export function extractFacts(root: Schema): ComposeSchemaFacts {
  const nodes: FactNode[] = [];
  const byPointer = new Map<string, number>();

  function visit(schema: unknown, at: string): number {
    const known = byPointer.get(at);
    if (known !== undefined) return known;
    const index = nodes.length;
    const node: FactNode = { at };
    nodes.push(node);
    byPointer.set(at, index);
    if (!schema || typeof schema !== 'object') return index;
    const s = schema as Schema;

    const props = s['properties'] as Record<string, unknown> | undefined;
    if (props) {
      node.props = {};
      for (const [name, child] of Object.entries(props)) {
        node.props[name] = visit(child, `${at}/properties/${escapePointer(name)}`);
      }
    }
    const pats = s['patternProperties'] as Record<string, unknown> | undefined;
    if (pats) {
      node.pats = Object.entries(pats).map(([pattern, child]) => [
        pattern,
        visit(child, `${at}/patternProperties/${escapePointer(pattern)}`),
      ]);
    }
    if (s['additionalProperties'] === false) node.closed = true;
    if (s['items'] && typeof s['items'] === 'object' && !Array.isArray(s['items'])) {
      node.items = visit(s['items'], `${at}/items`);
    }
    const alts: number[] = [];
    if (typeof s['$ref'] === 'string') alts.push(visit(resolvePointer(root, s['$ref']), s['$ref']));
    for (const keyword of ['oneOf', 'anyOf', 'allOf'] as const) {
      const branches = s[keyword];
      if (Array.isArray(branches)) branches.forEach((b, i) => alts.push(visit(b, `${at}/${keyword}/${i}`)));
    }
    if (alts.length) node.alts = alts;
    return index;
  }

  visit(root, '#');
  return { nodes };
}

/**
 * ajv checks `uniqueItems` on arrays of objects by comparing every pair of items: a list of 10,000
 * ports or volumes cost seconds. Each such loop is replaced by one pass that keys every item by
 * its canonical JSON, finding the same pair ajv reports (the last item that repeats an earlier
 * one, and the nearest earlier copy), so errors are unchanged.
 */
const UNIQUE_HELPERS = `
function canonicalItem(v) {
  if (v === null || typeof v !== 'object') return typeof v === 'number' && v !== v ? 'NaN' : String(JSON.stringify(v));
  if (Array.isArray(v)) return '[' + v.map(canonicalItem).join(',') + ']';
  return '{' + Object.keys(v).sort().map((k) => JSON.stringify(k) + ':' + canonicalItem(v[k])).join(',') + '}';
}
function lastDuplicate(items) {
  const last = new Map();
  let found;
  for (let i = 0; i < items.length; i++) {
    const key = canonicalItem(items[i]);
    const j = last.get(key);
    if (j !== undefined) found = [i, j];
    last.set(key, i);
  }
  return found;
}
`;

export function linearUniqueItems(code: string): string {
  const loop = /outer(\d+):for\(;(i\d+)--;\)\{for\((j\d+) = \2; \3--;\)\{if\(func\d+\((data\d+)\[\2\], \4\[\3\]\)\)\{/g;
  const labels = code.match(/outer\d+:/g)?.length ?? 0;
  let replaced = 0;
  const out = code.replace(loop, (_m, n: string, i: string, j: string, data: string) => {
    replaced++;
    // Same three open braces as the pair loop, so its body and `break outer…` stay valid.
    return `outer${n}:for(const dup${n} = lastDuplicate(${data}); dup${n} !== undefined;){${i} = dup${n}[0];${j} = dup${n}[1];{{`;
  });
  if (replaced !== labels) throw new Error(`linearUniqueItems: replaced ${replaced} of ${labels} uniqueItems loops; ajv's output changed`);
  return replaced ? out.replace(/^"use strict";/, `"use strict";${UNIQUE_HELPERS}`) : out;
}

/**
 * Keys Compose accepts that the packaged schema is too old to know. `pre_start` (newer Compose)
 * takes a list of hooks like `post_start`, whose items may also name the `image` they run in;
 * it is added only when the schema still lacks it.
 */
export function patchSchema(schema: Schema): Schema {
  const defs = schema['definitions'] as Record<string, Schema> | undefined;
  const props = defs?.['service']?.['properties'] as Record<string, unknown> | undefined;
  const hook = defs?.['service_hook'];
  if (!defs || !props || !hook || props['pre_start']) return schema;
  const preHook = structuredClone(hook);
  preHook['properties'] = { ...(preHook['properties'] as Schema), image: { type: 'string' } };
  defs['service_pre_start_hook'] = preHook;
  props['pre_start'] = { type: 'array', items: { $ref: '#/definitions/service_pre_start_hook' } };
  return schema;
}

export function generate(root: string): void {
  const require = createRequire(join(root, 'package.json'));
  const schemaFile = require.resolve('docker-compose/schema/compose-spec.json');
  const schema = patchSchema(JSON.parse(readFileSync(schemaFile, 'utf8')) as Schema);
  const draft = String(schema['$schema'] ?? '');
  if (draft && !draft.includes('draft-07')) throw new Error(`expected a draft-07 schema, got ${draft}`);

  const compiled = stripAnnotations(schema) as Schema;
  // ajv's default class is draft-07 already; the spec names the meta-schema with an https URL ajv
  // does not register, so drop it rather than fetch anything.
  delete compiled['$schema'];

  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    // Every definition becomes its own function instead of being pasted at each use: a third smaller.
    inlineRefs: false,
    // The spec declares no `format`; should a future version add one, accept it rather than fail.
    validateFormats: false,
    code: { source: true },
  });
  const validate = ajv.compile(compiled);
  const code = linearUniqueItems(standaloneCode(ajv, validate));

  const outDir = join(root, 'dist', 'generated');
  mkdirSync(outDir, { recursive: true });
  const header = `// Generated by scripts/gen-compose-validator.ts from ${JSON.stringify(
    'docker-compose/schema/compose-spec.json',
  )}; do not edit.\n`;
  writeFileSync(join(outDir, 'compose-validator.cjs'), header + code);
  writeFileSync(join(outDir, 'compose-schema-facts.json'), JSON.stringify(extractFacts(schema)));
}

const here = dirname(fileURLToPath(import.meta.url));
// Compiled to dist/scripts/: the repository root is two levels up.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  generate(join(here, '..', '..'));
}
