/**
 * Wrapper commands that run another command (`sudo apt-get …`): find where the real command
 * starts so rules look at `apt-get`, not `sudo`.
 */

export interface UnwrapWord {
  value: string;
  dynamic: boolean;
}

export interface Unwrapped {
  /** Index of the real command name. */
  name: number;
  /** Wrapper names, outermost first. */
  wrappers: string[];
  /** Indexes of `VAR=val` words given to `sudo`/`env`. */
  envAssigns: number[];
  /** Index of the script argument of `sh -c`, or -1; `name` is then the shell itself. */
  script: number;
}

interface OptionSpec {
  /** Short options that take a value (next word, or the rest of the cluster). */
  shortValue: string;
  /** Long options (without `--`) that take a value when not written with `=`. */
  longValue: ReadonlySet<string>;
}

const SUDO: OptionSpec = {
  shortValue: 'ugpCDRrtUTh',
  longValue: new Set([
    'user', 'group', 'prompt', 'close-from', 'chdir', 'chroot', 'role', 'type', 'other-user',
    'command-timeout', 'host',
  ]),
};
const ENV: OptionSpec = { shortValue: 'uCP', longValue: new Set(['unset', 'chdir']) };
const XARGS: OptionSpec = {
  shortValue: 'nILPsdEa',
  longValue: new Set([
    'max-args', 'max-lines', 'max-procs', 'max-chars', 'delimiter', 'arg-file', 'process-slot-var',
  ]),
};
const TIME: OptionSpec = { shortValue: 'fo', longValue: new Set(['format', 'output']) };
const EXEC: OptionSpec = { shortValue: 'a', longValue: new Set() };
const NICE: OptionSpec = { shortValue: 'n', longValue: new Set(['adjustment']) };
const NONE: OptionSpec = { shortValue: '', longValue: new Set() };

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh']);

function basename(v: string): string {
  const slash = v.lastIndexOf('/');
  return slash < 0 ? v : v.slice(slash + 1);
}

const ASSIGN = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Index of the first word after the options that start at `j`. */
function skipOptions(words: readonly UnwrapWord[], j: number, spec: OptionSpec): number {
  while (j < words.length) {
    const v = words[j].value;
    if (v === '--') return j + 1;
    if (v.length < 2 || v.charCodeAt(0) !== 45) return j;
    j++;
    if (v.charCodeAt(1) === 45) {
      if (v.indexOf('=') < 0 && spec.longValue.has(v.slice(2))) j++;
      continue;
    }
    for (let p = 1; p < v.length; p++) {
      if (spec.shortValue.indexOf(v[p]) >= 0) {
        if (p === v.length - 1) j++;
        break;
      }
    }
  }
  return j;
}

function skipAssigns(words: readonly UnwrapWord[], j: number, into: number[]): number {
  while (j < words.length && ASSIGN.test(words[j].value)) into.push(j++);
  return j;
}

/** Shell options before `-c`: returns the index of the script word, or -1 without `-c`. */
function shellScript(words: readonly UnwrapWord[], j: number): number {
  let sawC = false;
  while (j < words.length) {
    const v = words[j].value;
    const c0 = v.charCodeAt(0);
    if (v === '--' || v === '-') {
      j++;
      break;
    }
    if (v.length < 2 || (c0 !== 45 && c0 !== 43)) break;
    j++;
    if (v.charCodeAt(1) === 45) {
      if (v === '--rcfile' || v === '--init-file') j++;
      continue;
    }
    if (c0 === 45 && v.indexOf('c') > 0) sawC = true;
    // -o/+o and bash's -O/+O take an option name.
    if (v.indexOf('o') > 0 || v.indexOf('O') > 0) j++;
  }
  return sawC && j < words.length ? j : -1;
}

const WRAPPERS = new Set(['sudo', 'env', 'xargs', 'nohup', 'time', 'exec', 'nice', 'command', ...SHELLS]);

const WRAPPER_INITIAL = new Uint8Array(128);
for (const ch of '/sexntcbdazkm') WRAPPER_INITIAL[ch.charCodeAt(0)] = 1;

/** Null when the command is not a wrapper (the common case, kept allocation-free). */
export function unwrapCommand(words: readonly UnwrapWord[]): Unwrapped | null {
  if (words.length < 2 || words[0].dynamic) return null;
  const first = words[0].value;
  // Cheap filter before hashing the name: every wrapper starts with one of these letters.
  const c0 = first.charCodeAt(0);
  if (c0 >= 128 || WRAPPER_INITIAL[c0] === 0 || !WRAPPERS.has(c0 === 47 ? basename(first) : first)) return null;
  const res: Unwrapped = { name: 0, wrappers: [], envAssigns: [], script: -1 };
  let k = 0;
  while (k < words.length && !words[k].dynamic) {
    const name = basename(words[k].value);
    let next = -1;
    let assigns: number[] | null = null;
    switch (name) {
      case 'sudo':
      case 'env':
        assigns = [];
        next = skipAssigns(words, skipOptions(words, k + 1, name === 'sudo' ? SUDO : ENV), assigns);
        break;
      case 'xargs':
        next = skipOptions(words, k + 1, XARGS);
        break;
      case 'nohup':
        next = skipOptions(words, k + 1, NONE);
        break;
      case 'time':
        next = skipOptions(words, k + 1, TIME);
        break;
      case 'exec':
        next = skipOptions(words, k + 1, EXEC);
        break;
      case 'nice':
        next = skipOptions(words, k + 1, NICE);
        break;
      case 'command': {
        // `command -v x` only looks x up.
        let j = k + 1;
        while (j < words.length && words[j].value.startsWith('-') && words[j].value !== '--') {
          if (/[vV]/.test(words[j].value)) return res;
          j++;
        }
        if (j < words.length && words[j].value === '--') j++;
        next = j;
        break;
      }
      default:
        if (SHELLS.has(name)) {
          const script = shellScript(words, k + 1);
          if (script >= 0) {
            res.name = k;
            res.script = script;
          }
        }
        return res;
    }
    if (next >= words.length) return res;
    res.wrappers.push(name);
    if (assigns !== null) for (const a of assigns) res.envAssigns.push(a);
    k = next;
    res.name = k;
  }
  return res;
}
