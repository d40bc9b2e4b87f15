// What a browser downloads for one of the package's browser builds: the .wasm, the entry module
// and every module it imports, followed through the files (the wasm-bindgen glue is bundled into
// the entry or the shared shell chunk). Shared by the size test and `make bench`'s size case.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Paths relative to the package folder `dir`, for `build` (`web` or `checkout`). */
export function downloaded(dir, build) {
  const modules = [];
  const follow = (file) => {
    if (modules.includes(file)) return;
    modules.push(file);
    const text = readFileSync(join(dir, file), 'utf8');
    for (const [, spec] of text.matchAll(/(?:from|import)\s*["'](\.\/[^"']+\.js)["']/g)) follow(join(dirname(file), spec));
  };
  follow(`${build}/index.js`);
  return [`${build}/stream_payments_bg.wasm`, ...modules];
}
