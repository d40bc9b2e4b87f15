// webpack.config.mjs: all a user writes. No wasm loader and no experiments: the package's web
// entry loads its .wasm through `new URL(..., import.meta.url)`, which webpack 5 emits as an asset.
import { fileURLToPath } from 'node:url';

export default {
  mode: 'production',
  entry: './src/main.js',
  output: { path: fileURLToPath(new URL('dist', import.meta.url)), filename: 'main.js', clean: true },
};
