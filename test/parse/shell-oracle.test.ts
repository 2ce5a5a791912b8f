/**
 * Oracle: every shell-form RUN of the corpus that mvdan-sh parses must give the same simple
 * commands (names and static argument words) from our lexer, with unwrapping off.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { corpusDir } from '../helpers.js';
import { parseShell } from '../../src/parse/dockerfile/shell/lex.js';
import { corpusRuns as allRuns, dockerJoin, type CorpusRun } from '../../src/testing/corpus-runs.js';

/** The little of mvdan-sh's GopherJS API used here. */
interface MvNode {
  [field: string]: unknown;
}
interface Mvdan {
  syntax: {
    NewParser(): { Parse(src: string, name: string): MvNode };
    NodeType(node: MvNode): string;
  };
}
const sh = createRequire(import.meta.url)('mvdan-sh') as Mvdan;
const nodeType = (n: MvNode): string => sh.syntax.NodeType(n);

/**
 * Constructs where the two lexers are known to disagree, by corpus file (relative path) and
 * the command index in the RUN text; each with the reason.
 */
const ALLOWED: Record<string, string> = {};

/** Quote removal on an unquoted literal as mvdan-sh keeps it (raw source text). */
function unescapeBare(raw: string): string {
  return raw.replace(/\\(\n|.)/g, (_m, c: string) => (c === '\n' ? '' : c));
}
function unescapeDouble(raw: string): string {
  return raw.replace(/\\([$`"\\\n])/g, (_m, c: string) => (c === '\n' ? '' : c));
}

/** The static value of an mvdan-sh word, or null when some part is an expansion. */
function staticWord(word: MvNode): string | null {
  let out = '';
  for (const part of word.Parts as MvNode[]) {
    const t = nodeType(part);
    if (t === 'Lit') out += unescapeBare(part.Value as string);
    else if (t === 'SglQuoted') {
      if (part.Dollar) return null;
      out += part.Value as string;
    } else if (t === 'DblQuoted') {
      for (const inner of part.Parts as MvNode[]) {
        if (nodeType(inner) !== 'Lit') return null;
        out += unescapeDouble(inner.Value as string);
      }
    } else return null;
  }
  return out;
}

interface Cmd {
  words: (string | null)[];
}

function declCommand(node: MvNode): Cmd {
  const words: (string | null)[] = [(node.Variant as MvNode).Value as string];
  for (const a of node.Args as MvNode[]) {
    const name = a.Name as MvNode | null;
    const value = a.Value as MvNode | null;
    if (a.Array || a.Index) words.push(null);
    else if (a.Naked) words.push(name ? (name.Value as string) : value ? staticWord(value) : null);
    else {
      const v = value ? staticWord(value) : '';
      words.push(v === null ? null : `${name?.Value as string}${a.Append ? '+=' : '='}${v}`);
    }
  }
  return { words };
}

/**
 * Simple commands in source order, not inside command substitutions. A hand walk over the
 * statement nodes: mvdan-sh's generic Walk is far too slow under GopherJS for the corpus.
 */
function mvdanStmts(list: unknown, out: Cmd[]): void {
  for (const st of (list as MvNode[] | null) ?? []) mvdanStmt(st, out);
}
function mvdanStmt(st: MvNode | null, out: Cmd[]): void {
  const c = st?.Cmd as MvNode | null | undefined;
  if (!c) return;
  switch (nodeType(c)) {
    case 'CallExpr': {
      const args = c.Args as MvNode[];
      if (args.length > 0) out.push({ words: args.map(staticWord) });
      break;
    }
    case 'DeclClause':
      out.push(declCommand(c));
      break;
    case 'BinaryCmd':
      mvdanStmt(c.X as MvNode, out);
      mvdanStmt(c.Y as MvNode, out);
      break;
    case 'Block':
    case 'Subshell':
      mvdanStmts(c.Stmts, out);
      break;
    case 'IfClause':
      for (let clause: MvNode | null = c; clause; clause = clause.Else as MvNode | null) {
        mvdanStmts(clause.Cond, out);
        mvdanStmts(clause.Then, out);
      }
      break;
    case 'WhileClause':
      mvdanStmts(c.Cond, out);
      mvdanStmts(c.Do, out);
      break;
    case 'ForClause':
      mvdanStmts(c.Do, out);
      break;
    case 'CaseClause':
      for (const item of c.Items as MvNode[]) mvdanStmts(item.Stmts, out);
      break;
    case 'FuncDecl':
      mvdanStmt(c.Body as MvNode, out);
      break;
    case 'TimeClause':
    case 'CoprocClause':
      mvdanStmt(c.Stmt as MvNode, out);
      break;
    default:
      // TestClause ([[ ]]), ArithmCmd ((( ))), LetClause: no simple command.
      break;
  }
}

function mvdanCommands(file: MvNode): Cmd[] {
  const cmds: Cmd[] = [];
  mvdanStmts(file.Stmts, cmds);
  return cmds;
}

type Run = CorpusRun;

let cachedRuns: Run[] | undefined;
const corpusRuns = (): Run[] => (cachedRuns ??= allRuns(corpusDir));

function oursCommands(run: Run): Cmd[] {
  const cmds: Cmd[] = [];
  for (const c of parseShell(run.src, { path: run.file, offset: run.offset, escape: run.escape, unwrap: false })) {
    const words = [c.nameWord, ...c.args];
    // mvdan-sh reads `time` as a keyword (TimeClause) and `let` as a LetClause.
    if (words[0].value === 'time') {
      words.shift();
      if (words.length > 0 && (words[0].value as string) === '-p') words.shift();
      if (words.length === 0) continue;
    }
    if (words[0].value === 'let') continue;
    cmds.push({ words: words.map((w) => (w.dynamic ? `\0dyn:${w.value}` : w.value)) });
  }
  return cmds;
}

/** Null when they agree, else a description of the first difference. */
let wordsCompared = 0;
function compare(ours: Cmd[], theirs: Cmd[]): string | null {
  const n = Math.max(ours.length, theirs.length);
  for (let i = 0; i < n; i++) {
    const a = ours[i];
    const b = theirs[i];
    if (a === undefined || b === undefined || a.words.length !== b.words.length) {
      return `command ${i}: ours ${JSON.stringify(a?.words)} mvdan ${JSON.stringify(b?.words)}`;
    }
    for (let k = 0; k < a.words.length; k++) {
      const ow = a.words[k] as string;
      const tw = b.words[k];
      const oursDynamic = ow.startsWith('\0dyn:');
      const ov = oursDynamic ? ow.slice(5) : ow;
      // A dynamic word from mvdan must be dynamic for us; a static one must have our value
      // (we may still call it dynamic for a glob or `~`, which mvdan-sh keeps literal).
      wordsCompared++;
      const ok = tw === null ? oursDynamic : ov === tw;
      if (!ok) return `command ${i} word ${k}: ours ${JSON.stringify(ow)} mvdan ${JSON.stringify(tw)}`;
    }
  }
  return null;
}

test('shell lexer agrees with mvdan-sh on every corpus RUN it parses', () => {
  const runs = corpusRuns();
  assert.ok(runs.length > 1000, `corpus RUNs found: ${runs.length}`);
  const parser = sh.syntax.NewParser();
  let compared = 0;
  let rejected = 0;
  const failures: string[] = [];
  const allowedSeen = new Set<string>();
  for (const run of runs) {
    let file: MvNode;
    try {
      file = parser.Parse(dockerJoin(run.src, run.escape), 'x');
    } catch {
      rejected++;
      continue;
    }
    compared++;
    const diff = compare(oursCommands(run), mvdanCommands(file));
    if (diff === null) continue;
    const key = `${run.file}@${run.offset}`;
    if (ALLOWED[key] !== undefined) {
      allowedSeen.add(key);
      continue;
    }
    failures.push(`${key}: ${diff}\n    ${JSON.stringify(run.src.slice(0, 300))}`);
  }
  console.log(`compared ${compared} RUNs, mvdan-sh rejected ${rejected}, allowed ${allowedSeen.size}, ` +
    `disagreements ${failures.length}, words compared ${wordsCompared}`);
  assert.ok(wordsCompared > 50000, `words compared: ${wordsCompared}`);
  assert.deepEqual(failures.slice(0, 15), []);
  assert.equal(failures.length, 0);
  assert.deepEqual(Object.keys(ALLOWED).filter((k) => !allowedSeen.has(k)), [], 'stale allow-list entries');
});

test('lexing the RUN text directly gives what lexing the joined text gives', () => {
  let differ = 0;
  const examples: string[] = [];
  for (const run of corpusRuns()) {
    const opts = { path: run.file, offset: run.offset, escape: run.escape };
    const fast = parseShell(run.src, opts);
    const joined = parseShell(run.src, { ...opts, fast: false });
    try {
      assert.deepEqual(fast, joined);
    } catch {
      differ++;
      if (examples.length < 5) examples.push(`${run.file}@${run.offset}: ${JSON.stringify(run.src.slice(0, 200))}`);
    }
  }
  assert.deepEqual(examples, []);
  assert.equal(differ, 0);
});
