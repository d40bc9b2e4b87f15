//! The binding layer: every `#[wasm_bindgen]` export and every JS conversion lives here.
//! Everything else in the crate is plain Rust.

mod amounts;
mod args;
mod error;
mod json;
mod locale;

pub use amounts::{
    format_units, parse_units, set_token_decimals, token_decimals, FormatUnitsOptionsArg,
    ParseUnitsOptionsArg,
};
pub use error::to_js_error;
