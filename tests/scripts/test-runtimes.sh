#!/usr/bin/env bash
# The installed package in every runtime besides this machine's Node 20: the package tests again
# under each other supported Node line (22, 24, 26; ESM and CommonJS), then Bun, Deno, workerd and
# an `npm install --engine-strict` under every Node line (tests/js/runtimes/). Called by
# test-package.sh once the scratch project is installed; on its own:
# STREAM_SCRATCH=tests/out/scratch STREAM_TARBALL=tests/out/stream-payments-0.1.0.tgz tests/scripts/test-runtimes.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
scratch=$(realpath "${STREAM_SCRATCH:-$root/tests/out/scratch}")
tarball=$(realpath "${STREAM_TARBALL:-$(ls -t "$(dirname "$scratch")"/stream-payments-*.tgz | head -n 1)}")

# One line after another: side by side on 2 cores, the suites' timing tests (a 250 ms answer under
# a 400 ms deadline) lose their margin.
lines=$(node tests/js/runtimes/node-lines.mjs)
while read -r major node; do
  echo "== node $("$node" --version) --test: the installed package under Node $major (ESM import, CommonJS require)"
  (cd "$scratch" && STREAM_ROOT=$root "$node" --test --test-timeout=120000 --test-reporter=spec test/*.test.mjs test/*.test.cjs)
done <<<"$lines"

echo "== node --test: Bun, Deno, Node 26 and Cloudflare workerd against the mock; npm install --engine-strict under every Node line"
STREAM_SCRATCH=$scratch STREAM_TARBALL=$tarball node --test --test-timeout=300000 --test-reporter=spec --test-concurrency=1 tests/js/runtimes/*.test.mjs
