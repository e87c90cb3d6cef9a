// Bundles the <vn-search> widget (src/widget) into dist/widget/widget.js and copies the demo page.
// Fails when the bundle exceeds its gzipped size budget, or bundles the API's code (zod) instead of its types.
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const GZIP_BUDGET_BYTES = 15 * 1024;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist', 'widget');
const outFile = join(outDir, 'widget.js');

/** CSS imports become minified text, which the element puts into its shadow root. */
const cssAsText = {
  name: 'css-as-text',
  setup(build) {
    build.onLoad({ filter: /\.css$/ }, async ({ path }) => {
      const { code } = await esbuild.transform(await readFile(path, 'utf8'), { loader: 'css', minify: true });
      return { contents: code, loader: 'text' };
    });
  },
};

await mkdir(outDir, { recursive: true });
const { metafile } = await esbuild.build({
  entryPoints: [join(root, 'src', 'widget', 'index.ts')],
  outfile: outFile,
  bundle: true,
  minify: true,
  format: 'iife', // runs from a classic <script defer> tag
  target: ['chrome111', 'firefox113', 'safari16.4'], // color-mix() and container queries
  legalComments: 'none',
  plugins: [cssAsText],
  logLevel: 'warning',
  metafile: true,
});
// The widget shares the API's types (`import type` from src/api/schemas.ts), never its code.
const dependencies = Object.keys(metafile.inputs).filter((input) => input.includes('node_modules') || input.includes('src/api/'));
if (dependencies.length > 0) {
  console.error(`widget.js must not bundle the API or its libraries; it pulled in: ${dependencies.slice(0, 5).join(', ')}`);
  process.exit(1);
}
await copyFile(join(root, 'src', 'widget', 'demo.html'), join(outDir, 'demo.html'));

const bundle = await readFile(outFile);
const gzipped = gzipSync(bundle, { level: 9 }).length;
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`${relative(root, outFile)}: ${kib(bundle.length)} minified, ${kib(gzipped)} gzipped (${gzipped} bytes, budget ${kib(GZIP_BUDGET_BYTES)})`);
if (gzipped > GZIP_BUDGET_BYTES) {
  console.error(`widget.js is over its gzipped size budget by ${gzipped - GZIP_BUDGET_BYTES} bytes`);
  process.exit(1);
}
