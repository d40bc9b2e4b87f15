#!/usr/bin/env bash
# Release build of the npm package under pkg/:
#   cargo (full and checkout features) -> wasm-bindgen (nodejs, web) -> wasm-opt -Oz
#   -> esbuild bundles of the JS shell (pkg/src) beside each glue (tests/scripts/bundle.mjs).
set -euo pipefail
cd "$(dirname "$0")/../.."

# PKG_DIR builds a copy of the package elsewhere (parallel work); CARGO_TARGET_DIR is honoured.
pkg=${PKG_DIR:-pkg}
target=${CARGO_TARGET_DIR:-target}
if [ "$pkg" != pkg ]; then
  mkdir -p "$pkg" && cp -r pkg/package.json pkg/custom-elements.json pkg/types pkg/mock pkg/cli "$pkg/"
fi
wasm_opt=tests/node_modules/.bin/wasm-opt

cargo build --release --lib --target wasm32-unknown-unknown --quiet
cargo build --release --lib --target wasm32-unknown-unknown --quiet --no-default-features --features js \
  --target-dir "$target/checkout"
full=$target/wasm32-unknown-unknown/release/stream_payments.wasm
checkout=$target/checkout/wasm32-unknown-unknown/release/stream_payments.wasm

glue() { # wasm target out-dir module-type
  rm -rf "${pkg:?}/$3"
  wasm-bindgen --target "$2" --out-dir "$pkg/$3" --no-typescript --remove-name-section --remove-producers-section "$1"
  # Without memory packing: it splits the data at every run of zeros (the catalogue's shapes are
  # mostly empty fields) into ~1,000 segments whose headers gzip worse than the zeros did:
  # full .wasm +12.7 KB raw, -2.7 KB gzip; checkout +1.6 KB, -0.3 KB (BENCHMARKS.md, "Issue 18").
  "$wasm_opt" -Oz --skip-pass=memory-packing "$pkg/$3/stream_payments_bg.wasm" -o "$pkg/$3/stream_payments_bg.wasm"
  printf '{ "type": "%s" }\n' "$4" > "$pkg/$3/package.json"
}
cp README.md "$pkg/README.md" # the npm front page is the repository README
# The mock checks requests against the API's own description; the package carries a copy.
cp src/api/streampay-openapi.json "$pkg/mock/streampay-openapi.json"
# The MCP server (cli/mcp/) generates its tools from the operations catalogue the clients come from.
cp src/api/streampay-operations.json "$pkg/cli/mcp/streampay-operations.json"
glue "$full" nodejs node commonjs
glue "$full" web web module
glue "$checkout" web checkout module
node tests/scripts/bundle.mjs "$pkg"

printf '%-34s %10s %10s\n' file raw gzip-9
for f in "$pkg"/web/stream_payments_bg.wasm "$pkg"/web/index.js "$pkg"/web/shell-*.js \
  "$pkg"/checkout/stream_payments_bg.wasm "$pkg"/checkout/index.js "$pkg"/element/index.js; do
  printf '%-34s %10d %10d\n' "$f" "$(wc -c < "$f")" "$(gzip -9c "$f" | wc -c)"
done
