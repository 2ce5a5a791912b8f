/**
 * Compose variable interpolation (`$VAR`, `${VAR}`, `${VAR:-default}`, …) over one string value.
 * Positions returned here are indices into the input string; the caller maps them to the source.
 */
import type { VarRef } from './model.js';

export type Operator = VarRef['operator'];

export interface FoundRef {
  name: string;
  operator: Operator;
  /** [start, end) of `$NAME` or the whole `${…}` in the input string. */
  start: number;
  end: number;
  defined: boolean;
}

export interface FoundError {
  message: string;
  start: number;
  end: number;
}

export interface Interpolated {
  value: string;
  /** For each character of `value`, the index in the input it was copied from, or -1 when it
   * came from a variable's value. */
  origin: number[];
  refs: FoundRef[];
  errors: FoundError[];
}

const NAME_START = /[_a-zA-Z]/;
const NAME = /^[_a-zA-Z][_a-zA-Z0-9]*/;
// Longest operators first so that `:-` is not read as `:` + `-`.
const OPERATORS: Operator[] = [':-', ':?', ':+', '-', '?', '+'];

const ESCAPE_HINT = 'escape a literal $ as $$';

/** Interpolate `input` with `variables` the way Compose does. Never throws. */
export function interpolate(input: string, variables: ReadonlyMap<string, string>): Interpolated {
  const refs: FoundRef[] = [];
  const errors: FoundError[] = [];
  const out: Out = { value: '', origin: [] };
  substitute(input, 0, input.length, variables, refs, errors, out);
  return { value: out.value, origin: out.origin, refs, errors };
}

interface Out {
  value: string;
  origin: number[];
}

function emit(out: Out, text: string, from: number): void {
  out.value += text;
  for (let k = 0; k < text.length; k++) out.origin.push(from < 0 ? -1 : from + k);
}

/** Index of the `}` closing the `${` at `open`, counting nested `${`; -1 when unclosed. */
function closingBrace(s: string, open: number, end: number): number {
  let depth = 0;
  for (let i = open; i < end; i++) {
    if (s[i] === '$' && s[i + 1] === '{') {
      depth++;
      i++;
    } else if (s[i] === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function substitute(
  s: string,
  from: number,
  to: number,
  vars: ReadonlyMap<string, string>,
  refs: FoundRef[],
  errors: FoundError[],
  out: Out,
): void {
  let i = from;
  while (i < to) {
    const c = s[i]!;
    if (c !== '$') {
      emit(out, c, i);
      i++;
      continue;
    }
    const next = i + 1 < to ? s[i + 1] : undefined;
    if (next === '$') {
      emit(out, '$', i);
      i += 2;
      continue;
    }
    if (next !== undefined && NAME_START.test(next)) {
      const name = NAME.exec(s.slice(i + 1, to))![0];
      const defined = vars.has(name);
      refs.push({ name, operator: '', start: i, end: i + 1 + name.length, defined });
      emit(out, vars.get(name) ?? '', -1);
      i += 1 + name.length;
      continue;
    }
    if (next === '{') {
      const close = closingBrace(s, i, to);
      if (close < 0) {
        errors.push({ message: `invalid interpolation format: "\${" is never closed (${ESCAPE_HINT})`, start: i, end: to });
        emit(out, s.slice(i, to), i);
        return;
      }
      braced(s, i, close, vars, refs, errors, out);
      i = close + 1;
      continue;
    }
    // Compose keeps a `$` that starts neither a name nor `{` as written (`$(date)`, `$1`):
    // docker/compose's own end-to-end files rely on it.
    emit(out, '$', i);
    i++;
  }
}

/** Evaluate `${…}` spanning s[open, close]. */
function braced(
  s: string,
  open: number,
  close: number,
  vars: ReadonlyMap<string, string>,
  refs: FoundRef[],
  errors: FoundError[],
  out: Out,
): void {
  const bodyStart = open + 2;
  const body = s.slice(bodyStart, close);
  const m = NAME.exec(body);
  if (!m) {
    errors.push({
      message: body === '' ? `invalid interpolation format: empty variable name in "\${}" (${ESCAPE_HINT})` : `invalid interpolation format: "\${${body}}" does not start with a variable name (${ESCAPE_HINT})`,
      start: open,
      end: close + 1,
    });
    return;
  }
  const name = m[0];
  const rest = body.slice(name.length);
  const defined = vars.has(name);
  const current = vars.get(name) ?? '';
  const ref: FoundRef = { name, operator: '', start: open, end: close + 1, defined };
  if (rest === '') {
    refs.push(ref);
    emit(out, current, -1);
    return;
  }
  const op = OPERATORS.find((o) => rest.startsWith(o));
  if (!op) {
    errors.push({
      message: `invalid interpolation format: unknown operator in "\${${body}}" (expected :-, -, :?, ?, :+ or +)`,
      start: open,
      end: close + 1,
    });
    return;
  }
  ref.operator = op;
  refs.push(ref);
  const argStart = bodyStart + name.length + op.length;
  // Compose interpolates the argument whether or not it is used, so nested references count.
  const arg: Out = { value: '', origin: [] };
  substitute(s, argStart, close, vars, refs, errors, arg);
  const nonEmpty = defined && current !== '';
  const useArg = (): void => {
    out.value += arg.value;
    out.origin.push(...arg.origin);
  };
  switch (op) {
    case ':-':
      if (nonEmpty) emit(out, current, -1);
      else useArg();
      return;
    case '-':
      if (defined) emit(out, current, -1);
      else useArg();
      return;
    case ':+':
      if (nonEmpty) useArg();
      return;
    case '+':
      if (defined) useArg();
      return;
    case ':?':
    case '?':
      if (op === ':?' ? nonEmpty : defined) emit(out, current, -1);
      else errors.push({ message: `required variable ${name} is missing a value: ${arg.value}`, start: open, end: close + 1 });
      return;
  }
}
