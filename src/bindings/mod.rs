//! The binding layer: every `#[wasm_bindgen]` export and every JS conversion lives here.
//! Everything else in the crate is plain Rust.

mod abort;
mod amounts;
mod args;
mod client_config;
mod error;
mod gateway_client;
mod json;
mod locale;
mod options;
mod page_iter;
mod streampay_client;
mod transport;
mod types;

pub use amounts::{
    format_units, parse_units, set_token_decimals, token_decimals, FormatUnitsOptionsArg,
    ParseUnitsOptionsArg,
};
pub use error::to_js_error;
pub use gateway_client::GatewayClient;
pub use streampay_client::StreamPayClient;
