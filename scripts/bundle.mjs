// Bundles the compiled CLI (dist/src/cli/main.js and everything it imports, npm packages
// included) into dist/cli.bundle.mjs, so start-up reads and compiles one file instead of
// hundreds. Files found at run time next to the code (package.json, the generated validators,
// rule docs) are found from where each module was compiled to: `import.meta.url` in a module is
// rewritten to that module's dist/ location, relative to the bundle, so the tree stays movable.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'cli.bundle.mjs');

const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const rel = relative(dirname(outfile), args.path).split('\\').join('/');
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`), loader: 'js' };
    });
  },
};

export async function bundleCli() {
  await build({
    entryPoints: [join(root, 'dist', 'src', 'cli', 'main.js')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // CommonJS packages inside an ES module bundle need a `require`.
    banner: { js: "import { createRequire as __clCreateRequire } from 'node:module'; const require = __clCreateRequire(import.meta.url);" },
    plugins: [keepModuleUrls],
    logLevel: 'warning',
    legalComments: 'none',
    // Smaller source is parsed faster at every start; names stay for readable stack traces.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'linked',
  });
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleCli();
