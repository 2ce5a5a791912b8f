/**
 * LABEL pairs and the value types of hadolint's label schema (`label-schema` in .hadolint.yaml,
 * `settings.labelSchema` in ours), shared by the label rules.
 */
import type { Dockerfile, Instruction, Stage } from '../parse/dockerfile/model.js';
import type { Ranged } from '../parse/source.js';
import type { Settings } from '../engine/types.js';

export const LABEL_TYPES = ['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'] as const;
export type LabelType = (typeof LABEL_TYPES)[number];

export interface LabelPair {
  key: string;
  value: string;
  /** The whole `key=value` word (or, in the legacy form, key to the end of the value). */
  range: Ranged;
  instruction: Instruction;
}

/** `LABEL a=b "c"="d e"`, and the legacy `LABEL key some value`. */
export function labelPairs(ins: Instruction): LabelPair[] {
  if (ins.keyword !== 'LABEL' || ins.args.length === 0) return [];
  const first = ins.args[0]!;
  if (!first.value.includes('=')) {
    const last = ins.args[ins.args.length - 1]!;
    const value = ins.args.slice(1).map((a) => a.value).join(' ');
    return [{ key: first.value, value, range: { path: first.range.path, start: first.range.start, end: last.range.end }, instruction: ins }];
  }
  return ins.args.map((a) => {
    const eq = a.value.indexOf('=');
    return eq < 0
      ? { key: a.value, value: '', range: a.range, instruction: ins }
      : { key: a.value.slice(0, eq), value: a.value.slice(eq + 1), range: a.range, instruction: ins };
  });
}

export function labelSchema(settings: Readonly<Settings>): Map<string, LabelType> {
  const out = new Map<string, LabelType>();
  const raw = settings.labelSchema;
  if (!raw || typeof raw !== 'object') return out;
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    const t = typeof v === 'string' && v !== '' ? v : 'text';
    if ((LABEL_TYPES as readonly string[]).includes(t)) out.set(k, t as LabelType);
  }
  return out;
}

/** Every LABEL pair of a stage and of the earlier stages it is built `FROM` (labels are inherited). */
export function stageLabels(file: Dockerfile, stage: Stage): Map<string, LabelPair> {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s && !chain.includes(s); s = s.from.stageRef === undefined ? undefined : file.stages[s.from.stageRef]) chain.push(s);
  const out = new Map<string, LabelPair>();
  for (const s of chain.reverse()) for (const ins of s.instructions) for (const p of labelPairs(ins)) out.set(p.key, p);
  return out;
}

const SEMVER =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/**
 * Common SPDX license ids. The full list has several hundred entries and changes; an id outside
 * this set is accepted when it is spelled like an SPDX id, so only the usual mistakes
 * (`Apache 2.0`, `GPLv3`, `BSD`) are caught.
 */
const NOT_SPDX = /^(?:GPL|LGPL|AGPL|BSD|Apache|GPLv\d|LGPLv\d|AGPLv\d|Apache2|Apache-2|MPL|EPL|CC|Proprietary|Commercial|Public Domain|PD|none)$/i;

function spdxIdOk(id: string): boolean {
  if (/^(?:LicenseRef|DocumentRef)-[A-Za-z0-9.-]+(?::LicenseRef-[A-Za-z0-9.-]+)?$/.test(id)) return true;
  return /^[A-Za-z0-9][A-Za-z0-9.-]*\+?$/.test(id) && !NOT_SPDX.test(id) && !/^(?:GPL|LGPL|AGPL)v/i.test(id);
}

/** An SPDX license expression: ids joined by AND / OR / WITH, with parentheses. */
export function isSpdxExpression(value: string): boolean {
  const tokens = value.match(/\(|\)|[^\s()]+/g);
  if (!tokens) return false;
  let i = 0;
  const term = (): boolean => {
    const t = tokens[i++];
    if (t === '(') return expr() && tokens[i++] === ')';
    if (t === undefined || t === ')' || /^(?:AND|OR|WITH)$/.test(t) || !spdxIdOk(t)) return false;
    if (tokens[i] === 'WITH') {
      i++;
      const exc = tokens[i++];
      return exc !== undefined && /^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(exc);
    }
    return true;
  };
  const expr = (): boolean => {
    if (!term()) return false;
    while (tokens[i] === 'AND' || tokens[i] === 'OR') {
      i++;
      if (!term()) return false;
    }
    return true;
  };
  return expr() && i === tokens.length;
}

function validDate(m: RegExpExecArray): boolean {
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const days = new Date(Date.UTC(y!, mo!, 0)).getUTCDate();
  return mo! >= 1 && mo! <= 12 && d! >= 1 && d! <= days && h! < 24 && mi! < 60 && s! <= 60;
}

/** Whether `value` is well-formed for `type` (`text` accepts anything). */
export function labelValueOk(type: LabelType, value: string): boolean {
  switch (type) {
    case 'text':
      return true;
    case 'url':
      return /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/.test(value);
    case 'semver':
      return SEMVER.test(value);
    case 'hash':
      return /^(?:[0-9a-f]{7,40}|[0-9a-f]{64})$/.test(value);
    case 'rfc3339': {
      const m = RFC3339.exec(value);
      return m !== null && validDate(m);
    }
    case 'spdx':
      return isSpdxExpression(value);
    case 'email':
      return EMAIL.test(value);
  }
}
