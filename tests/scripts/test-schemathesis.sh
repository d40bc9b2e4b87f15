#!/usr/bin/env bash
# Schemathesis (property-based, from PyPI; tests/.venv made by setup.sh) against the mock, checked
# against src/api/streampay-openapi.json with its default checks. Bounded: SCHEMATHESIS_EXAMPLES per
# operation (default 25) from a fixed SCHEMATHESIS_SEED, so a run repeats. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
out=$root/tests/out/schemathesis
rm -rf "$out" && mkdir -p "$out"

coproc MOCK { exec node pkg/mock/cli.mjs --port 0 --host 127.0.0.1; }
mock_pid=$MOCK_PID
trap 'kill "$mock_pid" 2>/dev/null || true; wait "$mock_pid" 2>/dev/null || true' EXIT
read -r line <&"${MOCK[0]}"
url=${line#MOCK_URL=}
[[ $url == http://127.0.0.1:* ]] || { echo "the mock did not start: $line" >&2; exit 1; }

# The checked-in config plus the ids the mock was seeded with (so examples reach the resources).
config=$out/schemathesis.toml
{ cat tests/mock/schemathesis/schemathesis.toml; echo; node tests/mock/schemathesis/ids.mjs "$url" "$(node -e 'console.log(Buffer.from("test-key:test-secret").toString("base64"))')"; } > "$config"

# Run from the output folder: Schemathesis keeps its example database and reports in the cwd.
cd "$out"
SCHEMATHESIS_HOOKS=hooks PYTHONPATH=$root/tests/mock/schemathesis \
  "$root/tests/.venv/bin/schemathesis" --no-color --config-file "$config" \
  run "$root/src/api/streampay-openapi.json" --url "$url" \
  --max-examples "${SCHEMATHESIS_EXAMPLES:-25}" --seed "${SCHEMATHESIS_SEED:-1}" --workers 1 \
  --report junit --report-dir "$out"
