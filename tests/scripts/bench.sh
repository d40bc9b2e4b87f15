#!/usr/bin/env bash
# `make bench`: the built package against its JavaScript alternatives; results go to BENCHMARKS.md
# (between the bench markers). Runs after `make build`; about 3 minutes on 2 cores.
# PKG_DIR benchmarks another build (default pkg); BENCH_OUT moves the scratch project;
# BENCH_ONLY=id,id, BENCH_QUICK=1, BENCH_ROUNDS=N, BENCH_WRITE=0 are read by tests/bench/run.mjs.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
pkg=$(realpath "${PKG_DIR:-pkg}")
out=$(realpath -m "${BENCH_OUT:-$root/tests/out/bench}")

if [ ! -f "$pkg/web/stream_payments_bg.wasm" ] || [ ! -f "$pkg/node/stream_payments_bg.wasm" ]; then
  echo "bench: no build in $pkg; run make build (or tests/scripts/build.sh with PKG_DIR)" >&2
  exit 1
fi

# The anchors (viem, ethers, @near-js/utils, bignumber.js, the StreamPay SDK), pinned by the lock file.
if [ ! -f tests/bench/node_modules/.package-lock.json ] || ! cmp -s tests/bench/package-lock.json tests/bench/node_modules/.bench-lock; then
  echo "[bench] installing the JS anchors (tests/bench/package-lock.json)"
  npm ci --prefix tests/bench --no-audit --no-fund --loglevel=error
  cp tests/bench/package-lock.json tests/bench/node_modules/.bench-lock
fi

# The floor of the amount rows: a bare no_std wasm module (tests/bench/floor, its own workspace).
cargo build --quiet --release --target wasm32-unknown-unknown --manifest-path tests/bench/floor/Cargo.toml \
  --target-dir "$root/target/bench-floor"

# The package as a user installs it: npm pack, then installed into a scratch project.
scratch=$out/scratch
rm -rf "$scratch" && mkdir -p "$scratch"
tarball=$(cd "$out" && npm pack "$pkg" --silent --pack-destination "$out" | tail -n 1)
printf '{ "name": "bench-scratch", "private": true, "type": "module" }\n' > "$scratch/package.json"
(cd "$scratch" && npm install --no-audit --no-fund --loglevel=error --no-save "$out/$tarball")

command="make bench"
[ -n "${PKG_DIR:-}" ] && command="PKG_DIR=${PKG_DIR} tests/scripts/bench.sh"
BENCH_SCRATCH=$scratch BENCH_COMMAND=${BENCH_COMMAND:-$command} node tests/bench/run.mjs

# The gateway's load from 10,000 <stream-checkout> pages (issue 17): the element's own Rust
# schedule on a simulated clock, written between the checkout-load markers of BENCHMARKS.md.
if [ "${BENCH_WRITE:-1}" != 0 ]; then
  STREAM_BENCH_MD=$root/BENCHMARKS.md cargo test --quiet --release --test checkout_load -- --nocapture
else
  cargo test --quiet --release --test checkout_load -- --nocapture
fi
