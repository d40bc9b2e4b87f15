//! `stream-payments`: a client for the Stream payment APIs, compiled to WebAssembly.
//!
//! The core (amounts, models, errors, schedules) is plain Rust and tested on the host;
//! every `#[wasm_bindgen]` export lives in [`bindings`].

pub mod amount;
pub mod api;
pub mod credentials;
pub mod error;
pub mod http;
pub mod json;
pub mod models;
pub mod poll;
pub mod push;
#[rustfmt::skip]
pub mod protocol;
pub mod query;
pub mod runtime;
pub mod tokens;
pub mod validate;

#[cfg(test)]
mod test_rng;

#[cfg(feature = "js")]
pub mod bindings;

// The module is single-threaded (no `atomics` target feature), so talc's cell needs no lock; it
// is smaller than std's dlmalloc in the shipped .wasm (BENCHMARKS.md "What is in each .wasm").
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub use error::{ErrorCode, StreamError};

#[cfg(test)]
mod error_texts_tests;
