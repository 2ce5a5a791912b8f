// The GitHub Action's entry (action.yml, runs.using: node20): reads the inputs, builds the CLI on
// first use when the action was checked out from source, and runs it in the workspace. Plain
// JavaScript so it runs before anything is compiled.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** GitHub passes input `fail-on` as INPUT_FAIL-ON: upper case, spaces as underscores, hyphens kept. */
export function input(name, env = process.env) {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** The CLI arguments for the inputs: the annotated run, and the SARIF run when asked. */
export function cliArgs(env = process.env) {
  const paths = input('path', env).split(/\s+/).filter(Boolean);
  const common = [...(paths.length ? paths : ['.'])];
  const config = input('config', env);
  if (config) common.push('--config', config);
  const failOn = input('fail-on', env);
  if (failOn) common.push('--fail-on', failOn);
  const runs = [[...common, '--format', input('format', env) || 'github']];
  const sarif = input('sarif-file', env);
  if (sarif) runs.push([...common, '--format', 'sarif', '--output-file', sarif]);
  return runs;
}

async function run() {
  const cli = join(root, 'dist', 'src', 'cli', 'main.js');
  if (!existsSync(cli)) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    execFileSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
  }
  const { main } = await import(pathToFileURL(cli).href);
  const [report, sarif] = cliArgs();
  // The SARIF run first, so the file exists even when the annotated run fails the step.
  const sarifCode = sarif ? await main(sarif) : 0;
  const code = await main(report);
  process.exitCode = code === 2 || sarifCode === 2 ? 2 : code;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  run().catch((e) => {
    console.log(`::error title=compose-lint::${String(e?.stack ?? e).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}`);
    process.exitCode = 2;
  });
}
