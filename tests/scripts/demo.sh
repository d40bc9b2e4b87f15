#!/usr/bin/env bash
# `make demo`: until the browser demo page lands, prints exactly formatted amounts from Node.
set -euo pipefail
cd "$(dirname "$0")/../.."
node www/amounts.mjs
