//! `stream-payments`: a client for the Stream payment APIs, compiled to WebAssembly.
//!
//! The core (amounts, models, errors, schedules) is plain Rust and tested on the host;
//! every `#[wasm_bindgen]` export lives in [`bindings`].
//!
//! The `.wasm` is `no_std` (`core` + `alloc`) with its own panic handler: std's panic machinery
//! would keep `core::fmt` in the module whatever our messages do (BENCHMARKS.md, "What is in each
//! .wasm"). Host builds and tests keep std.
#![cfg_attr(all(target_arch = "wasm32", not(test)), no_std)]

extern crate alloc;

#[macro_use]
mod local;
#[macro_use]
pub mod text;
// Not every build uses every item (the checkout build has no `vec!`).
#[allow(unused_imports)]
mod prelude;

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

/// A panic is a bug (bad input is a `StreamError`); in the `.wasm` it stops the module at once
/// (`unreachable`), as `panic = "abort"` did, without formatting anything. The wasm tests link
/// std, which brings its own handler.
#[cfg(all(target_arch = "wasm32", not(test), not(feature = "std-panic")))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

#[cfg(test)]
mod error_texts_tests;
