#!/usr/bin/env bash
# Release build of the npm package under pkg/: cargo -> wasm-bindgen (node + web) -> wasm-opt -Oz.
set -euo pipefail
cd "$(dirname "$0")/../.."

# PKG_DIR builds a copy of the package elsewhere (parallel work); CARGO_TARGET_DIR is honoured.
pkg=${PKG_DIR:-pkg}
target=${CARGO_TARGET_DIR:-target}
if [ "$pkg" != pkg ]; then
  mkdir -p "$pkg" && cp -r pkg/package.json pkg/entry "$pkg/"
fi

cargo build --release --lib --target wasm32-unknown-unknown --quiet
wasm=$target/wasm32-unknown-unknown/release/stream_payments.wasm
wasm_opt=tests/node_modules/.bin/wasm-opt

build() { # target out-dir module-type
  rm -rf "$pkg/$2"
  wasm-bindgen --target "$1" --out-dir "$pkg/$2" --remove-name-section --remove-producers-section "$wasm"
  "$wasm_opt" -Oz "$pkg/$2/stream_payments_bg.wasm" -o "$pkg/$2/stream_payments_bg.wasm"
  printf '{ "type": "%s" }\n' "$3" > "$pkg/$2/package.json"
  # The web target's InitOutput types raw wasm externref slots as `any`; `unknown` is as true
  # and keeps `any` out of the public declarations.
  sed -i -E 's/\b(a|b|c|d|e|f|g|h): any\b/\1: unknown/g; s/\) => any;/) => unknown;/' "$pkg/$2/stream_payments.d.ts"
  # The classes declare [Symbol.dispose]; name its lib so consumers on an ES2022 lib compile.
  sed -i '1i /// <reference lib="esnext.disposable" />' "$pkg/$2/stream_payments.d.ts"
}
cp README.md "$pkg/README.md" # the npm front page is the repository README
build nodejs node commonjs
build web web module

printf '%-34s %10s %10s\n' file raw gzip-9
for f in "$pkg"/node/stream_payments_bg.wasm "$pkg"/web/stream_payments_bg.wasm "$pkg"/web/stream_payments.js; do
  printf '%-34s %10d %10d\n' "$f" "$(wc -c < "$f")" "$(gzip -9c "$f" | wc -c)"
done
