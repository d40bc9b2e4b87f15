# The two commands a newcomer types: `make demo` and `make test`. Both run `setup` first.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

WASM_TEST := cargo test --target wasm32-unknown-unknown --features std-panic
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: help setup build test test-rust test-wasm test-mock test-types test-js lint demo bench clean types

help:
	@echo "make demo    build, start the mock API and serve the demo page"
	@echo "make test    every test: Rust (host), wasm in Node and Chromium, the packed npm package"
	@echo "make build   release build of the npm package into pkg/ (prints .wasm sizes)"
	@echo "make bench   benchmarks against the JS alternatives, written to BENCHMARKS.md"
	@echo "make setup   install what the above need (idempotent)"

setup:
	@tests/scripts/setup.sh

build: setup
	@tests/scripts/build.sh

lint: setup
	cargo fmt --check
	cargo clippy --quiet --all-targets -- -D warnings
	cargo clippy --quiet --lib --tests --target wasm32-unknown-unknown --features std-panic -- -D warnings
	cargo clippy --quiet --lib --target wasm32-unknown-unknown --no-default-features --features js -- -D warnings
	cargo clippy --quiet --all-targets --no-default-features --features merchant -- -D warnings

# The core alone, the checkout build's features (`build.sh`) and everything, each on the host;
# the last line checks the checkout build's error texts (src/error_texts_checkout.txt).
test-rust: setup
	cargo test --quiet --no-default-features --features merchant
	cargo test --quiet --no-default-features --features js
	cargo test --quiet
	cargo test --quiet --lib --no-default-features error_texts

test-wasm: setup
	$(WASM_TEST) --test wasm_node
	$(WASM_TEST) --test wasm_browser

# The mock's own tests, then Schemathesis against it (one to two minutes).
test-mock: setup
	node --test tests/mock/*.test.mjs
	tests/scripts/test-schemathesis.sh

# The generated StreamPay types are fresh (a stale file fails) and compile under tsc --strict.
test-types: setup
	node --test tests/api/*.test.mjs

# Regenerates the catalogue's files (the .d.ts, the Rust tables and shapes, the JS client classes)
# from src/api/streampay-openapi.json and codegen/catalogue.mjs.
types:
	node codegen/gen-types.mjs

test-js: build
	@tests/scripts/test-package.sh

test: lint test-rust test-wasm test-mock test-types test-js

demo: build
	@tests/scripts/demo.sh

bench: build
	@tests/scripts/bench.sh

clean:
	cargo clean
	rm -rf pkg/node pkg/web pkg/checkout pkg/element pkg/*.tgz tests/out
