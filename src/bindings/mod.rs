//! The binding layer: every `#[wasm_bindgen]` export and every JS conversion lives here.
//! Everything else in the crate is plain Rust.

mod abort;
mod alarm;
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
mod runtime;
mod streampay_client;
mod streampay_links;
mod transport;
mod types;
mod visibility;
mod wait;
mod watch;
mod watch_loop;

pub use amounts::{
    format_units, parse_units, set_token_decimals, token_decimals, FormatUnitsOptionsArg,
    ParseUnitsOptionsArg,
};
pub use error::to_js_error;
pub use gateway_client::GatewayClient;
pub use streampay_client::StreamPayClient;
