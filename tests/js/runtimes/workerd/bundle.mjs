// Bundles a worker the way wrangler does: esbuild with the `workerd` / `worker` / `browser`
// conditions, and every imported .wasm left as a separate module of the worker (workerd
// compiles it at load; a worker may not compile wasm from bytes). Returns the .wasm module
// names written next to worker.js, for the config's module list.
import { copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const testsDir = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const esbuild = createRequire(join(testsDir, 'package.json'))('esbuild');

export async function bundleWorker(entry, outDir) {
  const wasm = new Map();
  const wasmAsModule = {
    name: 'wasm-as-module',
    setup(build) {
      build.onResolve({ filter: /\.wasm$/ }, (args) => {
        const file = resolve(args.resolveDir, args.path);
        const name = basename(file);
        wasm.set(name, file);
        return { path: `./${name}`, external: true };
      });
    },
  };
  await esbuild.build({
    entryPoints: [entry],
    outfile: join(outDir, 'worker.js'),
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['browser', 'module', 'main'],
    plugins: [wasmAsModule],
    logLevel: 'error',
  });
  for (const [name, file] of wasm) copyFileSync(file, join(outDir, name));
  return [...wasm.keys()];
}
