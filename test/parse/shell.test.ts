import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseShell, type ShellLexOptions } from '../../src/parse/dockerfile/shell/lex.js';
import type { ShellCommand, ShellWord } from '../../src/parse/dockerfile/shell/types.js';

/** Lexes the RUN text of a one-instruction Dockerfile `RUN <text>` (offset 4 in the file). */
function run(text: string, opts: Partial<ShellLexOptions> = {}): { file: string; cmds: ShellCommand[] } {
  const file = `RUN ${text}`;
  return { file, cmds: parseShell(text, { path: 'Dockerfile', offset: 4, escape: '\\', ...opts }) };
}

const names = (cmds: ShellCommand[]): string[] => cmds.map((c) => c.name);
const values = (ws: ShellWord[]): string[] => ws.map((w) => w.value);
const span = (w: { range: { start: number; end: number } }): [number, number] => [w.range.start, w.range.end];
/** The source text a range covers. */
const cover = (file: string, w: { range: { start: number; end: number } }): string => file.slice(w.range.start, w.range.end);

test('words and exact ranges of a simple command', () => {
  const { cmds } = run('apt-get install -y curl');
  assert.equal(cmds.length, 1);
  const c = cmds[0]!;
  assert.equal(c.name, 'apt-get');
  assert.deepEqual(span(c.nameWord), [4, 11]);
  assert.deepEqual(values(c.args), ['install', '-y', 'curl']);
  assert.deepEqual(c.args.map(span), [[12, 19], [20, 22], [23, 27]]);
  assert.deepEqual(c.range, { path: 'Dockerfile', start: 4, end: 27 });
  assert.deepEqual([c.subshell, c.next, c.wrappers, c.assignments], [false, '', [], []]);
});

test('operators split commands and set next', () => {
  const { cmds } = run('a && b || c; d | e & f |& g\nh');
  assert.deepEqual(names(cmds), ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  assert.deepEqual(cmds.map((c) => c.next), ['&&', '||', ';', '|', '&', '|', ';', '']);
});

test('backslash continuation: joined words keep exact ranges, comment lines are skipped', () => {
  const text = 'apt-get install \\\n    cu\\\nrl \\\n  # a comment \\\n\n    git  \\  \n && echo done';
  const { file, cmds } = run(text);
  assert.deepEqual(names(cmds), ['apt-get', 'echo']);
  const [install, curl, git] = cmds[0]!.args;
  assert.equal(install!.value, 'install');
  assert.equal(curl!.value, 'curl');
  // The word starts at `c` and ends after `l`, across the continuation.
  assert.deepEqual(span(curl!), [file.indexOf('cu\\'), file.indexOf('rl ') + 2]);
  assert.equal(cover(file, curl!), 'cu\\\nrl');
  assert.equal(git!.value, 'git');
  assert.equal(cover(file, git!), 'git');
  assert.equal(cmds[0]!.args.length, 3);
  assert.equal(cover(file, cmds[1]!.args[0]!), 'done');
  assert.equal(cover(file, cmds[0]!), text.slice(0, text.indexOf('git') + 3));
});

test('backtick escape: backtick-newline continues, backslash stays a shell escape', () => {
  const text = 'echo hel`\nlo `\n  world';
  const { file, cmds } = run(text, { escape: '`' });
  assert.equal(cmds.length, 1);
  assert.deepEqual(values(cmds[0]!.args), ['hello', 'world']);
  assert.equal(cover(file, cmds[0]!.args[0]!), 'hel`\nlo');
  assert.deepEqual(span(cmds[0]!.args[1]!), [file.length - 5, file.length]);
});

test('quote removal: single, double with escapes, ANSI-C, mixed', () => {
  const { file, cmds } = run(`echo 'a b' "c \\"d\\" \\$e \\\\ \\x" $'t\\tu\\x41\\'' mix"ed"'q' \\ sp a\\b`);
  const args = cmds[0]!.args;
  assert.deepEqual(values(args), ['a b', 'c "d" $e \\ \\x', "t\tuA'", 'mixedq', ' sp', 'ab']);
  assert.deepEqual(args.map((w) => w.dynamic), [false, false, false, false, false, false]);
  assert.equal(cover(file, args[0]!), "'a b'");
  assert.equal(cover(file, args[3]!), `mix"ed"'q'`);
});

test('expansions are kept as written and mark the word dynamic', () => {
  const { cmds } = run('echo $HOME ${X:-"a b"} $(cd /x && ls "$(pwd)") `id -u` "$a"b *.txt [ ] ~/x plain $((1+2))');
  const args = cmds[0]!.args;
  assert.equal(cmds.length, 1, 'nothing inside $( ) or backticks is a command');
  assert.deepEqual(values(args), [
    '$HOME', '${X:-"a b"}', '$(cd /x && ls "$(pwd)")', '`id -u`', '$ab', '*.txt', '[', ']', '~/x', 'plain', '$((1+2))',
  ]);
  assert.deepEqual(args.map((w) => w.dynamic), [true, true, true, true, true, true, false, false, true, false, true]);
});

test('leading assignments', () => {
  const { cmds } = run('DEBIAN_FRONTEND=noninteractive A="x y" B+=1 apt-get update; X=1');
  assert.equal(cmds.length, 1, 'an assignment-only command is not a command');
  assert.equal(cmds[0]!.name, 'apt-get');
  assert.deepEqual(values(cmds[0]!.assignments), ['DEBIAN_FRONTEND=noninteractive', 'A=x y', 'B+=1']);
  assert.deepEqual(span(cmds[0]!.assignments[1]!), [35, 42]);
  assert.deepEqual(values(cmds[0]!.args), ['update']);
});

test('subshells, groups and compound commands', () => {
  const { cmds } = run(
    '(cd /src && make) && { echo a; echo b; } ; if [ -f x ]; then rm x; elif true; then :; else touch x; fi; ' +
      'for f in a b; do echo $f; done; while read l; do echo "$l"; done < list; ' +
      'case "$x" in a|b) echo ab ;; (*) echo other;; esac; ((i++)); [[ -f a && -d b ]] || echo no; ' +
      'f() { echo in f; }; function g { echo in g; }',
  );
  assert.deepEqual(names(cmds), [
    'cd', 'make', 'echo', 'echo', '[', 'rm', 'true', ':', 'touch', 'echo', 'read', 'echo', 'echo', 'echo', 'echo', 'echo', 'echo',
  ]);
  assert.deepEqual(cmds.map((c) => c.subshell), [true, true, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false]);
  assert.equal(cmds[1]!.next, '&&', 'the operator after `)` follows the last command of the subshell');
  assert.deepEqual(values(cmds[12]!.args), ['ab']);
  assert.deepEqual(values(cmds[14]!.args), ['no']);
  assert.deepEqual(values(cmds[16]!.args), ['in', 'g']);
});

test('redirections are not arguments', () => {
  const { cmds } = run('make > /dev/null 2>&1 && cmd 2>/dev/null >>log <in 3<&0 &>all x >| y; >f echo z');
  assert.deepEqual(names(cmds), ['make', 'cmd', 'echo']);
  assert.deepEqual(values(cmds[0]!.args), []);
  assert.deepEqual(values(cmds[1]!.args), ['x']);
  assert.deepEqual(values(cmds[2]!.args), ['z']);
  assert.deepEqual(cmds[0]!.range, { path: 'Dockerfile', start: 4, end: 25 });
});

test('a newline separates like ;, and the last command has no next', () => {
  const cmds = parseShell('a\nb\n\n# done\n', { path: 'D', offset: 0, escape: '\\', script: true });
  assert.deepEqual(cmds.map((c) => c.next), [';', '']);
});

test('comments run to the end of the line, only at a word start', () => {
  const { cmds } = run('echo a#b # && rm -rf /\nls # x');
  assert.deepEqual(names(cmds), ['echo', 'ls']);
  assert.deepEqual(values(cmds[0]!.args), ['a#b']);
  assert.equal(cmds[0]!.next, ';');
});

test('heredoc in RUN: the marker is a redirection and the body is not lexed', () => {
  const a = run('cat <<EOF > /etc/conf && echo after\nrm -rf /\nEOF\necho next');
  assert.deepEqual(names(a.cmds), ['cat', 'echo', 'echo']);
  assert.deepEqual(values(a.cmds[0]!.args), []);
  assert.deepEqual(values(a.cmds[2]!.args), ['next']);
  const b = run("cat <<-'EOT' | tee x\n\tbody\n\tEOT\nls");
  assert.deepEqual(names(b.cmds), ['cat', 'tee', 'ls']);
  // Only the first line (what a Dockerfile parser hands over without the body).
  assert.deepEqual(names(run('<<EOF bash').cmds), ['bash']);
});

test('sudo, env, xargs, nohup, nice, time, exec, command are unwrapped', () => {
  const { file, cmds } = run(
    'sudo -u www-data -E HOME=/x npm install; env -i -u X PATH=/bin apt-get update; find . | xargs -n 1 -I {} rm {}; ' +
      'nohup nice -n 5 time -p exec command -p ls; command -v curl; sudo; xargs -0',
  );
  assert.deepEqual(names(cmds), ['npm', 'apt-get', 'find', 'rm', 'ls', 'command', 'sudo', 'xargs']);
  assert.deepEqual(cmds[0]!.wrappers, ['sudo']);
  assert.deepEqual(values(cmds[0]!.assignments), ['HOME=/x']);
  assert.deepEqual(values(cmds[0]!.args), ['install']);
  assert.equal(cover(file, cmds[0]!.nameWord), 'npm');
  assert.equal(cover(file, cmds[0]!), 'sudo -u www-data -E HOME=/x npm install');
  assert.deepEqual(cmds[1]!.wrappers, ['env']);
  assert.deepEqual(values(cmds[1]!.assignments), ['PATH=/bin']);
  assert.deepEqual(cmds[3]!.wrappers, ['xargs']);
  assert.deepEqual(values(cmds[3]!.args), ['{}']);
  assert.deepEqual(cmds[4]!.wrappers, ['nohup', 'nice', 'time', 'exec', 'command']);
  assert.deepEqual(values(cmds[5]!.args), ['-v', 'curl']);
  assert.deepEqual(cmds[6]!.wrappers, []);
});

test('unwrap: false keeps wrappers as commands', () => {
  const { cmds } = run("sudo apt-get update && sh -c 'ls'", { unwrap: false });
  assert.deepEqual(names(cmds), ['sudo', 'sh']);
  assert.deepEqual(values(cmds[1]!.args), ['-c', 'ls']);
});

test('sh -c: the script is lexed, ranges map into the file', () => {
  const { file, cmds } = run(`FOO=1 sudo bash -ex -o pipefail -c 'cd /x && make "a b"' && /bin/sh -c "echo \${HOME}" sh-arg0`);
  assert.deepEqual(names(cmds), ['cd', 'make', 'echo']);
  assert.deepEqual(cmds[0]!.wrappers, ['sudo', 'sh -c']);
  assert.deepEqual(values(cmds[0]!.assignments), ['FOO=1']);
  assert.equal(cmds[0]!.subshell, true);
  assert.equal(cover(file, cmds[0]!.args[0]!), '/x');
  assert.equal(cover(file, cmds[1]!.args[0]!), '"a b"');
  assert.equal(cover(file, cmds[1]!), 'make "a b"');
  assert.equal(cmds[1]!.next, '&&');
  assert.deepEqual(cmds[2]!.wrappers, ['sh -c']);
  assert.deepEqual(values(cmds[2]!.args), ['${HOME}']);
  assert.equal(cmds[2]!.args[0]!.dynamic, true);
  assert.equal(cover(file, cmds[2]!.args[0]!), '${HOME}');
});

test('sh -c across a continuation line maps through it', () => {
  const { file, cmds } = run("sh -c 'apt-get update \\\n  && apt-get install -y curl'");
  assert.deepEqual(names(cmds), ['apt-get', 'apt-get']);
  assert.equal(cover(file, cmds[1]!.args[2]!), 'curl');
  assert.deepEqual(span(cmds[1]!.args[2]!), [file.indexOf('curl'), file.indexOf('curl') + 4]);
});

test('sh -c with escapes in the string: every inner range is the whole argument', () => {
  const { file, cmds } = run('bash -c "echo \\"hi\\" && ls"');
  assert.deepEqual(names(cmds), ['echo', 'ls']);
  assert.deepEqual(values(cmds[0]!.args), ['hi']);
  const whole = [file.indexOf('"echo'), file.length];
  assert.deepEqual(span(cmds[0]!.args[0]!), whole);
  assert.deepEqual(span(cmds[1]!.nameWord), whole);
  assert.deepEqual(span(cmds[1]!), whole);
});

test('sh without -c, or -c with an empty script, is the command itself', () => {
  assert.deepEqual(names(run('sh ./install.sh -c x').cmds), ['sh']);
  const empty = run("sh -c ''").cmds;
  assert.deepEqual(names(empty), ['sh']);
  assert.deepEqual(values(empty[0]!.args), ['-c', '']);
});

test('script mode: heredoc bodies follow the shell', () => {
  const body = 'apt-get update \\\n  && apt-get install -y x\n# apt-get purge\necho \\\\\nls';
  const cmds = parseShell(body, { path: 'D', offset: 100, escape: '\\', script: true });
  assert.deepEqual(names(cmds), ['apt-get', 'apt-get', 'echo', 'ls']);
  assert.deepEqual(values(cmds[2]!.args), ['\\']);
  assert.deepEqual(span(cmds[3]!.nameWord), [100 + body.length - 2, 100 + body.length]);
});

test('garbage never throws and ranges stay inside the text', () => {
  const samples = [
    "echo 'unterminated", 'echo "open $(foo', 'echo `x', ')))) ((( ;;; && || |', '<<', '2>', 'a=(', '$', '\\',
    'case x in', 'if then fi done', '${', "$'\\", 'for ((', '[[ x', 'f() {', 'echo "a\\', 'sh -c', 'sudo -u',
  ];
  const { cmds } = run("echo 'unterminated");
  assert.deepEqual(values(cmds[0]!.args), ['unterminated']);
  assert.deepEqual(values(run('echo "open $(foo').cmds[0]!.args), ['open $(foo']);
  const alphabet = [
    'a', ' ', "'", '"', '\\', '\n', '$', '(', ')', '{', '}', '`', ';', '&', '|', '<', '>', '#', '=', 'sh', '-c', 'sudo',
    'case', 'in', 'esac', 'for', 'do', '[[', ']]', '\\\n', ' \\\n  ', '\\ \n', '\\\n# c \'"\n', '\\\n\n', '<<E', '\nE\n',
  ];
  let seed = 42;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let k = 0; k < 3000; k++) {
    let text = '';
    const len = rand(40);
    for (let m = 0; m < len; m++) text += alphabet[rand(alphabet.length)];
    samples.push(text);
  }
  for (const text of samples) {
    // The fast path (raw text) and the joined path must agree on everything.
    assert.deepEqual(
      parseShell(text, { path: 'D', offset: 10, escape: '\\' }),
      parseShell(text, { path: 'D', offset: 10, escape: '\\', fast: false }),
      JSON.stringify(text),
    );
    for (const escape of ['\\', '`'] as const) {
      const out = parseShell(text, { path: 'D', offset: 10, escape });
      for (const c of out) {
        for (const r of [c.range, c.nameWord.range, ...c.args.map((w) => w.range), ...c.assignments.map((w) => w.range)]) {
          assert.ok(r.start >= 10 && r.start <= r.end && r.end <= 10 + text.length, `${JSON.stringify(text)}: ${JSON.stringify(r)}`);
        }
      }
    }
  }
});
