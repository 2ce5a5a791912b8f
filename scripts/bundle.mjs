// Bundles the compiled CLI (dist/src/cli/main.js and everything it imports, npm packages
// included) into one CommonJS file, dist/cli.bundle.cjs, and makes V8's code cache for it
// (dist/cli.bundle.cache): bin/load-bundle.cjs runs the bundle with that cache, so start-up neither
// resolves hundreds of modules nor compiles their code. CommonJS because Node.js 20 offers a code
// cache only to scripts, not to ES modules. What the code imports dynamically (reporters,
// subcommands, --fix) stays in the file but is evaluated only when used.
// Files found at run time next to the code (package.json, the generated validators, rule docs)
// are found from where each module was compiled to: `import.meta.url` in a module is rewritten to
// that module's dist/ location, relative to the bundle, so the tree stays movable.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'cli.bundle.cjs');

const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const rel = relative(dirname(outfile), args.path).split('\\').join('/');
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, __clBundleUrl).href`), loader: 'js' };
    });
  },
};

export async function bundleCli() {
  // Outputs of earlier versions of this script (an ES module bundle split into chunks).
  for (const old of ['cli.bundle.mjs', 'cli.bundle.mjs.map']) await rm(join(root, 'dist', old), { force: true });
  await build({
    entryPoints: [join(root, 'dist', 'src', 'cli', 'main.js')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // The bundle's own URL, for the rewritten `import.meta.url`s (a name no module declares).
    banner: { js: "const __clBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    plugins: [keepModuleUrls],
    logLevel: 'warning',
    legalComments: 'none',
    // Smaller source is parsed faster; names stay for readable stack traces.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'linked',
  });
  // The cache is made by a run like a user's (a small Dockerfile), so that the functions such a
  // run calls are in it, compiled; V8 rejects it, harmlessly, under another Node.js version.
  await rm(join(root, 'dist', 'cli.bundle.cache'), { force: true });
  execFileSync(process.execPath, [join(root, 'scripts', 'code-cache.mjs')], { stdio: 'inherit', cwd: root });
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleCli();
