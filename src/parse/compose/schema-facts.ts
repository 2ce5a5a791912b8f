/**
 * What the message layer needs to know about the Compose Specification schema at run time,
 * extracted at build time (scripts/gen-compose-validator.ts) so that start-up never reads the
 * 75 KB schema. Read lazily: only files that fail validation pay for it.
 */
import { readFileSync } from 'node:fs';

/** One subschema, flattened: `$ref` and `oneOf`/`anyOf` become `alts`. */
export interface FactNode {
  /** JSON pointer of the subschema in compose-spec.json (`#/definitions/service`), keys the hint tables. */
  at: string;
  /** Child schemas by property name. */
  props?: Record<string, number>;
  /** Child schemas by property-name pattern, in schema order. */
  pats?: [string, number][];
  /** `additionalProperties: false`: keys outside `props`/`pats` are errors. */
  closed?: true;
  /** Schema of array items. */
  items?: number;
  /** Schemas that also apply to the same value (a `$ref` target, `oneOf`/`anyOf` branches). */
  alts?: number[];
}

export interface ComposeSchemaFacts {
  /** `nodes[0]` is the schema root. */
  nodes: FactNode[];
}

/** Runtime location of the facts file: dist/generated/, three levels above dist/src/parse/compose/. */
export const factsUrl = new URL('../../../generated/compose-schema-facts.json', import.meta.url);

let loaded: ComposeSchemaFacts | undefined;

export function loadFacts(): ComposeSchemaFacts {
  if (!loaded) {
    try {
      loaded = JSON.parse(readFileSync(factsUrl, 'utf8')) as ComposeSchemaFacts;
    } catch (err) {
      throw new Error(
        `compose schema facts are missing (${factsUrl.pathname}): run \`npm run build\` to generate them`,
        { cause: err },
      );
    }
  }
  return loaded;
}

/** Adds `index` and everything that applies alongside it (refs, branches) to `out`. */
function expand(facts: ComposeSchemaFacts, index: number, out: Set<number>): void {
  if (out.has(index)) return;
  out.add(index);
  for (const alt of facts.nodes[index]!.alts ?? []) expand(facts, alt, out);
}

const regexCache = new Map<string, RegExp>();
export function patternRegex(pattern: string): RegExp {
  let re = regexCache.get(pattern);
  if (!re) {
    // The spec's patterns are ECMA-262 compatible; `u` matches ajv's default.
    re = new RegExp(pattern, 'u');
    regexCache.set(pattern, re);
  }
  return re;
}

/** Every subschema that applies to the value at `path` (all branches of every union on the way). */
export function nodesAt(facts: ComposeSchemaFacts, path: readonly (string | number)[]): FactNode[] {
  let current = new Set<number>();
  expand(facts, 0, current);
  for (const segment of path) {
    const next = new Set<number>();
    for (const index of current) {
      const node = facts.nodes[index]!;
      if (typeof segment === 'number') {
        if (node.items !== undefined) expand(facts, node.items, next);
        continue;
      }
      // As in JSON Schema, `properties` and matching `patternProperties` both apply.
      const direct = node.props && Object.hasOwn(node.props, segment) ? node.props[segment] : undefined;
      if (direct !== undefined) expand(facts, direct, next);
      for (const [pattern, child] of node.pats ?? []) {
        if (patternRegex(pattern).test(segment)) expand(facts, child, next);
      }
    }
    current = next;
  }
  return [...current].map((i) => facts.nodes[i]!);
}
