/**
 * The "head" of an instruction: keyword, flags, argument words, JSON form and heredoc markers,
 * read from its logical line. Computed while scanning because heredoc bodies follow the line.
 */
import type { HeredocRequest, LogicalLine } from './scan.js';
import { nextWord, parseJsonArray, splitWords, unquote, type JsonItem, type RawWord, type SplitMode } from './words.js';

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
  /**
   * The argument words; null until `argWords` is asked for them. A RUN's words are read only
   * when it may hold heredoc markers: a RUN's commands come from the shell lexer, and its words
   * (most of the words of a Dockerfile) are seldom wanted.
   */
  words: RawWord[] | null;
  /** The first argument word, already read after the flags. */
  first: RawWord | undefined;
  escape: string;
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
// Shared by the heads that have none (most): never written to, `readHead` replaces them first.
const NO_WORDS: RawWord[] = [];
const NO_MARKERS: RawMarker[] = [];
const MARKER = /^(\d*)<<(-?)/;
const MARKER_NAME = /^(?:[^\s<>|;&()'"]|'[^']*'|"[^"]*")+/;

export function readHead(line: LogicalLine, escape: string): Head {
  const s = line.text;
  let kwEnd = 0;
  while (kwEnd < s.length && s[kwEnd] !== ' ' && s[kwEnd] !== '\t') kwEnd++;
  const keywordRaw = s.slice(0, kwEnd);
  const keyword = keywordRaw.toUpperCase();
  // Flags are read as shell words up to the first word that is not one; the arguments are then
  // split from there in the keyword's own mode (reading the whole line twice cost a second pass).
  const flags: RawFlag[] = [];
  let first = nextWord(s, kwEnd, escape, 'quoted', s.length);
  for (; first && first.raw.startsWith('--') && first.raw !== '--'; first = nextWord(s, first.end, escape, 'quoted', s.length)) {
    const word = first;
    const eq = word.raw.indexOf('=');
    const name = eq < 0 ? word.raw.slice(2) : word.raw.slice(2, eq);
    const valueStart = eq < 0 ? -1 : word.start + eq + 1;
    const value = eq < 0 ? null : unquote(s, valueStart, word.end, escape);
    flags.push({ word, name, value, valueStart });
  }
  const argsStart = first ? first.start : s.length;
  const head: Head = { line, keywordRaw, keyword, kwEnd, flags, argsStart, words: null, first, escape, json: null, jsonPrefix: NO_WORDS, markers: NO_MARKERS };
  if (JSON_KEYWORDS.has(keyword) && s[argsStart] === '[') head.json = parseJsonArray(s, argsStart);
  // Without `<<` no word of a RUN can be a heredoc marker.
  if (keyword === 'RUN' && (head.json !== null || !s.includes('<<', argsStart))) return head;
  const words = argWords(head);
  if (!head.json && keyword === 'HEALTHCHECK' && words.length > 1 && words[0]!.value.toUpperCase() === 'CMD' && s[words[1]!.start] === '[') {
    head.json = parseJsonArray(s, words[1]!.start);
    if (head.json) head.jsonPrefix = [words[0]!];
  }
  const json = head.json;
  if (!json) {
    let from = -1;
    if (HEREDOC_KEYWORDS.has(keyword)) from = 0;
    else if (keyword === 'ONBUILD' && words.length > 0 && HEREDOC_KEYWORDS.has(words[0]!.value.toUpperCase())) from = 1;
    if (from >= 0) {
      for (let k = from; k < words.length; k++) {
        const word = words[k]!;
        const m = word.raw.includes('<<') ? MARKER.exec(word.raw) : null;
        if (!m) continue;
        const rest = word.raw.slice(m[0].length);
        const nm = MARKER_NAME.exec(rest);
        if (!nm) continue;
        const nameStart = word.start + m[0].length;
        const name = unquote(s, nameStart, nameStart + nm[0].length, escape);
        if (name === '') continue;
        if (head.markers === NO_MARKERS) head.markers = [];
        head.markers.push({
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
  return head;
}

/** The argument words, split in the keyword's mode (computed once, on first use). */
export function argWords(head: Head): RawWord[] {
  if (head.words) return head.words;
  const s = head.line.text;
  const mode = SPLIT_MODE[head.keyword];
  if (mode) return (head.words = splitWords(s, head.argsStart, head.escape, mode));
  const words: RawWord[] = head.first ? [head.first] : [];
  for (let w = head.first && nextWord(s, head.first.end, head.escape, 'quoted', s.length); w; w = nextWord(s, w.end, head.escape, 'quoted', s.length)) words.push(w);
  return (head.words = words);
}

const NO_REQUESTS: HeredocRequest[] = [];

export function heredocRequests(head: Head): HeredocRequest[] {
  if (head.markers.length === 0) return NO_REQUESTS;
  return head.markers.map((m) => ({ name: m.name, stripTabs: m.stripTabs }));
}
