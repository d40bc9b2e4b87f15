#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already there.
# Idempotent; about 9 minutes on a fresh machine, about a second when all is present.
set -euo pipefail
cd "$(dirname "$0")/../.."

say() { printf '[setup] %s\n' "$*"; }

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing Debian chromium + chromium-driver"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The CLI must match the wasm-bindgen crate in Cargo.lock exactly.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (had: ${have:-none})"
  # Not --locked: the CLI's own lockfile names a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$want" --quiet
fi

# npm folders, each pinned by its lock file and installed once: dev tools (esbuild, wasm-opt,
# playwright-core, tsc, Vite, webpack, Ajv) and the runtimes besides this Node (Bun, Deno,
# workerd, Node 22, 24 and 26).
for dir in tests tests/runtimes; do
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.setup-lock"; then
    say "installing npm packages of $dir ($dir/package-lock.json)"
    npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
    cp "$dir/package-lock.json" "$dir/node_modules/.setup-lock"
  fi
done

# Schemathesis (PyPI) for the property-based run against the mock, in a venv of its own, pinned
# with its dependencies by tests/mock/schemathesis/requirements.txt and installed once.
venv=tests/.venv
reqs=tests/mock/schemathesis/requirements.txt
if [ ! -x "$venv/bin/schemathesis" ] || ! cmp -s "$reqs" "$venv/.setup-requirements"; then
  if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
    say "installing Debian python3-venv"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
  fi
  say "installing Schemathesis into $venv ($reqs)"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps -r "$reqs"
  cp "$reqs" "$venv/.setup-requirements"
fi
