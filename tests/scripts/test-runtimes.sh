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

# All lines at once, each in its own copy of the scratch project (a suite writes files beside its
# tests). The suites wait on timers far more than they compute (about 13 s of CPU in 55 s on
# 2 cores), so three side by side take little longer than one.
lines=$scratch/node-lines
rm -rf "$lines"
declare -A pid bin
while read -r major node; do
  dir=$lines/node$major
  mkdir -p "$dir"
  cp -a "$scratch/package.json" "$scratch/node_modules" "$scratch/test" "$dir/"
  (cd "$dir" && STREAM_ROOT=$root "$node" --test --test-timeout=120000 --test-reporter=spec test/*.test.mjs test/*.test.cjs) >"$dir.log" 2>&1 &
  pid[$major]=$!
  bin[$major]=$node
done < <(node tests/js/runtimes/node-lines.mjs)
[ "${#pid[@]}" -gt 0 ] || { echo "no Node lines in tests/runtimes/package.json" >&2; exit 1; }

failed=()
for major in $(printf '%s\n' "${!pid[@]}" | sort -n); do
  status=0
  wait "${pid[$major]}" || status=$?
  echo "== node $("${bin[$major]}" --version) --test: the installed package under Node $major (ESM import, CommonJS require)"
  cat "$lines/node$major.log"
  [ "$status" -eq 0 ] || failed+=("$major")
done
[ "${#failed[@]}" -eq 0 ] || { echo "the package suites failed under Node ${failed[*]}" >&2; exit 1; }

echo "== node --test: Bun, Deno, Node 26 and Cloudflare workerd against the mock; npm install --engine-strict under every Node line"
STREAM_SCRATCH=$scratch STREAM_TARBALL=$tarball node --test --test-timeout=300000 --test-reporter=spec --test-concurrency=1 tests/js/runtimes/*.test.mjs
