/**
 * The "head" of an instruction: keyword, flags, argument words, JSON form and heredoc markers,
 * read from its logical line. Computed while scanning because heredoc bodies follow the line.
 */
import type { HeredocRequest, LogicalLine } from './scan.js';
import { parseJsonArray, splitWords, unquote, type JsonItem, type RawWord, type SplitMode } from './words.js';

export interface RawFlag {
  word: RawWord;
  name: string;
  value: string | null;
  /** Logical index of the first value character (after `=`), or -1. */
  valueStart: number;
}

export interface RawMarker {
  name: string;
  stripTabs: boolean;
  quoted: boolean;
  /** Logical span of `<<EOF` (fd digits included). */
  start: number;
  end: number;
  /** Index of the word holding the marker in `Head.words`. */
  wordIndex: number;
}

export interface Head {
  line: LogicalLine;
  keywordRaw: string;
  keyword: string;
  kwEnd: number;
  flags: RawFlag[];
  /** Logical index where the arguments start (line length when none). */
  argsStart: number;
  words: RawWord[];
  json: JsonItem[] | null;
  /** For `HEALTHCHECK CMD [...]`: the words before the JSON array. */
  jsonPrefix: RawWord[];
  markers: RawMarker[];
}

const SPLIT_MODE: Record<string, SplitMode> = {
  FROM: 'blanks',
  COPY: 'blanks',
  ADD: 'blanks',
  EXPOSE: 'blanks',
  VOLUME: 'blanks',
  USER: 'whole',
  WORKDIR: 'whole',
  STOPSIGNAL: 'whole',
  MAINTAINER: 'whole',
};
const JSON_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'VOLUME']);
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);
const MARKER = /^(\d*)<<(-?)/;
const MARKER_NAME = /^(?:[^\s<>|;&()'"]|'[^']*'|"[^"]*")+/;

export function readHead(line: LogicalLine, escape: string): Head {
  const s = line.text;
  let kwEnd = 0;
  while (kwEnd < s.length && s[kwEnd] !== ' ' && s[kwEnd] !== '\t') kwEnd++;
  const keywordRaw = s.slice(0, kwEnd);
  const keyword = keywordRaw.toUpperCase();
  const all = splitWords(s, kwEnd, escape);
  const flags: RawFlag[] = [];
  let w = 0;
  for (; w < all.length; w++) {
    const word = all[w]!;
    if (!word.raw.startsWith('--') || word.raw === '--') break;
    const eq = word.raw.indexOf('=');
    const name = eq < 0 ? word.raw.slice(2) : word.raw.slice(2, eq);
    const valueStart = eq < 0 ? -1 : word.start + eq + 1;
    const value = eq < 0 ? null : unquote(s, valueStart, word.end, escape);
    flags.push({ word, name, value, valueStart });
  }
  const argsStart = w < all.length ? all[w]!.start : s.length;
  const mode = SPLIT_MODE[keyword];
  const words = mode ? splitWords(s, argsStart, escape, mode) : all.slice(w);
  let json: JsonItem[] | null = null;
  let jsonPrefix: RawWord[] = [];
  if (JSON_KEYWORDS.has(keyword) && s[argsStart] === '[') json = parseJsonArray(s, argsStart);
  else if (keyword === 'HEALTHCHECK' && words.length > 1 && words[0]!.value.toUpperCase() === 'CMD' && s[words[1]!.start] === '[') {
    json = parseJsonArray(s, words[1]!.start);
    if (json) jsonPrefix = [words[0]!];
  }
  const markers: RawMarker[] = [];
  if (!json) {
    let from = -1;
    if (HEREDOC_KEYWORDS.has(keyword)) from = 0;
    else if (keyword === 'ONBUILD' && words.length > 0 && HEREDOC_KEYWORDS.has(words[0]!.value.toUpperCase())) from = 1;
    if (from >= 0) {
      for (let k = from; k < words.length; k++) {
        const word = words[k]!;
        const m = MARKER.exec(word.raw);
        if (!m) continue;
        const rest = word.raw.slice(m[0].length);
        const nm = MARKER_NAME.exec(rest);
        if (!nm) continue;
        const nameStart = word.start + m[0].length;
        const name = unquote(s, nameStart, nameStart + nm[0].length, escape);
        if (name === '') continue;
        markers.push({
          name,
          stripTabs: m[2] === '-',
          quoted: /['"]/.test(nm[0]),
          start: word.start,
          end: nameStart + nm[0].length,
          wordIndex: k,
        });
      }
    }
  }
  return { line, keywordRaw, keyword, kwEnd, flags, argsStart, words, json, jsonPrefix, markers };
}

export function heredocRequests(head: Head): HeredocRequest[] {
  return head.markers.map((m) => ({ name: m.name, stripTabs: m.stripTabs }));
}
