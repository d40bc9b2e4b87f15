#!/usr/bin/env bash
# `make demo`: starts the mock Stream API and serves the demo page (www/) with the package build
# (pkg/) on 127.0.0.1, prints the URL, and stops both on Ctrl-C / SIGTERM.
#   DEMO_PORT (default 8080; any free port when taken)   PKG_DIR (default pkg)
#   STREAM_GATEWAY_URL, STREAMPAY_URL, STREAMPAY_API_KEY: use a real API instead of the mock;
#   STREAM_DEMO_PAYMENT_ID: the payment the page opens without ?payment=.
set -euo pipefail
cd "$(dirname "$0")/../.."
pkg=${PKG_DIR:-pkg}
[ -f "$pkg/web/stream_payments.js" ] || { echo "demo: no web build in $pkg/ (run make build)" >&2; exit 1; }

run_dir=$(mktemp -d)
mock_pid="" serve_pid=""
cleanup() {
  trap - EXIT INT TERM
  for pid in $serve_pid $mock_pid; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in $serve_pid $mock_pid; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$run_dir"
}
trap cleanup EXIT
trap 'echo; echo "[demo] stopping"; exit 0' INT TERM

# Waits for a KEY=value line from a background process's output file; fails if it dies first.
wait_for_line() { # file key pid
  for _ in $(seq 1 600); do
    if line=$(grep -m1 "^$2=" "$1" 2>/dev/null); then echo "${line#*=}"; return 0; fi
    kill -0 "$3" 2>/dev/null || { cat "$1" >&2; return 1; }
    sleep 0.05
  done
  echo "demo: timed out waiting for $2" >&2; return 1
}

node pkg/mock/cli.mjs --port 0 > "$run_dir/mock.out" 2>&1 &
mock_pid=$!
mock_url=$(wait_for_line "$run_dir/mock.out" MOCK_URL "$mock_pid")

node www/serve.mjs --pkg "$pkg" --mock "$mock_url" --port "${DEMO_PORT:-8080}" > "$run_dir/serve.out" 2>&1 &
serve_pid=$!
demo_url=$(wait_for_line "$run_dir/serve.out" DEMO_URL "$serve_pid")

echo "Mock Stream API:  $mock_url   (control API under $mock_url/__mock/)"
if [ -n "${STREAM_GATEWAY_URL:-}${STREAMPAY_URL:-}" ]; then
  echo "Real API:         gateway ${STREAM_GATEWAY_URL:-(mock)}, StreamPay ${STREAMPAY_URL:-(mock)} (it must allow CORS from the page)"
fi
if [ -n "${STREAMPAY_API_KEY:-}" ]; then
  echo "Warning: STREAMPAY_API_KEY is handed to the browser page (/config.json on 127.0.0.1): use a test key."
fi
echo
echo "  Demo page:  $demo_url/"
echo
echo "Press Ctrl-C to stop."
# Stays up until a signal, or until either server dies.
while kill -0 "$mock_pid" 2>/dev/null && kill -0 "$serve_pid" 2>/dev/null; do
  sleep 1 & wait $! || true
done
echo "demo: a server stopped unexpectedly" >&2
cat "$run_dir/mock.out" "$run_dir/serve.out" >&2
exit 1
