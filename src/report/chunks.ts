/**
 * Reports in pieces. A whole-corpus JSON or SARIF report is tens of MB; built as one string, then
 * copied into a buffer to be written, it set the run's peak memory (issue 7). A reporter may
 * therefore also offer its report as a sequence of strings that, joined, are exactly its string
 * form; the CLI writes them as they come. A reporter remains a function returning a string, so
 * everything that calls one (tests, plugins, the API) is unchanged.
 */
import type { FileResult, ReportContext, Reporter } from '../engine/types.js';

export type ReportChunks = (results: FileResult[], ctx: ReportContext) => Iterable<string>;

/**
 * A reporter that can also hand its report over in pieces. A piece never ends inside a
 * surrogate pair: pieces are encoded to UTF-8 a batch at a time.
 */
export type ChunkedReporter = Reporter & { readonly chunks: ReportChunks };

export function joinChunks(chunks: Iterable<string>): string {
  const parts: string[] = [];
  for (const c of chunks) parts.push(c);
  return parts.join('');
}

/**
 * A reporter whose pieces read the results once, in order, and keep nothing of a result once its
 * pieces are out: it can report a run while the run is being linted, so that a big run never
 * holds all its results (src/engine/stream.ts, issue 7). It must not need totals before the
 * results (junit does) nor hand every result to a library at once (pretty does). When
 * `listsRules`, its output starts with a table of every rule the results can hold, and the
 * stream is used only when `ctx.rules` is known to hold them all.
 */
export type StreamingReporter = ChunkedReporter & {
  readonly stream: (results: Iterable<FileResult>, ctx: ReportContext) => Iterable<string>;
  readonly listsRules?: boolean;
};

/** `chunks`, when given, is the form for a whole array of results; else it is `stream`. */
export function streamingReporter(
  stream: (results: Iterable<FileResult>, ctx: ReportContext) => Iterable<string>,
  { listsRules = false, chunks = stream }: { listsRules?: boolean; chunks?: ReportChunks } = {},
): StreamingReporter {
  return Object.assign(chunkedReporter(chunks), { stream, ...(listsRules ? { listsRules } : {}) });
}

/** The reporter's streaming form, if it has one. */
export function streamingForm(reporter: Reporter): StreamingReporter | undefined {
  return typeof (reporter as Partial<StreamingReporter>).stream === 'function' ? (reporter as StreamingReporter) : undefined;
}

/** A reporter from its chunked form: the string form is the pieces joined. */
export function chunkedReporter(chunks: ReportChunks): ChunkedReporter {
  const reporter = (results: FileResult[], ctx: ReportContext) => joinChunks(chunks(results, ctx));
  return Object.assign(reporter, { chunks });
}

/** Any reporter's output in pieces: its own when it has them, else its string as the one piece. */
export function reportChunks(reporter: Reporter, results: FileResult[], ctx: ReportContext): Iterable<string> {
  const chunks = (reporter as Partial<ChunkedReporter>).chunks;
  return typeof chunks === 'function' ? chunks(results, ctx) : [reporter(results, ctx)];
}

/**
 * `JSON.stringify(items, null, 2)` nested `depth` levels deep (as the value of a key or an array
 * element at that depth), one element at a time. Exact because a JSON text never holds a raw
 * newline inside a string: every newline of an element's own text is its layout, which the
 * enclosing levels indent by two spaces each.
 */
export function* jsonArrayChunks<T>(items: Iterable<T>, depth: number): Generator<string> {
  const outer = '\n' + '  '.repeat(depth);
  const inner = outer + '  ';
  let first = true;
  for (const item of items) {
    const text = JSON.stringify(item, null, 2);
    // What JSON.stringify writes for an element that has no JSON form.
    const element = text === undefined ? 'null' : text.replaceAll('\n', inner);
    yield (first ? '[' + inner : ',' + inner) + element;
    first = false;
  }
  yield first ? '[]' : outer + ']';
}
