/**
 * Translation of other linters' configs for `compose-lint init`: hadolint's `.hadolint.yaml`
 * (`ignored`, `override`, `trustedRegistries`, `failure-threshold`) and dclint's `.dclintrc`
 * (`rules` with 0/1/2 levels, `exclude`). Codes go through our alias table; a code we do not know
 * is kept as a comment so nothing the user configured disappears silently.
 */
import { parse } from 'yaml';
import type { AliasIndex } from '../config/aliases.js';

export interface Translation {
  /** Our id → severity or off, with the upstream code it came from. */
  rules: Map<string, { level: string; from: string; options?: Record<string, unknown> }>;
  /** Lines to keep as comments: codes without an equivalent, settings we do not have. */
  notes: string[];
  ignore: string[];
  trustedRegistries?: string[];
  failOn?: string;
}

export function emptyTranslation(): Translation {
  return { rules: new Map(), notes: [], ignore: [] };
}

function setRule(t: Translation, index: AliasIndex, code: string, level: string, source: string, options?: Record<string, unknown>): void {
  const match = index.lookup(code);
  if (!match) {
    t.notes.push(`${source} ${code}: ${level} has no compose-lint equivalent`);
    return;
  }
  for (const id of match.ids) {
    const prev = t.rules.get(id);
    if (prev && prev.level !== level) {
      t.notes.push(`${source} ${code}: ${level} conflicts with ${prev.from}: ${prev.level} (both are ${id}); kept ${prev.level}`);
      continue;
    }
    if (!prev) t.rules.set(id, { level, from: `${source} ${match.canonical}`, ...(options ? { options } : {}) });
  }
}

const asStrings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function translateHadolint(text: string, index: AliasIndex, t: Translation = emptyTranslation()): Translation {
  let doc: Record<string, unknown>;
  try {
    doc = (parse(text) ?? {}) as Record<string, unknown>;
  } catch (e) {
    t.notes.push(`.hadolint.yaml could not be read: ${(e as Error).message.split('\n')[0]}`);
    return t;
  }
  for (const code of asStrings(doc.ignored)) setRule(t, index, code, 'off', 'hadolint');
  const override = (doc.override ?? {}) as Record<string, unknown>;
  const levels: Record<string, string> = { error: 'error', warning: 'warning', info: 'info', style: 'info' };
  for (const [key, level] of Object.entries(levels)) for (const code of asStrings(override[key])) setRule(t, index, code, level, 'hadolint');
  const registries = asStrings(doc.trustedRegistries);
  if (registries.length) t.trustedRegistries = registries;
  const threshold = doc['failure-threshold'];
  const failOn: Record<string, string> = { error: 'error', warning: 'warning', info: 'info', style: 'info', ignore: 'never', none: 'never' };
  if (typeof threshold === 'string' && failOn[threshold]) t.failOn = failOn[threshold];
  return t;
}

export function translateDclint(text: string, index: AliasIndex, t: Translation = emptyTranslation()): Translation {
  let doc: Record<string, unknown>;
  try {
    doc = (parse(text) ?? {}) as Record<string, unknown>;
  } catch (e) {
    t.notes.push(`.dclintrc could not be read: ${(e as Error).message.split('\n')[0]}`);
    return t;
  }
  const levels = ['off', 'warning', 'error'];
  for (const [code, value] of Object.entries((doc.rules ?? {}) as Record<string, unknown>)) {
    const raw = Array.isArray(value) ? value[0] : value;
    const level = typeof raw === 'number' ? levels[raw] : typeof raw === 'string' && levels.includes(raw) ? raw : undefined;
    if (!level) {
      t.notes.push(`dclint ${code}: ${JSON.stringify(value)} is not a level compose-lint understands`);
      continue;
    }
    // dclint's options have their own names; they are noted, not guessed.
    if (Array.isArray(value) && value[1] !== undefined) t.notes.push(`dclint ${code} options ${JSON.stringify(value[1])} were not translated`);
    setRule(t, index, code, level, 'dclint');
  }
  t.ignore.push(...asStrings(doc.exclude));
  return t;
}
