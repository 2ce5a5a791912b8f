import type { Ranged } from '../../source.js';
import type { ShellCommand, ShellWord } from './types.js';
import { joinLines, toSource, type JoinedText } from './join.js';
import { unwrapCommand } from './unwrap.js';
import { decodeAnsiC } from './ansi.js';

export interface ShellLexOptions {
  /** Path of the Dockerfile, copied into every range. */
  path: string;
  /** Offset in the Dockerfile of `src[0]`. */
  offset: number;
  /** The Dockerfile escape character: `\` + newline (or `` ` `` + newline) continues a line. */
  escape: '\\' | '`';
  /**
   * Strip wrappers (`sudo`, `env`, `xargs`, `sh -c '…'`, …); default true. With false every
   * simple command comes out as written, which is what the mvdan-sh oracle compares against.
   */
  unwrap?: boolean;
  /**
   * The text is a shell script (a heredoc body) rather than a RUN line: continuations follow
   * the shell (`\` right before the newline) and comment lines are not Dockerfile comments.
   */
  script?: boolean;
  /**
   * Default true: lex the RUN text as it stands, removing continuations on the way, and join
   * them first only for the rare constructs that way does not model. False always joins
   * first (the tests check that both agree).
   */
  fast?: boolean;
}

/**
 * A word while lexing is already the output object, but its range holds offsets into the
 * joined text until `place` turns them into file offsets (once, when the word is emitted).
 */
type Word = ShellWord;

interface Inherited {
  wrappers: string[];
  assignments: ShellWord[];
  subshell: boolean;
}

const K_PAREN = 1;
const K_CASE = 2;

/** Characters that need a look in a word; everything else (and all of >= 128) is literal. */
const SPECIAL = new Uint8Array(128);
for (const ch of ' \t\n\r;&|()<>\\\'"$`*?[]~') SPECIAL[ch.charCodeAt(0)] = 1;

/** Characters that may start an operator or a redirection (`2>`) rather than a word. */
const OP_START = new Uint8Array(128);
for (const ch of ';&|()<>0123456789') OP_START[ch.charCodeAt(0)] = 1;

/** First characters of the reserved words handled in `word`. */
const KEYWORD_INITIAL = new Uint8Array(128);
for (const ch of 'itefdwuc!{}s[') KEYWORD_INITIAL[ch.charCodeAt(0)] = 1;

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}
/** Ends a word or a redirection target. */
function isMeta(c: number): boolean {
  return (
    c === 32 || c === 9 || c === 10 || c === 13 || c === 59 || c === 38 || c === 124 ||
    c === 40 || c === 41 || c === 60 || c === 62
  );
}

const MAX_DEPTH = 4;

/** Thrown (not an Error: no stack to capture) when direct lexing must start over joined. */
const BAIL = { bail: true };

function isBlankCode(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

/** Where a lexer's offsets land in the file. */
interface OffsetMap {
  fileOffset(j: number): number;
}

class Lexer implements OffsetMap {
  private readonly n: number;
  private pos = 0;
  // The word being scanned.
  private v = '';
  private dyn = false;
  /** The last scanned word is exactly its source text (no quotes or escapes). */
  private plain = true;
  // The simple command being collected.
  private words: Word[] = [];
  private assigns: Word[] = [];
  private cmdStart = -1;
  private cmdEnd = -1;
  private cmdPos = true;
  // Compound-command state.
  private stack: number[] = [];
  private caseInPattern: boolean[] = [];
  private parens = 0;
  private skipToSep = false;
  private caseHeader = false;
  private heredocs: { delim: string; strip: boolean }[] = [];
  private last: ShellCommand | null = null;
  /** A command followed by a newline: its `next` becomes `;` once another command comes. */
  private newlineAfter: ShellCommand | null = null;
  /** Direct mode: the first newline at or after `nlFrom`, found lazily. */
  private nextNewline = -1;
  private nlFrom = 0;
  /**
   * Direct mode: where the last continuation removed inside the current word started, and
   * where the text resumed after it; a word that stops right there ends before it.
   */
  private contAt = -1;
  private contEnd = -1;
  /** Direct mode: joined text of the substitution `dollar` just read, from `joinedFrom`. */
  private joinedPart: string | null = null;
  private joinedFrom = 0;
  /** Cursor into the joined text's pieces for `fileOffset`. */
  private piece = 0;

  constructor(
    private readonly s: string,
    private readonly joined: JoinedText,
    /** File offset of the lexed source string's start (top level), or its offset in `parent`. */
    private readonly base: number,
    /** The lexer whose `sh -c` argument this one lexes. */
    private readonly parent: OffsetMap | null,
    /** When set, every range is this one (the `sh -c` text could not be mapped back). */
    private readonly fixed: Ranged | null,
    private readonly path: string,
    private readonly unwrap: boolean,
    private readonly inherited: Inherited,
    private readonly depth: number,
    private readonly out: ShellCommand[],
    /**
     * Lexing the raw RUN text without joining it first (backslash escape only): continuations
     * (and the comment lines after them) are removed where they are met, between words, in
     * words, quotes and `$( … )`. The few places where that would not give what joined text
     * gives (an operator split over two lines, a backtick substitution over lines, …) throw
     * BAIL, and the caller starts over on joined text.
     */
    private readonly direct: boolean = false,
  ) {
    this.n = s.length;
  }

  fileOffset(j: number): number {
    const ts = this.joined.textStarts;
    let x = j;
    if (ts !== null) {
      // Words are placed mostly in order: walk from the last piece instead of searching.
      let k = this.piece;
      if (ts[k] > j) x = toSource(this.joined, j);
      else {
        while (k + 1 < ts.length && ts[k + 1] <= j) k++;
        this.piece = k;
        x = (this.joined.srcStarts as number[])[k] + (j - ts[k]);
      }
    }
    return this.parent === null ? this.base + x : this.parent.fileOffset(this.base + x);
  }

  private range(start: number, end: number): Ranged {
    if (this.fixed !== null) return { path: this.path, start: this.fixed.start, end: this.fixed.end };
    if (end <= start) {
      const at = this.fileOffset(start);
      return { path: this.path, start: at, end: at };
    }
    return { path: this.path, start: this.fileOffset(start), end: this.fileOffset(end - 1) + 1 };
  }

  /** Turns the joined-text range of a word being emitted into its file range. */
  private place(w: Word): ShellWord {
    const r = w.range;
    if (this.fixed !== null) {
      r.start = this.fixed.start;
      r.end = this.fixed.end;
    } else if (r.end > r.start) {
      const start = this.fileOffset(r.start);
      r.end = this.fileOffset(r.end - 1) + 1;
      r.start = start;
    } else {
      r.start = r.end = this.fileOffset(r.start);
    }
    return w;
  }

  run(): ShellCommand | null {
    const s = this.s;
    const n = this.n;
    let i = 0;
    while (i < n) {
      let c = s.charCodeAt(i);
      if (c === 32 || c === 9 || c === 13) {
        do c = s.charCodeAt(++i);
        while (c === 32 || c === 9 || c === 13);
        if (i >= n) break;
      }
      if (c === 10) {
        i++;
        // A newline separates like `;`, but only if a command follows: else next stays ''.
        this.separator('');
        if (this.last !== null && this.last.next === '') this.newlineAfter = this.last;
        if (this.heredocs.length > 0) i = this.skipHeredocs(i);
        continue;
      }
      if (c === 35) {
        i = this.skipComment(i);
        continue;
      }
      if (c === 92 && this.direct) {
        const after = this.continuationEnd(i);
        if (after >= 0) {
          i = this.skipDroppedLines(after);
          continue;
        }
      }
      if (this.cmdPos && this.stack.length > 0 && this.stack[this.stack.length - 1] === K_CASE &&
        this.caseInPattern[this.caseInPattern.length - 1]) {
        i = this.casePattern(i);
        continue;
      }
      if (c >= 128 || OP_START[c] === 0) {
        i = this.word(i);
        continue;
      }
      const d = i + 1 < n ? s.charCodeAt(i + 1) : -1;
      // An operator split by a continuation (`&\` + newline + `&`): joined text decides.
      if (d === 92 && this.direct && this.continuationEnd(i + 1) >= 0) throw BAIL;
      switch (c) {
        case 59: // ;
          if (d === 59 || d === 38) {
            i += 2;
            if (d === 59 && i < n && s.charCodeAt(i) === 38) i++;
            this.separator(';');
            if (this.stack.length > 0 && this.stack[this.stack.length - 1] === K_CASE) {
              this.caseInPattern[this.caseInPattern.length - 1] = true;
            }
          } else {
            i++;
            this.separator(';');
          }
          continue;
        case 38: // &
          if (d === 38) {
            i += 2;
            this.separator('&&');
          } else if (d === 62) {
            i = this.redirect(i, i);
          } else {
            i++;
            this.separator('&');
          }
          continue;
        case 124: // |
          i += d === 124 || d === 38 ? 2 : 1;
          this.separator(d === 124 ? '||' : '|');
          continue;
        case 40: // (
          i = this.openParen(i);
          continue;
        case 41: // )
          i++;
          this.finishCommand();
          if (this.stack.length > 0 && this.stack[this.stack.length - 1] === K_PAREN) {
            this.stack.pop();
            this.parens--;
          }
          this.cmdPos = true;
          continue;
        case 60: // <
        case 62: // >
          if (d === 40) break; // process substitution: a word
          i = this.redirect(i, i);
          continue;
        default:
          if (c >= 48 && c <= 57) {
            let j = i + 1;
            while (j < n && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
            const r = j < n ? s.charCodeAt(j) : -1;
            if ((r === 60 || r === 62) && !(j + 1 < n && s.charCodeAt(j + 1) === 40)) {
              i = this.redirect(j, i);
              continue;
            }
          }
      }
      i = this.word(i);
    }
    this.finishCommand();
    return this.last;
  }

  /** After an operator or newline: the current command ends, the next starts. */
  private separator(op: ShellCommand['next']): void {
    this.finishCommand();
    if (this.last !== null && this.last.next === '') this.last.next = op;
    this.cmdPos = true;
    this.skipToSep = false;
  }

  private extend(start: number, end: number): void {
    if (this.cmdStart < 0) this.cmdStart = start;
    this.cmdEnd = end;
  }

  private openParen(i: number): number {
    const s = this.s;
    if (this.skipToSep) return this.skipParens(i); // for (( … ))
    const j = this.skipBlanks(i + 1);
    if (j < this.n && s.charCodeAt(j) === 41 && this.words.length <= 1) {
      // `name() { … }` or `function name() …`: a definition, its body is lexed as usual.
      this.resetCommand();
      this.cmdPos = true;
      return j + 1;
    }
    if (this.cmdPos && this.words.length === 0 && this.assigns.length === 0) {
      if (i + 1 < this.n && s.charCodeAt(i + 1) === 40) return this.skipParens(i); // (( … ))
      this.stack.push(K_PAREN);
      this.parens++;
      return i + 1;
    }
    this.finishCommand();
    this.stack.push(K_PAREN);
    this.parens++;
    this.cmdPos = true;
    return i + 1;
  }

  private word(i: number): number {
    const w = this.scanWord(i);
    const end = this.pos;
    const plain = this.plain;
    if (this.skipToSep) return end;
    if (this.caseHeader) {
      if (plain && w.value === 'in') {
        this.caseHeader = false;
        this.stack.push(K_CASE);
        this.caseInPattern.push(true);
        this.cmdPos = true;
      }
      return end;
    }
    if (this.cmdPos && this.words.length === 0 && this.assigns.length === 0 && plain &&
      w.value.length <= 8 && KEYWORD_INITIAL[w.value.charCodeAt(0)] === 1) {
      switch (w.value) {
        case 'if': case 'then': case 'else': case 'elif': case 'fi': case 'do': case 'done':
        case 'while': case 'until': case '!': case '{': case '}': case 'coproc':
          return end;
        case 'esac':
          if (this.stack.length > 0 && this.stack[this.stack.length - 1] === K_CASE) {
            this.stack.pop();
            this.caseInPattern.pop();
          }
          return end;
        case 'for': case 'select':
          this.skipToSep = true;
          return end;
        case 'case':
          this.caseHeader = true;
          return end;
        case 'function': {
          const j = this.skipBlanks(end);
          if (j >= this.n || isMeta(this.s.charCodeAt(j))) return j;
          this.scanWord(j);
          return this.pos;
        }
        case '[[':
          return this.skipTest(end);
      }
    }
    if (this.words.length === 0 && this.isAssignment(i, w.range.end)) {
      this.assigns.push(w);
    } else {
      this.words.push(w);
      this.cmdPos = false;
    }
    this.extend(i, w.range.end);
    return end;
  }

  private isAssignment(start: number, end: number): boolean {
    const s = this.s;
    if (!isNameStart(s.charCodeAt(start))) return false;
    let j = start + 1;
    while (j < end && isNameChar(s.charCodeAt(j))) j++;
    if (j < end && s.charCodeAt(j) === 43) j++;
    // Direct mode: a name split by a continuation is only seen whole in joined text.
    if (j < end && s.charCodeAt(j) === 92 && this.direct) throw BAIL;
    return j < end && s.charCodeAt(j) === 61;
  }

  /** Scans one word from `i`, doing quote removal. */
  private scanWord(i: number): Word {
    const s = this.s;
    const n = this.n;
    const start = i;
    this.v = '';
    this.dyn = false;
    this.plain = true;
    let bracket = false;
    this.contEnd = -1;
    let seg = i;
    if (i + 1 < n && (s.charCodeAt(i) === 60 || s.charCodeAt(i) === 62) && s.charCodeAt(i + 1) === 40) {
      i = this.skipParens(i + 1);
      this.dyn = true;
      if (this.direct) this.checkOneLine(start, i);
    }
    scan: while (i < n) {
      let c = s.charCodeAt(i);
      while (c >= 128 || SPECIAL[c] === 0) {
        if (++i >= n) break scan;
        c = s.charCodeAt(i);
      }
      switch (c) {
        case 40: // (  only `name=( … )` keeps it in the word
          if (i > start && s.charCodeAt(i - 1) === 61 && this.words.length === 0 &&
            this.isAssignment(start, i)) {
            const open = i;
            i = this.skipParens(i);
            this.dyn = true;
            if (this.direct) this.checkOneLine(open, i);
            continue;
          }
          break scan;
        case 32: case 9: case 10: case 13: case 59: case 38: case 124: case 41: case 60: case 62:
          break scan;
        case 92: // backslash
          this.v += s.slice(seg, i);
          if (this.direct) {
            // A Dockerfile continuation inside the word: removed, as the Dockerfile does (it
            // is no quoting: `esac` split over two lines is still a reserved word).
            const after = this.continuationEnd(i);
            if (after >= 0) {
              if (i !== this.contEnd) this.contAt = i; // back to back: the word ends before the first
              i = this.skipDroppedLines(after);
              seg = this.contEnd = i;
              continue;
            }
            // `\\` + newline: the Dockerfile takes the second one as the continuation.
            if (s.charCodeAt(i + 1) === 92 && this.continuationEnd(i + 1) >= 0) throw BAIL;
          }
          this.plain = false;
          if (i + 1 >= n) {
            this.v += '\\';
            i++;
          } else {
            if (s.charCodeAt(i + 1) !== 10) this.v += s[i + 1];
            i += 2;
          }
          seg = i;
          continue;
        case 39: { // '
          this.v += s.slice(seg, i);
          this.plain = false;
          if (this.direct) {
            i = seg = this.singleQuotedDirect(i + 1);
            continue;
          }
          let close = s.indexOf("'", i + 1);
          if (close < 0) close = n;
          this.v += s.slice(i + 1, close);
          i = close + 1;
          seg = i;
          continue;
        }
        case 34: // "
          this.v += s.slice(seg, i);
          this.plain = false;
          i = this.doubleQuoted(i + 1);
          seg = i;
          continue;
        case 36: { // $
          const d = i + 1 < n ? s.charCodeAt(i + 1) : -1;
          if (d === 92 && this.direct && this.continuationEnd(i + 1) >= 0) throw BAIL;
          if (d === 39) {
            this.v += s.slice(seg, i);
            this.plain = false;
            let j = i + 2;
            while (j < n) {
              const e = s.charCodeAt(j);
              if (e === 92) j += 2;
              else if (e === 39) break;
              else j++;
            }
            if (j > n) j = n;
            if (this.direct) this.checkOneLine(i, j);
            this.v += decodeAnsiC(s.slice(i + 2, j));
            i = j + 1;
            seg = i;
            continue;
          }
          if (d === 34) {
            this.v += s.slice(seg, i);
            this.plain = false;
            i = this.doubleQuoted(i + 2);
            seg = i;
            continue;
          }
          i = this.dollar(i);
          if (this.joinedPart !== null) {
            this.v += s.slice(seg, this.joinedFrom) + this.joinedPart;
            this.joinedPart = null;
            seg = i;
          }
          continue;
        }
        case 96: { // `
          const open = i;
          i = this.skipBacktick(i);
          this.dyn = true;
          if (this.direct) this.checkOneLine(open, i);
          continue;
        }
        case 42: case 63: // * ?
          this.dyn = true;
          i++;
          continue;
        case 91: // [
          bracket = true;
          i++;
          continue;
        case 93: // ]
          if (bracket) this.dyn = true;
          i++;
          continue;
        case 126: // ~
          if (i === start) this.dyn = true;
          i++;
          continue;
        default:
          i++;
      }
    }
    if (i > n) i = n;
    this.v += s.slice(seg, i);
    this.pos = i;
    return { value: this.v, range: { path: this.path, start, end: i === this.contEnd ? this.contAt : i }, dynamic: this.dyn };
  }

  /**
   * Direct mode: when the backslash at `i` is a Dockerfile continuation (blanks may follow it
   * before the newline, or the text may end), the index after the newline; else -1.
   */
  private continuationEnd(i: number): number {
    const s = this.s;
    const n = this.n;
    let j = i + 1;
    while (j < n) {
      const c = s.charCodeAt(j);
      if (c === 10) return j + 1;
      if (c !== 32 && c !== 9 && c !== 13) return -1;
      j++;
    }
    return n;
  }

  /**
   * Direct mode: a part from `a` to `b` (backtick substitution, `$'…'`, `<( … )`, array) that
   * runs over a line end holds a continuation not modelled there: start over on joined text.
   */
  private checkOneLine(a: number, b: number): void {
    let nl = this.nextNewline;
    if (a < this.nlFrom || nl < a) {
      nl = this.s.indexOf('\n', a);
      this.nextNewline = nl = nl < 0 ? this.n : nl;
      this.nlFrom = a;
    }
    if (nl < b) throw BAIL;
  }

  /**
   * Direct mode: single-quoted text from `i` (after the quote), where the Dockerfile still
   * removes continuations and drops comment lines (a quote in those does not count).
   */
  private singleQuotedDirect(i: number): number {
    const s = this.s;
    const n = this.n;
    let seg = i;
    for (;;) {
      let close = s.indexOf("'", i);
      if (close < 0) close = n;
      let nl = s.indexOf('\n', i);
      if (nl < 0 || nl > close) {
        this.v += s.slice(seg, close);
        return close < n ? close + 1 : n;
      }
      let e = nl;
      while (e > i && isBlankCode(s.charCodeAt(e - 1))) e--;
      if (e === i || s.charCodeAt(e - 1) !== 92) throw BAIL; // a line end that is no continuation
      this.v += s.slice(seg, e - 1);
      if (e - 1 !== this.contEnd) this.contAt = e - 1;
      i = seg = this.contEnd = this.skipDroppedLines(nl + 1);
      if (i >= n) return n;
    }
  }

  /**
   * Direct mode: a `$( … )` or `${ … }` from `a` to `b` over continuation lines is kept as
   * the joined text has it (`joinedPart`), once a lexer on that text finds the same end;
   * otherwise (a dropped comment line with a quote in it, say) start over on joined text.
   */
  private joinSubstitution(a: number, b: number): void {
    let nl = this.nextNewline;
    if (a < this.nlFrom || nl < a) {
      nl = this.s.indexOf('\n', a);
      this.nextNewline = nl = nl < 0 ? this.n : nl;
      this.nlFrom = a;
    }
    if (nl >= b) return;
    const text = joinLines(this.s.slice(a, b), '\\', true).text;
    // One blank more, so that running off the end (unterminated) cannot pass for the close.
    const probe = text + ' ';
    const check = new Lexer(probe, { text: probe, textStarts: null, srcStarts: null }, 0, null, null, this.path,
      false, EMPTY_INHERITED, MAX_DEPTH, []);
    const open = text.charCodeAt(1);
    const end = open === 40 ? check.skipParens(1) : open === 123 ? check.skipBraces(1) : -1;
    // Unterminated ones (to the end of the text) too: their range would need trimming.
    const close = open === 40 ? 41 : 125;
    if (end !== text.length || text.charCodeAt(text.length - 1) !== close) throw BAIL;
    this.joinedPart = text;
    this.joinedFrom = a;
  }

  /** Blanks before a redirection target or a function name (and continuations, direct). */
  private skipBlanks(i: number): number {
    const s = this.s;
    const n = this.n;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 9) i++;
      else if (c === 92 && this.direct) {
        const after = this.continuationEnd(i);
        if (after < 0) return i;
        i = this.skipDroppedLines(after);
      } else return i;
    }
    return i;
  }

  /** Direct mode: after a continuation, the Dockerfile drops blank and comment lines. */
  private skipDroppedLines(i: number): number {
    const s = this.s;
    const n = this.n;
    while (i < n) {
      let k = i;
      let c = s.charCodeAt(k);
      while (c === 32 || c === 9 || c === 13) c = s.charCodeAt(++k);
      if (k >= n) return n;
      if (c !== 10 && c !== 35) return i;
      const eol = s.indexOf('\n', k);
      i = eol < 0 ? n : eol + 1;
    }
    return n;
  }

  /** A `#` comment: to the line end; in direct mode a continued line continues it. */
  private skipComment(i: number): number {
    const s = this.s;
    const n = this.n;
    for (;;) {
      const eol = s.indexOf('\n', i);
      if (eol < 0) return n;
      if (!this.direct) return eol;
      let e = eol;
      while (e > i && isBlankCode(s.charCodeAt(e - 1))) e--;
      if (e === i || s.charCodeAt(e - 1) !== 92) return eol;
      i = this.skipDroppedLines(eol + 1);
      if (i >= n) return n;
    }
  }

  /** `i` is just after the opening quote; appends the value, returns the index after the close. */
  private doubleQuoted(i: number): number {
    const s = this.s;
    const n = this.n;
    let seg = i;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 34) {
        this.v += s.slice(seg, i);
        return i + 1;
      }
      if (c === 92) {
        if (this.direct) {
          const after = this.continuationEnd(i);
          if (after >= 0) {
            this.v += s.slice(seg, i);
            if (i !== this.contEnd) this.contAt = i;
            i = seg = this.contEnd = this.skipDroppedLines(after);
            continue;
          }
          if (s.charCodeAt(i + 1) === 92 && this.continuationEnd(i + 1) >= 0) throw BAIL;
        }
        if (i + 1 >= n) {
          i++;
          continue;
        }
        const d = s.charCodeAt(i + 1);
        if (d === 36 || d === 96 || d === 34 || d === 92 || d === 10) {
          this.v += s.slice(seg, i);
          if (d !== 10) this.v += s[i + 1];
          seg = i + 2;
        }
        i += 2;
      } else if (c === 36) {
        i = this.dollar(i);
        if (this.joinedPart !== null) {
          this.v += s.slice(seg, this.joinedFrom) + this.joinedPart;
          this.joinedPart = null;
          seg = i;
        }
      } else if (c === 96) {
        const open = i;
        i = this.skipBacktick(i);
        this.dyn = true;
        if (this.direct) this.checkOneLine(open, i);
      } else if (c === 10 && this.direct) {
        throw BAIL; // a line end that is not a continuation: not a RUN line after all
      } else {
        i++;
      }
    }
    this.v += s.slice(seg, n);
    return n;
  }

  /** `$…` expansion at `i`, kept as written; marks the word dynamic when it is one. */
  private dollar(i: number): number {
    const s = this.s;
    const n = this.n;
    const d = i + 1 < n ? s.charCodeAt(i + 1) : -1;
    if (d === 92 && this.direct && this.continuationEnd(i + 1) >= 0) throw BAIL;
    if (d === 40 || d === 123) {
      this.dyn = true;
      const end = d === 40 ? this.skipParens(i + 1) : this.skipBraces(i + 1);
      if (this.direct) this.joinSubstitution(i, end);
      return end;
    }
    if (isNameStart(d)) {
      this.dyn = true;
      let j = i + 2;
      while (j < n && isNameChar(s.charCodeAt(j))) j++;
      return j;
    }
    // $1 $@ $* $# $? $$ $! $-
    if ((d >= 48 && d <= 57) || d === 64 || d === 42 || d === 35 || d === 63 || d === 36 ||
      d === 33 || d === 45) {
      this.dyn = true;
      return i + 2;
    }
    return i + 1;
  }

  /** `i` at `(`: returns the index after its matching `)`. */
  private skipParens(i: number): number {
    return this.skipGroup(i, 40, 41);
  }

  /** `i` at `{`: returns the index after its matching `}`. */
  private skipBraces(i: number): number {
    return this.skipGroup(i, 123, 125);
  }

  /**
   * `i` at the opening `open` char code: returns the index after the matching `close`, skipping
   * quotes, escapes, backquotes and nested `$(…)`/`${…}`. Comments only exist in parentheses
   * (a subshell or `$(…)` holds commands; `${…}` does not).
   */
  private skipGroup(i: number, open: number, close: number): number {
    const s = this.s;
    const n = this.n;
    let depth = 0;
    while (i < n) {
      const c = s.charCodeAt(i);
      switch (c) {
        case open:
          depth++;
          i++;
          break;
        case close:
          i++;
          if (--depth === 0) return i;
          break;
        case 92:
          i += 2;
          break;
        case 39: {
          const q = s.indexOf("'", i + 1);
          i = q < 0 ? n : q + 1;
          break;
        }
        case 34:
          i = this.skipDoubleQuoted(i + 1);
          break;
        case 96:
          i = this.skipBacktick(i);
          break;
        case 35: {
          const p = s.charCodeAt(i - 1);
          if (open === 40 && (p === 32 || p === 9 || p === 10)) {
            const eol = s.indexOf('\n', i);
            i = eol < 0 ? n : eol;
          } else {
            i++;
          }
          break;
        }
        case 36: {
          // A nested group of the other kind is skipped whole; one of this kind is counted above.
          const next = s.charCodeAt(i + 1);
          const other = open === 40 ? 123 : 40;
          i = next === other ? this.skipGroup(i + 1, other, other === 40 ? 41 : 125) : i + 1;
          break;
        }
        default:
          i++;
      }
    }
    return n;
  }

  /** `i` just after `"`: returns the index after the closing quote. */
  private skipDoubleQuoted(i: number): number {
    const s = this.s;
    const n = this.n;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 34) return i + 1;
      if (c === 92) i += 2;
      else if (c === 96) i = this.skipBacktick(i);
      else if (c === 36 && s.charCodeAt(i + 1) === 40) i = this.skipParens(i + 1);
      else if (c === 36 && s.charCodeAt(i + 1) === 123) i = this.skipBraces(i + 1);
      else i++;
    }
    return n;
  }

  /** `i` at a backtick: returns the index after the closing one. */
  private skipBacktick(i: number): number {
    const s = this.s;
    const n = this.n;
    i++;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 96) return i + 1;
      i += c === 92 ? 2 : 1;
    }
    return n;
  }

  /** Redirection operator at `i` (with its fd digits from `start`), then its target word. */
  private redirect(i: number, start: number): number {
    const s = this.s;
    const n = this.n;
    const c = s.charCodeAt(i);
    let heredoc = false;
    let strip = false;
    if (c === 38) {
      i += 2; // &>
      if (s.charCodeAt(i) === 62) i++;
    } else if (c === 60) {
      i++;
      const d = s.charCodeAt(i);
      if (d === 60) {
        i++;
        if (s.charCodeAt(i) === 60) {
          i++;
        } else {
          heredoc = true;
          if (s.charCodeAt(i) === 45) {
            strip = true;
            i++;
          }
        }
      } else if (d === 38 || d === 62) {
        i++;
      }
    } else {
      i++;
      const d = s.charCodeAt(i);
      if (d === 62 || d === 38 || d === 124) i++;
    }
    if (this.direct && s.charCodeAt(i) === 92 && this.continuationEnd(i) >= 0) throw BAIL;
    this.extend(start, i);
    i = this.skipBlanks(i);
    if (i >= n || (isMeta(s.charCodeAt(i)) && !(s.charCodeAt(i + 1) === 40))) return i;
    const target = this.scanWord(i);
    if (heredoc) this.heredocs.push({ delim: target.value, strip });
    this.extend(start, target.range.end);
    return this.pos;
  }

  /** At the start of a line after `<<DELIM`: skips the bodies. */
  private skipHeredocs(i: number): number {
    const s = this.s;
    const n = this.n;
    for (const h of this.heredocs) {
      while (i < n) {
        let eol = s.indexOf('\n', i);
        if (eol < 0) eol = n;
        let ls = i;
        if (h.strip) while (ls < eol && s.charCodeAt(ls) === 9) ls++;
        let le = eol;
        if (le > ls && s.charCodeAt(le - 1) === 13) le--;
        i = eol + 1;
        if (le - ls === h.delim.length && s.startsWith(h.delim, ls)) break;
      }
    }
    this.heredocs.length = 0;
    return i > n ? n : i;
  }

  /** A case item's pattern `(a|b)` up to its `)`, or the closing `esac`. */
  private casePattern(i: number): number {
    const s = this.s;
    const n = this.n;
    if (s.startsWith('esac', i) && (i + 4 >= n || isMeta(s.charCodeAt(i + 4)))) {
      this.stack.pop();
      this.caseInPattern.pop();
      return i + 4;
    }
    if (s.charCodeAt(i) === 40) i++;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 41) {
        i++;
        break;
      }
      if (c === 92) i += 2;
      else if (c === 39) {
        const close = s.indexOf("'", i + 1);
        i = close < 0 ? n : close + 1;
      } else if (c === 34) i = this.skipDoubleQuoted(i + 1);
      else if (c === 36) {
        i = this.dollar(i);
        this.joinedPart = null;
      }
      else if (c === 96) i = this.skipBacktick(i);
      else i++;
    }
    this.caseInPattern[this.caseInPattern.length - 1] = false;
    this.cmdPos = true;
    return i > n ? n : i;
  }

  /** After `[[`: skips the test up to `]]` (its operators are not command separators). */
  private skipTest(i: number): number {
    const s = this.s;
    const n = this.n;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 9 || c === 13) i++;
      else if (c === 10 || c === 59) return i;
      else if (c === 40 || c === 41 || c === 60 || c === 62 || c === 38 || c === 124) i++;
      else {
        const w = this.scanWord(i);
        i = this.pos > i ? this.pos : i + 1;
        if (this.plain && w.value === ']]') return i;
      }
    }
    return n;
  }

  private resetCommand(): void {
    if (this.words.length > 0) this.words = [];
    if (this.assigns.length > 0) this.assigns = [];
    this.cmdStart = -1;
    this.cmdEnd = -1;
  }

  private finishCommand(): void {
    if (this.words.length > 0) this.emit();
    this.resetCommand();
  }

  private emit(): void {
    if (this.newlineAfter !== null) {
      if (this.newlineAfter.next === '') this.newlineAfter.next = ';';
      this.newlineAfter = null;
    }
    const words = this.words;
    const inh = this.inherited;
    let name = 0;
    const wrappers = inh.wrappers.length === 0 ? [] : inh.wrappers.slice();
    const assignments = inh.assignments.length === 0 ? [] : inh.assignments.slice();
    for (let k = 0; k < this.assigns.length; k++) assignments.push(this.place(this.assigns[k]));
    let script = -1;
    if (this.unwrap) {
      const u = unwrapCommand(words);
      if (u !== null) {
        name = u.name;
        script = u.script;
        for (const w of u.wrappers) wrappers.push(w);
        for (const a of u.envAssigns) assignments.push(this.place(words[a]));
      }
    }
    if (script >= 0 && this.depth < MAX_DEPTH) {
      const before = this.out.length;
      const last = this.lexScript(words[script], wrappers, assignments);
      if (this.out.length > before && last !== null) {
        this.last = last;
        return;
      }
    }
    let nameWord: Word;
    let args: Word[];
    if (name === 0) {
      // The collected array becomes the arguments: no copy.
      nameWord = words.shift() as Word;
      args = words;
      this.words = [];
    } else {
      nameWord = words[name];
      args = words.slice(name + 1);
    }
    for (let k = 0; k < args.length; k++) this.place(args[k]);
    const cmd: ShellCommand = {
      name: nameWord.value,
      nameWord: this.place(nameWord),
      args,
      wrappers,
      assignments,
      range: this.range(this.cmdStart, this.cmdEnd),
      subshell: inh.subshell || this.parens > 0,
      next: '',
    };
    this.out.push(cmd);
    this.last = cmd;
  }

  /** Lexes the string of `sh -c '…'` as a script of its own. */
  private lexScript(arg: Word, wrappers: string[], assignments: ShellWord[]): ShellCommand | null {
    const s = this.s;
    const { start, end } = arg.range;
    let raw = s.slice(start, end);
    // Direct mode, over a continuation: compare with (and map through) the joined argument.
    let argJoined: JoinedText | null = null;
    if (this.direct && raw.indexOf('\n') >= 0) {
      argJoined = joinLines(raw, '\\', true);
      raw = argJoined.text;
    }
    let base = -1;
    if (raw === arg.value) base = 0;
    else if (raw.length >= 2) {
      const q = raw.charCodeAt(0);
      if ((q === 39 || q === 34) && raw.charCodeAt(raw.length - 1) === q && raw.slice(1, -1) === arg.value) {
        base = 1;
      }
    }
    let parent: OffsetMap = this;
    if (argJoined !== null) {
      const aj = argJoined;
      parent = { fileOffset: (x: number): number => this.fileOffset(start + toSource(aj, x)) };
    } else if (base >= 0) {
      base += start;
    }
    const joined = joinLines(arg.value, '\\', false);
    const fixed = base < 0 ? this.range(start, end) : null;
    const inner = new Lexer(joined.text, joined, base, parent, fixed, this.path, this.unwrap, {
      wrappers: wrappers.concat('sh -c'),
      assignments,
      subshell: true,
    }, this.depth + 1, this.out);
    return inner.run();
  }
}

/**
 * Split shell text (a RUN's shell form, or a heredoc script) into simple commands.
 * Never throws: on malformed input it returns what it could make out.
 */
export function parseShell(src: string, opts: ShellLexOptions): ShellCommand[] {
  const out: ShellCommand[] = [];
  const unwrap = opts.unwrap !== false;
  if (opts.script !== true && opts.escape === '\\' && opts.fast !== false && !endsWithEscape(src)) {
    try {
      const identity: JoinedText = { text: src, textStarts: null, srcStarts: null };
      new Lexer(src, identity, opts.offset, null, null, opts.path, unwrap, EMPTY_INHERITED, 0, out, true).run();
      return out;
    } catch {
      // BAIL (or a lexer bug): start over on the joined text.
      out.length = 0;
    }
  }
  try {
    const joined = joinLines(src, opts.escape, opts.script !== true);
    new Lexer(joined.text, joined, opts.offset, null, null, opts.path, unwrap, EMPTY_INHERITED, 0, out).run();
  } catch {
    // A lexer bug must not take the linter down; keep the commands found so far.
  }
  return out;
}

/** A trailing escape continues into nothing, inside quotes too: left to the joined path. */
function endsWithEscape(src: string): boolean {
  let e = src.length;
  while (e > 0 && isBlankCode(src.charCodeAt(e - 1))) e--;
  return e > 0 && src.charCodeAt(e - 1) === 92;
}

const EMPTY_INHERITED: Inherited = { wrappers: [], assignments: [], subshell: false };
