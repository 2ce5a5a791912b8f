/**
 * A cheap text pre-scan that tells, before linting, whether a compose file may make lint() read a
 * file outside its own folder subtree. The streaming run (stream.ts) uses the answer to decide
 * when a unit's results are final and may be written out.
 *
 * The scan must err one way only. Answering true for a file that stays home only costs memory
 * (its unit is held back until the end); answering false for a file that reaches out can change
 * the output. So everything it cannot place is treated as reaching out.
 *
 * It is a line scan, not a YAML parse: a line is "suspicious" when it holds `..`, `$`, `~` or an
 * absolute path at the start of a scalar, and a suspicious line is excused only when it lies
 * under a key whose value lint() never reads as a path (environment, labels, command, …), found
 * by indentation. Anchored nodes are never excused, since an alias may copy them anywhere; nor
 * is anything the indentation cannot place (tabs, flow or complex keys at a line start, a key out
 * of line with its siblings, which the YAML parser may nest elsewhere), nor a harmless word used
 * as the name of a service, secret or config. `include`, `extends` with a file and
 * `project_directory` load compose files this scan never sees, so they always reach out.
 */

/** Keys whose values lint() never opens as files (bind mounts are only checked for existence). */
const HARMLESS_KEYS = new Set([
  'environment',
  'labels',
  'annotations',
  'command',
  'entrypoint',
  'healthcheck',
  'volumes',
  'ports',
  'expose',
  'image',
  'devices',
  'tmpfs',
  'sysctls',
  'extra_hosts',
  'working_dir',
  'user',
  'hostname',
  'domainname',
  'dns',
  'dns_search',
  'logging',
  'deploy',
  'networks',
  'container_name',
  'restart',
  'stop_signal',
  'mac_address',
  'ulimits',
  'cap_add',
  'cap_drop',
  'security_opt',
  // Build arguments and inline Dockerfiles are text handed to the build, not paths.
  'args',
  'dockerfile_inline',
  'tags',
  'platform',
  'ipc',
  'pid',
  'network_mode',
  'depends_on',
  'links',
  'profiles',
  'pull_policy',
  'stop_grace_period',
]);
/** Keys longer than every key we compare are not sliced out of the text. */
const MAX_KEY = 'project_directory'.length;

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const DQ = 0x22;
const SQ = 0x27;
const HASH = 0x23;
const DOLLAR = 0x24;
const TILDE = 0x7e;
const DOT = 0x2e;
const SLASH = 0x2f;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const EQUALS = 0x3d;
const DASH = 0x2d;
const AMP = 0x26;
const BANG = 0x21;
const PIPE = 0x7c;
const GT = 0x3e;
const QUESTION = 0x3f;
const PERCENT = 0x25;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const LBRACE = 0x7b;
const RBRACE = 0x7d;

/** Stack entry flags, inherited by the keys below: the chain holds a harmless key / `extends`. */
const F_HARMLESS = 1;
const F_EXTENDS = 2;
/** A top-level section whose keys are names chosen by the user (a service may be called `dns`). */
const F_NAMES = 4;
const NAME_SECTIONS = new Set(['services', 'secrets', 'configs', 'models']);
/** No region / no block scalar. */
const NONE = -2;

/**
 * Character-class searches run natively, so the byte-by-byte loops only visit the characters that
 * matter (the scan runs once per file, mostly before the JIT has warmed up). Each class holds the
 * line breaks, so a search never runs past its line; `test` with /g allocates nothing.
 */
/** A lone CR ends a line too (YAML 1.2), so an old Mac file does not become one line. */
const BREAK = /[\n\r]/g;
const PLAIN_STOP = /[\n\r#.$~:[{,=]/g;
const QUOTED_STOP = /[\n\r"'\\$~.=]/g;
const KEY_STOP = /[\n\r:#]/g;
const BLOCK_STOP = /[\n\r$~.=]/g;

/** The first offset at or after `i` matching `re` (which must match line breaks), or the text's end. */
function nextStop(re: RegExp, t: string, i: number): number {
  re.lastIndex = i;
  return re.test(t) ? re.lastIndex - 1 : t.length;
}

const isBlank = (c: number): boolean => c === SPACE || c === TAB;
const isLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/**
 * True when linting this compose file might read a file outside its own folder and the folders
 * below it. Conservative: when unsure, true. Never throws.
 */
export function composeMayReachOut(text: string): boolean {
  try {
    return scanComposeReach(text);
  } catch {
    // A bug in the scan must not decide for the output: holding a unit back is always safe.
    return true;
  }
}

/** The scan without the safety net (tests check on real files that it never needs one). */
export function scanComposeReach(text: string): boolean {
  return new ComposeScan(text).run();
}

class ComposeScan {
  private readonly t: string;
  /** The block-mapping keys of the lines above, as parallel arrays (no object per line). */
  private readonly indents: number[] = [];
  private readonly flags: number[] = [];
  private sp = 0;
  /**
   * Lines where no key excuses a suspicious token: anchored nodes and shapes we cannot place.
   * A line is inside while its indentation exceeds `regionT`, unless it is a sibling `- ` item
   * at column `regionDash` (an anchored item ends where the next item of its sequence starts).
   */
  private regionT = NONE;
  private regionDash = -1;
  /** In a block scalar: lines indented deeper than this are its content. */
  private blockT = NONE;
  /** An open multi-line quoted scalar (its quote character), and the indentation of its opener. */
  private quote = 0;
  private quoteIndent = 0;

  /** The line's own key, set by parseKey (sliced only when short enough to matter; else ''). */
  private key = '';
  // Findings of scanSegment for the current line.
  private suspicious = false;
  private anchor = -1;
  private block = false;
  private keyword = false;

  constructor(text: string) {
    this.t = text;
  }

  run(): boolean {
    const t = this.t;
    const n = t.length;
    let ls = t.charCodeAt(0) === 0xfeff ? 1 : 0;
    while (ls <= n) {
      const le = nextStop(BREAK, t, ls);
      if (this.line(ls, le)) return true;
      if (le >= n) break;
      ls = le + (t.charCodeAt(le) === CR && t.charCodeAt(le + 1) === LF ? 2 : 1);
    }
    return false;
  }

  /** Judges one line [ls, le); true when it may reach out. */
  private line(ls: number, le: number): boolean {
    const t = this.t;
    let p = ls;
    while (p < le && t.charCodeAt(p) === SPACE) p++;
    const spaces = p - ls;
    const blank = isBlankRest(t, p, le);

    // Document markers end everything, even an open quote or a block scalar (YAML does the same).
    if (spaces === 0 && isDocMarker(t, ls, le)) {
      this.sp = 0;
      this.regionT = NONE;
      this.regionDash = -1;
      this.blockT = NONE;
      this.quote = 0;
      // Content after the marker (`--- |`, `--- {…}`) is a shape we do not place.
      this.resetFindings();
      const rest = skipBlanks(t, ls + 3, le);
      this.scanSegment(rest, le, rest, -1, -1);
      return this.suspicious || this.keyword;
    }

    // Block scalar content: no comments, no keys, just text under the key that owns it.
    if (this.blockT !== NONE) {
      if (blank) return false;
      if (spaces > this.blockT) return this.blockContent(p, le);
      this.blockT = NONE;
    }

    if (this.quote !== 0) {
      if (blank) return false;
      // A continuation less indented than its opener is broken YAML: nothing below can be trusted.
      if (spaces <= this.quoteIndent) this.startRegion(-1, -1);
      this.resetFindings();
      this.scanSegment(p, le, -1, -1, -1);
      if (this.keyword) return true;
      return this.suspicious && (this.regionT !== NONE || !this.harmlessTop());
    }

    if (blank) return false;
    let q = p;
    while (q < le && isBlank(t.charCodeAt(q))) q++;
    const first = t.charCodeAt(q);
    if (first === HASH) return false;
    const hasTab = q > p;
    if (spaces === 0 && first === PERCENT) {
      // A directive: nothing to place, only its own tokens count.
      this.resetFindings();
      this.scanSegment(q, le, q, -1, -1);
      return this.suspicious || this.keyword;
    }

    // Indentation is the column after the leading spaces and any `- ` markers.
    let c = q;
    let lastDash = -1;
    while (c < le && t.charCodeAt(c) === DASH && (c + 1 >= le || isBlank(t.charCodeAt(c + 1)))) {
      lastDash = c - ls;
      c++;
      while (c < le && isBlank(t.charCodeAt(c))) c++;
    }
    const ind = c - ls;
    const startsDash = lastDash >= 0;
    const lead = t.charCodeAt(c);
    let unplaceable =
      hasTab ||
      first === LBRACE ||
      first === LBRACKET ||
      first === QUESTION ||
      (lead === QUESTION && (c + 1 >= le || isBlank(t.charCodeAt(c + 1)))) ||
      (first === COLON && (q + 1 >= le || isBlank(t.charCodeAt(q + 1))));

    let popped = NONE;
    while (this.sp > 0 && this.indents[this.sp - 1]! >= ind) popped = this.indents[--this.sp]!;
    // A key that closes deeper keys must line up with one of them, else the YAML is broken and the
    // parser may nest it anywhere. Items (`- `) are left out: a nested sequence legitimately ends
    // at a column no key used.
    if (popped !== NONE && popped !== ind && !startsDash) unplaceable = true;

    if (this.regionT !== NONE) {
      const inside = ind > this.regionT && !(startsDash && spaces === this.regionDash);
      if (!inside) {
        this.regionT = NONE;
        this.regionDash = -1;
      }
    }
    if (unplaceable && this.regionT === NONE) {
      // With tabs the columns mean nothing: distrust the rest of the document.
      if (hasTab) this.startRegion(-1, -1);
      else this.startRegion(ind, -1);
    }

    const depth = this.sp;
    const parent = depth > 0 ? this.flags[depth - 1]! : 0;
    const keyColon = this.parseKey(c, le);
    const key = this.key;
    // A harmless word as the name of a service, secret or config excuses nothing: its `build` or
    // `file` below is read all the same.
    const ownHarmless = key !== '' && HARMLESS_KEYS.has(key) && !(depth === 1 && (parent & F_NAMES) !== 0);
    const harmless = (parent & F_HARMLESS) !== 0 || ownHarmless;

    // Keys that make lint() read compose files the pre-scan never sees.
    if (key === 'include' || key === 'project_directory') return true;
    // Under `extends` only `service` stays in this file: `file` (or anything odd) loads another.
    if ((parent & F_EXTENDS) !== 0 && key !== 'service') return true;
    if (key === 'extends' && keyColon >= 0 && !plainName(t, keyColon + 1, le)) return true;

    if (keyColon >= 0) {
      this.indents[this.sp] = ind;
      let own = ownHarmless ? F_HARMLESS : key === 'extends' ? F_EXTENDS : 0;
      if (depth === 0 && NAME_SECTIONS.has(key)) own |= F_NAMES;
      this.flags[this.sp] = parent | own;
      this.sp++;
    }

    this.resetFindings();
    this.scanSegment(c, le, c, keyColon, keyColon >= 0 ? keyColon + 1 : c);
    if (this.keyword) return true;

    if (this.anchor >= 0 && this.regionT === NONE) {
      // `- &a …` anchors the item (ended by its next sibling); `key: &a` anchors the key's value.
      const itemAnchor = startsDash && (keyColon < 0 || this.anchor < keyColon);
      if (itemAnchor) this.startRegion(lastDash, lastDash);
      else this.startRegion(ind, -1);
    }
    if (this.block) {
      if (keyColon >= 0) this.blockT = ind;
      else if (startsDash) this.blockT = lastDash;
      else {
        // A bare `|` line: its owner is unclear, so its content is not excused by any key.
        this.blockT = spaces - 1;
        if (this.regionT === NONE) this.startRegion(spaces - 1, -1);
      }
    }
    if (this.quote !== 0) this.quoteIndent = spaces;

    if (!this.suspicious) return false;
    return this.regionT !== NONE || !harmless;
  }

  private blockContent(p: number, le: number): boolean {
    const t = this.t;
    let sus = startsAbsolute(t, p, le);
    for (let i = nextStop(BLOCK_STOP, t, p); i < le && !sus; i = nextStop(BLOCK_STOP, t, i + 1)) {
      const ch = t.charCodeAt(i);
      sus =
        ch === DOLLAR ||
        ch === TILDE ||
        (ch === DOT && t.charCodeAt(i + 1) === DOT) ||
        (ch === EQUALS && valueIsAbsolute(t, i + 1, le));
    }
    return sus && (this.regionT !== NONE || !this.harmlessTop());
  }

  private harmlessTop(): boolean {
    return this.sp > 0 && (this.flags[this.sp - 1]! & F_HARMLESS) !== 0;
  }

  private startRegion(threshold: number, dashCol: number): void {
    this.regionT = threshold;
    this.regionDash = dashCol;
  }

  private resetFindings(): void {
    this.suspicious = false;
    this.anchor = -1;
    this.block = false;
    this.keyword = false;
  }

  /**
   * Finds the block-mapping key that starts at `c`, sets `this.key` and returns the offset of its
   * colon, or -1 when the line has no key.
   */
  private parseKey(c: number, le: number): number {
    const t = this.t;
    this.key = '';
    let i = c;
    // Properties before a key (`&a key:`, `!!str key:`).
    while (i < le && (t.charCodeAt(i) === AMP || t.charCodeAt(i) === BANG)) {
      while (i < le && !isBlank(t.charCodeAt(i))) i++;
      while (i < le && isBlank(t.charCodeAt(i))) i++;
    }
    if (i >= le) return -1;
    const ch = t.charCodeAt(i);
    if (ch === DQ || ch === SQ) {
      const close = closingQuote(t, i, le);
      if (close < 0) return -1;
      let j = close + 1;
      while (j < le && isBlank(t.charCodeAt(j))) j++;
      if (j >= le || t.charCodeAt(j) !== COLON || !(j + 1 >= le || isBlank(t.charCodeAt(j + 1)))) return -1;
      if (close - i - 1 <= MAX_KEY) this.key = t.slice(i + 1, close);
      return j;
    }
    if (!canStartPlainKey(ch)) return -1;
    for (let j = nextStop(KEY_STOP, t, i); j < le; j = nextStop(KEY_STOP, t, j + 1)) {
      const cj = t.charCodeAt(j);
      if (cj === COLON && (j + 1 >= le || isBlank(t.charCodeAt(j + 1)))) {
        let e = j;
        while (e > i && isBlank(t.charCodeAt(e - 1))) e--;
        if (e - i <= MAX_KEY) this.key = t.slice(i, e);
        return j;
      }
      if (cj === HASH && isBlank(t.charCodeAt(j - 1))) return -1;
    }
    return -1;
  }

  /**
   * Scans [from, le) for suspicious tokens, outside comments, and notes anchors, a block scalar
   * indicator at `main`, an open quote at the end, and `include:` / `extends:` /
   * `project_directory:` written as keys after the line's own key (flow mappings). `vs` is the
   * first offset where a scalar starts (-1: the segment continues a quoted scalar, see
   * `this.quote`); `keyColon` is the colon of the line's own key (-1: none); `main` is where the
   * line's value starts, the one place a block scalar header counts.
   */
  private scanSegment(from: number, le: number, vs: number, keyColon: number, main: number): void {
    const t = this.t;
    let quote = this.quote;
    let closedAt = -2;
    let i = from;
    while (i < le) {
      if (i !== vs) {
        // Jump to the next character that matters, or to the next scalar start if nearer.
        let next = nextStop(quote !== 0 ? QUOTED_STOP : PLAIN_STOP, t, i);
        if (next > le) next = le;
        if (vs > i && vs < next) next = vs;
        if (next >= le) break;
        i = next;
      }
      const ch = t.charCodeAt(i);
      if (quote !== 0) {
        if (ch === quote) {
          if (quote === SQ && t.charCodeAt(i + 1) === SQ) {
            i += 2;
            continue;
          }
          quote = 0;
          closedAt = i;
        } else if (ch === BACKSLASH && quote === DQ) {
          // An escape may spell `.`, `/` or `$` in disguise.
          this.suspicious = true;
          i += 2;
          continue;
        } else if (ch === DOLLAR || ch === TILDE || (ch === DOT && t.charCodeAt(i + 1) === DOT)) {
          this.suspicious = true;
        } else if (ch === EQUALS && valueIsAbsolute(t, i + 1, le)) {
          this.suspicious = true;
        }
        i++;
        continue;
      }
      if (i === vs) {
        if (startsAbsolute(t, i, le)) this.suspicious = true;
        if (i > keyColon && this.keywordKeyAt(i, le)) {
          this.keyword = true;
          return;
        }
        if (ch === DQ || ch === SQ) {
          quote = ch;
          if (startsAbsolute(t, i + 1, le)) this.suspicious = true;
          if (i + 1 > keyColon && this.keywordKeyAt(i + 1, le)) {
            this.keyword = true;
            return;
          }
          i++;
          continue;
        }
        if ((ch === AMP || ch === BANG) && i + 1 < le && !isBlank(t.charCodeAt(i + 1))) {
          if (ch === AMP) this.anchor = i;
          // Names end at a blank or a flow indicator (`[&a,/x]` holds two scalars).
          while (i < le && !isBlank(t.charCodeAt(i)) && !isFlowIndicator(t.charCodeAt(i))) i++;
          while (i < le && isBlank(t.charCodeAt(i))) i++;
          if (vs === main) main = i;
          vs = i;
          continue;
        }
        if ((ch === PIPE || ch === GT) && i === main && isBlockHeader(t, i + 1, le)) {
          this.block = true;
          this.quote = 0;
          return;
        }
      }
      switch (ch) {
        case HASH:
          if (i === from || isBlank(t.charCodeAt(i - 1))) {
            this.quote = 0;
            return;
          }
          break;
        case DOT:
          if (t.charCodeAt(i + 1) === DOT) this.suspicious = true;
          break;
        case DOLLAR:
        case TILDE:
          this.suspicious = true;
          break;
        case COLON:
          if (i + 1 >= le || isBlank(t.charCodeAt(i + 1))) {
            vs = skipBlanks(t, i + 1, le);
            if (i === keyColon) main = vs;
          } else if (closedAt === i - 1) {
            // JSON-like `"key":value`.
            vs = skipBlanks(t, i + 1, le);
          }
          break;
        case LBRACKET:
        case LBRACE:
        case COMMA:
          vs = skipBlanks(t, i + 1, le);
          break;
        case EQUALS:
          if (valueIsAbsolute(t, i + 1, le)) this.suspicious = true;
          break;
        default:
          break;
      }
      i++;
    }
    this.quote = quote;
  }

  /** `include:`, `project_directory:` or `extends:` as a key at `i` (inside a flow mapping). */
  private keywordKeyAt(i: number, le: number): boolean {
    const t = this.t;
    const c = t.charCodeAt(i);
    let word: string;
    if (c === 0x69) word = 'include';
    else if (c === 0x70) word = 'project_directory';
    else if (c === 0x65) word = 'extends';
    else return false;
    if (!t.startsWith(word, i)) return false;
    let j = i + word.length;
    if (j < le && (t.charCodeAt(j) === DQ || t.charCodeAt(j) === SQ)) j++;
    j = skipBlanks(t, j, le);
    return j < le && t.charCodeAt(j) === COLON;
  }
}

function skipBlanks(t: string, i: number, le: number): number {
  while (i < le && isBlank(t.charCodeAt(i))) i++;
  return i;
}

function isBlankRest(t: string, i: number, le: number): boolean {
  return skipBlanks(t, i, le) >= le;
}

/** `---` or `...` alone (or followed by a blank) at column 0. */
function isDocMarker(t: string, ls: number, le: number): boolean {
  if (le - ls < 3) return false;
  const c = t.charCodeAt(ls);
  if (c !== DASH && c !== DOT) return false;
  if (t.charCodeAt(ls + 1) !== c || t.charCodeAt(ls + 2) !== c) return false;
  return ls + 3 >= le || isBlank(t.charCodeAt(ls + 3));
}

/**
 * An absolute path at the start of a scalar: `/x`, `\x`, `C:\x`, `C:/x`, and also `C:x`, which
 * Windows resolves against the working folder of drive C, wherever that is.
 */
function startsAbsolute(t: string, i: number, le: number): boolean {
  if (i >= le) return false;
  const c = t.charCodeAt(i);
  if (c === SLASH || c === BACKSLASH) return true;
  return isLetter(c) && i + 2 < le && t.charCodeAt(i + 1) === COLON && !isBlank(t.charCodeAt(i + 2));
}

/** After `=`: `KEY=/x`, also quoted (`KEY="/x"`). */
function valueIsAbsolute(t: string, i: number, le: number): boolean {
  if (i < le && (t.charCodeAt(i) === DQ || t.charCodeAt(i) === SQ)) i++;
  return startsAbsolute(t, i, le);
}

/** After `|` or `>`: indentation/chomping indicators, then only blanks or a comment. */
function isBlockHeader(t: string, i: number, le: number): boolean {
  while (i < le) {
    const c = t.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === DASH) i++;
    else break;
  }
  if (i >= le) return true;
  if (!isBlank(t.charCodeAt(i))) return false;
  i = skipBlanks(t, i, le);
  return i >= le || t.charCodeAt(i) === HASH;
}

function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;
}

/** A plain key cannot start with an indicator; such a line is keyless for this scan. */
function canStartPlainKey(c: number): boolean {
  switch (c) {
    case LBRACKET:
    case RBRACKET:
    case LBRACE:
    case RBRACE:
    case COMMA:
    case HASH:
    case PIPE:
    case GT:
    case 0x2a: // *
    case AMP:
    case BANG:
    case PERCENT:
    case 0x40: // @
    case 0x60: // `
    case DQ:
    case SQ:
      return false;
    default:
      return true;
  }
}

/** The offset of the quote closing the one at `i` on this line, or -1. */
function closingQuote(t: string, i: number, le: number): number {
  const q = t.charCodeAt(i);
  for (let j = i + 1; j < le; j++) {
    const c = t.charCodeAt(j);
    if (q === DQ && c === BACKSLASH) j++;
    else if (c === q) {
      if (q === SQ && t.charCodeAt(j + 1) === SQ) j++;
      else return j;
    }
  }
  return -1;
}

/**
 * `extends: web` / `extends: "web"` (a service of this file), or nothing (a block follows, judged
 * line by line). Anything else (`{file: …}`, an alias, a tag) may load another file.
 */
function plainName(t: string, i: number, le: number): boolean {
  i = skipBlanks(t, i, le);
  if (i >= le || t.charCodeAt(i) === HASH) return true;
  const c = t.charCodeAt(i);
  if (c === DQ || c === SQ) return closingQuote(t, i, le) >= 0;
  return canStartPlainKey(c) && c !== QUESTION && c !== DASH && c !== COLON && c !== PIPE && c !== GT;
}

/**
 * True when this .env text sets COMPOSE_FILE (any line `COMPOSE_FILE=`, optionally with
 * `export `, leading spaces). Conservative: case is ignored, `:` counts like `=` (the dotenv
 * reader accepts both), and a bare `COMPOSE_FILE` (taken from the environment) counts too.
 */
export function envMayReachOut(text: string): boolean {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < n) {
    const le = nextStop(BREAK, text, i);
    let p = skipBlanks(text, i, le);
    if (p + 7 <= le && text.startsWith('export', p) && isBlank(text.charCodeAt(p + 6))) p = skipBlanks(text, p + 7, le);
    const word = 'COMPOSE_FILE';
    if (p + word.length <= le && text.slice(p, p + word.length).toUpperCase() === word) {
      const next = p + word.length < le ? text.charCodeAt(p + word.length) : SPACE;
      if (!isEnvKeyChar(next)) return true;
    }
    i = le + 1;
  }
  return false;
}

/** Characters that continue a variable name (so `COMPOSE_FILES=` is another variable). */
function isEnvKeyChar(c: number): boolean {
  return isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === DOT || c === DASH || c === LBRACKET || c === RBRACKET || c > 0x7f;
}
