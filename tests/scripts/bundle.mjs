// Bundles the hand-written JS shell (pkg/src) over each wasm-bindgen build with esbuild.
// Every shell module imports the raw exports as './glue.js'. In Node that stays the glue beside
// the bundle ('./stream_payments.js'), which reads the .wasm with fs. In the browser builds the
// glue is bundled in and minified with the shell (a page downloads one file fewer, and the glue's
// doc comments and long names were half its gzip bytes: BENCHMARKS.md "Issue 18"); its
// `new URL('stream_payments_bg.wasm', import.meta.url)` stays as written, so the .wasm is still
// found beside the entry and bundlers still see it.
import { build } from 'esbuild';
import { rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { shortImports } from './short-imports.mjs';

const pkg = process.argv[2] ?? 'pkg';
const src = new URL('../../pkg/src/', import.meta.url).pathname;

/** `bundled`: the folder whose wasm-bindgen glue is bundled in; otherwise it stays a file beside. */
const glue = (bundled) => ({
  name: 'glue',
  setup(b) {
    b.onResolve({ filter: /^\.\/glue\.js$/ }, () =>
      bundled ? { path: resolve(pkg, bundled, 'stream_payments.js') } : { path: './stream_payments.js', external: true });
    b.onResolve({ filter: /^\.\/glue\.wasm$/ }, () => ({ path: './stream_payments_bg.wasm', external: true }));
  },
});

// The element imports the checkout build by its public name; in the package that is the sibling
// folder, kept external so a page that also imports the checkout build loads one copy.
const checkoutBuild = {
  name: 'checkout-build',
  setup(b) {
    b.onResolve({ filter: /^stream-payments\/checkout$/ }, () => ({ path: '../checkout/index.js', external: true }));
  },
};

const common = { bundle: true, plugins: [glue()], logLevel: 'warning', legalComments: 'none', target: 'es2022' };
// Pages pay for every byte: minified, names included (keeping them cost ~1 KB gzip per build);
// the source maps beside each file (fetched only by developer tools) give stack traces back
// their names and lines.
const web = {
  ...common, format: 'esm', minify: true, splitting: true, chunkNames: 'shell-[hash]', sourcemap: 'linked', sourcesContent: true,
};

await Promise.all([
  build({ ...common, entryPoints: [src + 'entry-node.js'], outfile: `${pkg}/node/index.cjs`, format: 'cjs', platform: 'node' }),
  build({
    ...web, plugins: [glue('web')],
    entryPoints: { index: src + 'entry-web.js', manual: src + 'entry-web-manual.js', worker: src + 'entry-worker.js' },
    outdir: `${pkg}/web`,
  }),
  build({ ...web, plugins: [glue('checkout')], entryPoints: { index: src + 'entry-checkout.js' }, outdir: `${pkg}/checkout` }),
  // The QR encoder (npm `uqr`, a dev dependency in tests/) is bundled in: the package has no runtime dependency.
  build({
    ...web, splitting: false, keepNames: false, plugins: [checkoutBuild], nodePaths: [new URL('../node_modules', import.meta.url).pathname],
    entryPoints: { index: src + 'element/index.js' }, outdir: `${pkg}/element`,
  }),
]);
// The browser builds carry their glue inside the bundle now, and their imports short names.
await Promise.all(['web', 'checkout'].map((dir) => rm(`${pkg}/${dir}/stream_payments.js`)));
for (const dir of ['web', 'checkout']) shortImports(`${pkg}/${dir}`);
// Node ESM shares the CommonJS module (one wasm instance, one StreamError class for import and
// require); esbuild annotates its export names so Node can re-export them by name.
await writeFile(`${pkg}/node/index.mjs`, "export * from './index.cjs';\n");
