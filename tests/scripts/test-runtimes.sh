#!/usr/bin/env bash
# The installed package in every runtime besides this machine's Node 20: the package tests again
# under the current Node LTS (ESM and CommonJS), then Bun, Deno, Node 26 and workerd against the
# mock (tests/js/runtimes/). Called by test-package.sh once the scratch project is installed;
# on its own: STREAM_SCRATCH=tests/out/scratch tests/scripts/test-runtimes.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
scratch=$(realpath "${STREAM_SCRATCH:-$root/tests/out/scratch}")
node26=$root/tests/runtimes/node_modules/.bin/node

echo "== node $("$node26" --version) --test: the installed package under the current Node LTS (ESM import, CommonJS require)"
(cd "$scratch" && STREAM_ROOT=$root "$node26" --test --test-timeout=120000 --test-reporter=spec test/*.test.mjs test/*.test.cjs)

echo "== node --test: Bun, Deno, Node 26 and Cloudflare workerd against the mock"
STREAM_SCRATCH=$scratch node --test --test-timeout=300000 --test-reporter=spec --test-concurrency=1 tests/js/runtimes/*.test.mjs
