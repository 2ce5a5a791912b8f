// Runs every compiled *.test.js under dist/test and dist/rules with Node's test runner. Node 20
// expands no globs and, given a folder, would also run helpers that merely sit in test/ folders.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = join(import.meta.dirname, '..');
const files = [];
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.test.js')) files.push(p);
  }
};
for (const dir of ['dist/test', 'dist/rules']) walk(join(root, dir));
files.sort();
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...process.argv.slice(2), ...files], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(result.status ?? 1);
