/**
 * Line-continuation removal ahead of shell lexing. The lexer then works on one string with
 * no continuations, and `JoinedText.toSource` gives back where each of its characters came from.
 */
export interface JoinedText {
  text: string;
  /**
   * Start of each kept piece in `text` and in the source, pairwise; null when nothing was
   * removed (the common one-line RUN), so offsets map one to one.
   */
  textStarts: number[] | null;
  srcStarts: number[] | null;
}

/** Source offset (relative to the lexed string) of character `j` of the joined text. */
export function toSource(joined: JoinedText, j: number): number {
  const ts = joined.textStarts;
  if (ts === null) return j;
  const ss = joined.srcStarts as number[];
  let lo = 0;
  let hi = ts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ts[mid] <= j) lo = mid;
    else hi = mid - 1;
  }
  return ss[lo] + (j - ts[lo]);
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

/**
 * Remove continuations: `escape` + optional blanks + newline.
 * `dockerfile` mode follows the Dockerfile parser: any line whose last non-blank character is
 * the escape continues, and blank or `#` lines inside a continued instruction are dropped.
 * Script mode (heredoc bodies, `sh -c` strings) follows the shell: only an unescaped backslash
 * right before the newline continues, and no line is dropped.
 */
export function joinLines(src: string, escape: string, dockerfile: boolean): JoinedText {
  const esc = escape.charCodeAt(0);
  let nl = src.indexOf('\n');
  if (nl < 0) {
    // A trailing escape with nothing after it still continues into nothing.
    let e = src.length;
    while (e > 0 && isBlank(src.charCodeAt(e - 1))) e--;
    if (dockerfile && e > 0 && src.charCodeAt(e - 1) === esc) {
      return { text: src.slice(0, e - 1), textStarts: null, srcStarts: null };
    }
    return { text: src, textStarts: null, srcStarts: null };
  }
  let text = '';
  let segStart = 0;
  const textStarts: number[] = [0];
  const srcStarts: number[] = [0];
  let lineStart = 0;
  let joinedAny = false;
  while (nl >= 0 || lineStart <= src.length) {
    const lineEnd = nl < 0 ? src.length : nl;
    let e = lineEnd;
    if (dockerfile) {
      while (e > lineStart && isBlank(src.charCodeAt(e - 1))) e--;
    } else if (e > lineStart && src.charCodeAt(e - 1) === 13) {
      e--;
    }
    let continues = e > lineStart && src.charCodeAt(e - 1) === esc;
    if (continues && !dockerfile) {
      // `\\` before the newline is an escaped backslash, not a continuation.
      let k = e - 1;
      while (k > lineStart && src.charCodeAt(k - 1) === esc) k--;
      continues = (e - k) % 2 === 1;
    }
    if (!continues) {
      if (nl < 0) break;
      lineStart = nl + 1;
      nl = src.indexOf('\n', lineStart);
      continue;
    }
    joinedAny = true;
    text += src.slice(segStart, e - 1);
    let next = nl < 0 ? src.length : nl + 1;
    if (dockerfile) {
      // Drop blank and comment lines that sit inside the continued instruction.
      while (next < src.length) {
        let k = next;
        while (k < src.length && isBlank(src.charCodeAt(k))) k++;
        const c = k < src.length ? src.charCodeAt(k) : -1;
        if (c !== 10 && c !== 35 && c !== -1) break;
        const eol = src.indexOf('\n', k);
        next = eol < 0 ? src.length : eol + 1;
      }
    }
    segStart = next;
    textStarts.push(text.length);
    srcStarts.push(next);
    lineStart = next;
    if (next >= src.length) break;
    nl = src.indexOf('\n', next);
  }
  if (!joinedAny) return { text: src, textStarts: null, srcStarts: null };
  text += src.slice(segStart);
  return { text, textStarts, srcStarts };
}
