// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time by source file and by function.
// Usage: node bench/profile-summary.mjs <file.cpuprofile> [top=25]
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
// Sample intervals, not counts: samples are not evenly spaced under load.
for (let i = 0; i < profile.samples.length; i++) {
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const byFile = new Map();
const byFn = new Map();
const short = (url) => url.replace(/^file:\/\//, '').replace(/^.*\/(dist|node_modules)\//, '$1/') || '(native)';
for (const [id, ms] of self) {
  const { callFrame: f } = byId.get(id);
  const fileKey = short(f.url);
  byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + ms);
  const fnKey = `${f.functionName || '(anonymous)'}  ${fileKey}:${f.lineNumber + 1}`;
  byFn.set(fnKey, (byFn.get(fnKey) ?? 0) + ms);
}
const print = (title, map) => {
  console.log(`\n${title}`);
  for (const [k, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${ms.toFixed(0).padStart(7)} ms ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
  }
};
console.log(`total ${total.toFixed(0)} ms`);
print('self time by file', byFile);
print('self time by function', byFn);
