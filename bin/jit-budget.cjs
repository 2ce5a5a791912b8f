// How much work V8 sees a function do before it compiles it with its optimizing compiler.
//
// V8 optimizes a function once it has run about 66 kB of bytecode (its "interrupt budget"). That
// suits a long-lived page; a lint run is short and runs a lot of different code (some 150 rules,
// three parsers, the schema validator) a few thousand times each, so with the default hundreds of
// functions are optimized, many again after a deoptimization, and compiling them costs more than
// it saves: one cold run on the corpus spent ~4 s of CPU in the optimizing compiler
// (`node --trace-opt`), on background threads, against ~3 s of linting. With a budget 12× larger
// only the really hot code (the parsers' inner loops, the rule dispatch) is optimized: the CLI on
// the corpus went from 4.2–4.8 s to 2.8–3.3 s of CPU and from ~3.0 to ~2.6 s wall, and a run on
// 16× the corpus lost nothing (bench/README.md). Of 400,000, 800,000, 1.6 M and 3.2 M (six cold
// runs each, each with its own code cache), 800,000 gave the shortest runs: larger budgets leave
// hot loops in the interpreter for too long.
//
// Set by the executable for its whole process (workers share V8's flags) before the bundle is
// loaded: V8 accepts a code cache only under the flags it was made with (bin/load-bundle.cjs).
'use strict';
const v8 = require('node:v8');
const { isMainThread } = require('node:worker_threads');

const JIT_BUDGET = 800000;
const FLAG = '--interrupt-budget';

/** Whether the user chose the flag (`node --interrupt-budget=…`, or `--interrupt_budget`). */
function userChose(userFlags) {
  return userFlags.some((f) => {
    const n = f.replace(/_/g, '-');
    return n === FLAG || n.startsWith(`${FLAG}=`);
  });
}

/**
 * Sets the budget for the whole process. Lint workers (bin/lint-worker.cjs) leave it to the main
 * thread, which set it before starting them: V8's flags are one set per process.
 */
function raiseJitBudget(budget = JIT_BUDGET, setFlags = v8.setFlagsFromString, userFlags = process.execArgv) {
  if (isMainThread && !userChose(userFlags)) setFlags(`${FLAG}=${budget}`);
}

module.exports = { JIT_BUDGET, raiseJitBudget };
