//! The wasm suite (`tests/common/`) run by wasm-bindgen-test-runner in Node.
#![cfg(target_arch = "wasm32")]

mod common;
