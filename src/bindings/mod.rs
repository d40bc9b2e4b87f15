//! The binding layer: every `#[wasm_bindgen]` export and every JS conversion lives here.
//! Everything else in the crate is plain Rust. The public API is the JS shell in `pkg/src/`,
//! which calls these raw exports once per call and performs the I/O they describe.

mod amount_buffer;
mod amounts;
mod args;
mod call;
mod client_config;
mod error;
mod locale;
mod options;
mod poll_options;
mod polls;
#[cfg(feature = "merchant")]
pub mod push;
mod raw_client;
#[cfg(feature = "merchant")]
mod runtime;

pub use amount_buffer::{amount_buffer, amount_buffer_sizes, take_amount_result, wasm_memory};
pub use amounts::{
    format_units_ascii, format_units_checked, parse_units_ascii, parse_units_checked,
    set_token_decimals_checked, token_decimals_ascii, token_decimals_checked,
};
pub use error::{attach, to_js_error};
#[cfg(feature = "merchant")]
pub use raw_client::RawPages;
pub use raw_client::{not_a_client, RawClient};
