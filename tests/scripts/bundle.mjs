// Bundles the hand-written JS shell (pkg/src) over each wasm-bindgen build with esbuild.
// Every shell module imports the raw exports as './glue.js'; here that becomes the glue that
// sits beside the bundle ('./stream_payments.js'), kept as a separate file so its own loading
// of the .wasm (fs in Node, `new URL(..., import.meta.url)` on the web) is untouched.
import { build } from 'esbuild';
import { writeFile } from 'node:fs/promises';

const pkg = process.argv[2] ?? 'pkg';
const src = new URL('../../pkg/src/', import.meta.url).pathname;

const glue = {
  name: 'glue',
  setup(b) {
    b.onResolve({ filter: /^\.\/glue\.js$/ }, () => ({ path: './stream_payments.js', external: true }));
    b.onResolve({ filter: /^\.\/glue\.wasm$/ }, () => ({ path: './stream_payments_bg.wasm', external: true }));
  },
};

// The element imports the checkout build by its public name; in the package that is the sibling
// folder, kept external so a page that also imports the checkout build loads one copy.
const checkoutBuild = {
  name: 'checkout-build',
  setup(b) {
    b.onResolve({ filter: /^stream-payments\/checkout$/ }, () => ({ path: '../checkout/index.js', external: true }));
  },
};

const common = { bundle: true, plugins: [glue], logLevel: 'warning', legalComments: 'none', target: 'es2022' };
// Pages pay for every byte; class and function names stay readable in stack traces.
const web = { ...common, format: 'esm', minify: true, keepNames: true, splitting: true, chunkNames: 'shell-[hash]' };

await Promise.all([
  build({ ...common, entryPoints: [src + 'entry-node.js'], outfile: `${pkg}/node/index.cjs`, format: 'cjs', platform: 'node' }),
  build({
    ...web,
    entryPoints: { index: src + 'entry-web.js', manual: src + 'entry-web-manual.js', worker: src + 'entry-worker.js' },
    outdir: `${pkg}/web`,
  }),
  build({ ...web, entryPoints: { index: src + 'entry-checkout.js' }, outdir: `${pkg}/checkout` }),
  // The QR encoder (npm `uqr`, a dev dependency in tests/) is bundled in: the package has no runtime dependency.
  build({
    ...web, splitting: false, keepNames: false, plugins: [checkoutBuild], nodePaths: [new URL('../node_modules', import.meta.url).pathname],
    entryPoints: { index: src + 'element/index.js' }, outdir: `${pkg}/element`,
  }),
]);
// Node ESM shares the CommonJS module (one wasm instance, one StreamError class for import and
// require); esbuild annotates its export names so Node can re-export them by name.
await writeFile(`${pkg}/node/index.mjs`, "export * from './index.cjs';\n");
