#!/usr/bin/env bash
# Tests the npm package as a user gets it: `npm pack` of pkg/, installed into a scratch project,
# then used from Node (ESM and CommonJS), TypeScript (tsc --strict), headless Chromium, and its
# command line and mock (`npx stream-payments`, `stream-payments/mock`).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
# PKG_DIR / TEST_OUT let parallel work test its own build.
# `node --test` gets files, never a directory: Node 21+ reads a directory argument as a file.
pkg=$(realpath "${PKG_DIR:-pkg}")
out=$(realpath -m "${TEST_OUT:-$root/tests/out}")
scratch=$out/scratch
rm -rf "$scratch" && mkdir -p "$scratch/test"

tarball=$(cd "$out" && npm pack "$pkg" --silent --pack-destination "$out" | tail -n 1)
cd "$scratch"
printf '{ "name": "scratch", "private": true, "type": "module" }\n' > package.json
npm install --no-audit --no-fund --loglevel=error --no-save "$out/$tarball"
cp "$root"/tests/js/package/* test/

echo "== node --test: the installed package (ESM import, CommonJS require, size budget)"
STREAM_ROOT=$root node --test --test-timeout=120000 --test-reporter=spec test/*.test.mjs test/*.test.cjs

echo "== node --test: the .wasm has no std and no formatting machinery (name sections of the cargo output)"
STREAM_ROOT=$root node --test --test-reporter=spec "$root"/tests/js/build/*.test.mjs

echo "== other runtimes: Node 22, 24 and 26, Bun, Deno, Cloudflare workerd"
STREAM_SCRATCH=$scratch STREAM_TARBALL=$out/$tarball "$root/tests/scripts/test-runtimes.sh"

echo "== tsc --strict: a TypeScript consumer of the package's .d.ts"
cp "$root/tests/js/types/"* .
"$root/tests/node_modules/.bin/tsc" -p tsconfig.json

echo "== node --test: headless Chromium pages: the web and checkout builds with no bundler (import map), Vite and webpack 5"
cd "$root"
STREAM_SCRATCH=$scratch node --test --test-timeout=180000 --test-reporter=spec --test-concurrency=1 tests/js/browser/*.test.mjs

echo "== node --test: the README's code blocks (Node ESM/CJS, tsc --strict, Chromium without a bundler, a Vite build)"
STREAM_SCRATCH=$scratch node --test --test-timeout=300000 --test-reporter=spec --test-concurrency=1 tests/js/readme/*.test.mjs

echo "== node --test: the command line (the installed bin, as npx runs it) and stream-payments/mock"
STREAM_SCRATCH=$scratch node --test --test-timeout=180000 --test-reporter=spec --test-concurrency=1 \
  tests/js/cli/commands.test.mjs tests/js/cli/watch.test.mjs tests/js/cli/webhook.test.mjs tests/js/cli/amounts.test.mjs \
  tests/js/cli/mock-command.test.mjs tests/js/mock/start-mock.test.mjs

echo "== node --test: stream-payments mcp (MCP clients of the same SDK over stdio and HTTP), and the SDK kept out of the library builds"
STREAM_SCRATCH=$scratch node --test --test-timeout=180000 --test-reporter=spec --test-concurrency=1 \
  tests/js/cli/mcp.test.mjs tests/js/cli/mcp-isolation.test.mjs
