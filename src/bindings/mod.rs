//! The binding layer: every `#[wasm_bindgen]` export and every JS conversion lives here.
//! Everything else in the crate is plain Rust.

mod abort;
mod alarm;
mod amount_buffer;
mod amounts;
mod args;
mod change_feed;
mod client_config;
mod error;
mod gateway_client;
mod json;
mod locale;
mod options;
mod page_iter;
mod poll_options;
mod poll_support;
pub mod push;
mod streampay_client;
mod streampay_links;
mod transport;
mod types;
mod visibility;
mod wait;
mod watch;
mod watch_loop;

pub use amount_buffer::{amount_buffer, amount_buffer_sizes, take_amount_result, wasm_memory};
pub use amounts::{
    format_units_ascii, format_units_checked, parse_units_ascii, parse_units_checked,
    set_token_decimals_checked, token_decimals_ascii, token_decimals_checked,
};
pub use error::to_js_error;
pub use gateway_client::GatewayClient;
pub use streampay_client::StreamPayClient;
