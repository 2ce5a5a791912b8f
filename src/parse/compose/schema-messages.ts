/**
 * Turns ajv's raw errors into one plain message per problem. ajv (with allErrors) reports every
 * failed branch of every `oneOf`; the Compose schema's branches are told apart by type, so a branch
 * that failed deeper than its type check is the one the author meant, and only its errors matter.
 */
import type { ErrorObject } from 'ajv';
import type { Ranged } from '../source.js';
import type { Locate, SchemaProblem } from './schema.js';
import { loadFacts, nodesAt, type ComposeSchemaFacts, type FactNode } from './schema-facts.js';
import { NAME_RULES, PATTERN_RULES, TYPE_HINTS } from './schema-hints.js';
import {
  code,
  container,
  foundPhrase,
  joinAnd,
  joinOr,
  NAMED_SECTIONS,
  subject,
  suggest,
  typePhrase,
  type InstancePath,
} from './schema-text.js';

interface Located {
  path: InstancePath;
  error: ErrorObject;
}

/** Splits a JSON pointer into segments; array indexes become numbers (the value tells which). */
function toPath(pointer: string, root: unknown): InstancePath {
  const path: InstancePath = [];
  if (!pointer) return path;
  let node: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      const index = Number(key);
      path.push(index);
      node = node[index];
    } else {
      path.push(key);
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    }
  }
  return path;
}

/** Extension keys (`x-…`) hold anything; nothing under them is the schema's business. */
function underExtension(path: InstancePath): boolean {
  return path.some((s) => typeof s === 'string' && s.startsWith('x-'));
}

function valueAt(root: unknown, path: InstancePath): unknown {
  let node = root;
  for (const segment of path) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

function isPrefix(prefix: InstancePath, path: InstancePath): boolean {
  return prefix.length < path.length && prefix.every((s, i) => path[i] === s);
}

function typesOf(error: ErrorObject): string[] {
  const t = (error.params as { type?: string | string[] }).type;
  if (Array.isArray(t)) return t;
  return typeof t === 'string' ? t.split(',') : [];
}

/** A value as a message shows it: scalars in backticks, containers by type. */
function shown(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return code(value);
  }
  return foundPhrase(value, []);
}

/** Names the spec accepts for services, volumes, networks…: safe to suggest as a key. */
const plainName = /^[a-zA-Z0-9._-]+$/;

class Reporter {
  private facts: ComposeSchemaFacts | undefined;
  readonly problems: SchemaProblem[] = [];

  constructor(
    private readonly root: unknown,
    private readonly locate: Locate,
  ) {}

  private nodes(path: InstancePath): FactNode[] {
    this.facts ??= loadFacts();
    return nodesAt(this.facts, path);
  }

  private range(path: InstancePath, part: 'key' | 'value'): Ranged {
    if (part === 'key' && typeof path[path.length - 1] === 'number') part = 'value';
    let found = this.locate(path, part);
    // An empty value (`build:` with nothing after it) has an empty range: its key is easier to see.
    if (found && part === 'value' && found.start === found.end && path.length > 0) {
      found = this.locate(path, 'key') ?? found;
    }
    for (let up = path.slice(0, -1); !found; up = up.slice(0, -1)) {
      const last = up[up.length - 1];
      found = this.locate(up, up.length && typeof last !== 'number' ? 'key' : 'value');
      if (!found && up.length === 0) break;
    }
    return found ?? { path: '', start: 0, end: 0 };
  }

  private add(
    message: string,
    path: InstancePath,
    part: 'key' | 'value',
    keyword: string,
  ): void {
    this.problems.push({ message, path, range: this.range(path, part), keyword });
  }

  /** Type errors at one place, all branches merged: "must be a number or a string, not a list". */
  typeMismatch(path: InstancePath, errors: ErrorObject[]): void {
    const expected: string[] = [];
    for (const e of errors) for (const t of typesOf(e)) if (!expected.includes(t)) expected.push(t);
    // "a number or an integer" says nothing more than "a number".
    if (expected.includes('number') && expected.includes('integer')) expected.splice(expected.indexOf('integer'), 1);
    const value = valueAt(this.root, path);
    const found = foundPhrase(value, expected);
    const section = path.length === 1 ? NAMED_SECTIONS[path[0] as string] : undefined;
    if (section && expected.includes('object')) {
      this.add(`top-level ${code(path[0])} must be a mapping of ${section} names, not ${found}${writeAsKeys(value)}`, path, 'value', 'type');
      return;
    }
    let message = `${subject(path)} must be ${joinOr(expected.map(typePhrase))}, not ${found}`;
    if (path.length === 2 && path[0] === 'services' && this.isServiceKey(String(path[1]))) {
      // `restart: always` indented as if it were a service.
      this.add(`${message} — ${code(path[1])} is a service setting, indent it under a service`, path, 'value', 'type');
      return;
    }
    const hint = this.nodes(path)
      .map((n) => TYPE_HINTS[n.at])
      .find((h) => h !== undefined);
    if (hint) message += ` — ${hint}`;
    this.add(message, path, 'value', 'type');
  }

  unknownKey(path: InstancePath, key: string): void {
    const closed = this.nodes(path).filter((n) => n.closed);
    const allowed = new Set<string>();
    const namePatterns: string[] = [];
    let allowsExtensions = false;
    for (const node of closed) {
      for (const name of Object.keys(node.props ?? {})) allowed.add(name);
      for (const [pattern] of node.pats ?? []) {
        if (pattern === '^x-') allowsExtensions = true;
        else if (!namePatterns.includes(pattern)) namePatterns.push(pattern);
      }
    }
    const keyPath = [...path, key];
    if (allowed.size === 0 && namePatterns.length > 0) {
      const rule = NAME_RULES[namePatterns[0]!] ?? `names must match ${code(namePatterns[0])}`;
      const section = path.length === 1 ? NAMED_SECTIONS[path[0] as string] : undefined;
      const what = section ? `${section} name` : `name`;
      const where = section ? '' : ` ${container(path)}`;
      this.add(`invalid ${what} ${code(key)}${where}: ${rule}`, keyPath, 'key', 'additionalProperties');
      return;
    }
    let message = path.length === 0 ? `unknown top-level key ${code(key)}` : `unknown key ${code(key)} ${container(path)}`;
    const guess = suggest(key, allowed);
    if (path.length === 0 && this.looksLikeService(valueAt(this.root, [key]))) {
      // The version 1 format listed services at the top level.
      message += ` — services must be listed under \`services:\``;
    } else if (guess) {
      message += ` — did you mean ${code(guess)}?`;
    } else if (path.length === 0 && this.isServiceKey(key)) {
      message += ` — service settings belong under \`services.<name>\``;
    } else if (path.length === 0 && allowsExtensions) {
      message += ` — custom top-level keys must start with \`x-\``;
    }
    this.add(message, keyPath, 'key', 'additionalProperties');
  }

  private looksLikeService(value: unknown): boolean {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
    return Object.keys(value).some((k) => k === 'image' || k === 'build');
  }

  private isServiceKey(key: string): boolean {
    return this.nodes(['services', 'service']).some((n) => n.props && Object.hasOwn(n.props, key));
  }

  missing(path: InstancePath, errors: ErrorObject[]): void {
    const names = [...new Set(errors.map((e) => String((e.params as { missingProperty: string }).missingProperty)))];
    const keys = names.length === 1 ? 'key' : 'keys';
    this.add(`${subject(path)} is missing required ${keys} ${joinAnd(names.map(code))}`, path, 'key', 'required');
  }

  /** `otherTypes`: types other `oneOf` branches would have accepted instead (gpus: `all` or a list). */
  notAllowed(path: InstancePath, error: ErrorObject, otherTypes: string[]): void {
    const allowedValues = (error.params as { allowedValues: unknown[] }).allowedValues;
    const valueTypes = new Set<string>(allowedValues.map((v) => (v === null ? 'null' : typeof v)));
    const extra = otherTypes.filter((t) => !valueTypes.has(t)).map(typePhrase);
    const value = valueAt(this.root, path);
    let message = `${subject(path)} must be ${joinOr([...allowedValues.map(code), ...extra])}, not ${shown(value)}`;
    if (typeof value === 'string') {
      const guess = suggest(value, allowedValues.filter((v): v is string => typeof v === 'string'));
      if (guess) message += ` — did you mean ${code(guess)}?`;
    }
    this.add(message, path, 'value', 'enum');
  }

  patternMismatch(path: InstancePath, error: ErrorObject): void {
    const value = valueAt(this.root, path);
    const rule = this.nodes(path)
      .map((n) => PATTERN_RULES[n.at])
      .find((r) => r !== undefined);
    const pattern = (error.params as { pattern: string }).pattern;
    const message = rule
      ? `${subject(path)} ${rule}, not ${shown(value)}`
      : `${subject(path)} must match the pattern ${code(pattern)}, not ${shown(value)}`;
    this.add(message, path, 'value', 'pattern');
  }

  outOfRange(path: InstancePath, error: ErrorObject): void {
    const { comparison, limit } = error.params as { comparison: string; limit: number };
    const words: Record<string, string> = { '>=': 'at least', '<=': 'at most', '>': 'more than', '<': 'less than' };
    const value = valueAt(this.root, path);
    this.add(`${subject(path)} must be ${words[comparison] ?? comparison} ${limit}, not ${shown(value)}`, path, 'value', error.keyword);
  }

  duplicate(path: InstancePath, error: ErrorObject): void {
    const { i, j } = error.params as { i: number; j: number };
    const list = valueAt(this.root, path);
    const later = Math.max(i, j);
    const item = Array.isArray(list) ? list[later] : undefined;
    const what = item !== null && typeof item === 'object' ? 'the same entry' : shown(item);
    this.add(`${subject(path)} lists ${what} more than once`, [...path, later], 'value', 'uniqueItems');
  }

  other(path: InstancePath, error: ErrorObject): void {
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf') {
      this.add(`${subject(path)} is ambiguous: it matches more than one accepted form`, path, 'value', error.keyword);
      return;
    }
    this.add(`${subject(path)} ${error.message ?? `fails the schema rule ${code(error.keyword)}`}`, path, 'value', error.keyword);
  }
}

/** For `volumes: pg` or `volumes: [pg]`: how to write the names as keys. */
function writeAsKeys(value: unknown): string {
  if (typeof value === 'string' && plainName.test(value)) return ` — write ${code(`${value}:`)}`;
  if (Array.isArray(value) && typeof value[0] === 'string' && plainName.test(value[0])) {
    return ` — write each name as a key, like ${code(`${value[0]}:`)}`;
  }
  return '';
}

export function explain(errors: readonly ErrorObject[], root: unknown, locate: Locate): SchemaProblem[] {
  const located: Located[] = [];
  for (const error of errors) {
    const path = toPath(error.instancePath, root);
    if (underExtension(path)) continue;
    located.push({ path, error });
  }

  const groups = new Map<string, Located[]>();
  for (const item of located) {
    const key = JSON.stringify(item.path);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }

  const reporter = new Reporter(root, locate);
  for (const group of groups.values()) {
    const path = group[0]!.path;
    const types = group.filter((g) => g.error.keyword === 'type').map((g) => g.error);
    const unions = group.filter((g) => g.error.keyword === 'oneOf' || g.error.keyword === 'anyOf').map((g) => g.error);
    const rest = group.filter((g) => g.error.keyword !== 'type' && !unions.includes(g.error)).map((g) => g.error);
    const deeper = located.some((l) => isPrefix(path, l.path));

    if (!deeper && rest.length === 0) {
      if (types.length) reporter.typeMismatch(path, types);
      else for (const u of unions) if ((u.params as { passingSchemas: unknown }).passingSchemas) reporter.other(path, u);
      continue;
    }
    // The value has the type some branch wants; type errors here are the other branches talking.
    const otherTypes = unions.length ? types.flatMap(typesOf) : [];
    const required = rest.filter((e) => e.keyword === 'required');
    if (required.length) reporter.missing(path, required);
    for (const error of rest) {
      switch (error.keyword) {
        case 'required':
          break;
        case 'additionalProperties':
          reporter.unknownKey(path, String((error.params as { additionalProperty: string }).additionalProperty));
          break;
        case 'enum':
          reporter.notAllowed(path, error, otherTypes);
          break;
        case 'pattern':
          reporter.patternMismatch(path, error);
          break;
        case 'minimum':
        case 'maximum':
        case 'exclusiveMinimum':
        case 'exclusiveMaximum':
          reporter.outOfRange(path, error);
          break;
        case 'uniqueItems':
          reporter.duplicate(path, error);
          break;
        default:
          reporter.other(path, error);
      }
    }
  }

  const seen = new Set<string>();
  const unique = reporter.problems.filter((p) => {
    const key = `${p.range.start}:${p.range.end}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}
