//! The amount exports the shell calls on every `formatUnits`, `parseUnits` and `tokenDecimals`,
//! as plain `extern "C"` functions of numbers. A `#[wasm_bindgen]` export of the same function
//! goes through a shim that, in this size-optimised build, spills every argument to the stack
//! and reads it back, and through a JS wrapper V8 cannot see through; these calls cost little
//! more than the work. The shell reaches them through [`wasm_exports`] (`pkg/src/amounts.js`).
//!
//! Each one only forwards to the function of the same name in `amounts.rs` / `amount_buffer.rs`,
//! which the wasm tests drive directly.

use wasm_bindgen::prelude::*;

use super::{amount_buffer as buffer, amounts};

/// The instance's exports (`WebAssembly.Instance.prototype.exports`): these functions and the
/// module's `memory`.
#[wasm_bindgen(js_name = wasmExports)]
pub fn wasm_exports() -> JsValue {
    wasm_bindgen::exports()
}

/// [`buffer::amount_buffer`]: the I/O buffer's address in `memory`.
#[export_name = "amountBuffer"]
pub extern "C" fn amount_buffer() -> usize {
    buffer::amount_buffer()
}

/// [`amounts::format_units_ascii`].
#[export_name = "formatUnitsAscii"]
#[allow(clippy::too_many_arguments)] // one number per option, as `format_units_ascii` takes them
pub extern "C" fn format_units_ascii(
    len: usize,
    decimals: f64,
    flags: u32,
    max: f64,
    min: f64,
    rounding: u32,
    decimal_sep: u32,
    group_sep: u32,
    group_count: u32,
    group_last: u32,
    group_prev: u32,
) -> i32 {
    amounts::format_units_ascii(
        len,
        decimals,
        flags,
        max,
        min,
        rounding,
        decimal_sep,
        group_sep,
        group_count,
        group_last,
        group_prev,
    )
}

/// [`amounts::parse_units_ascii`].
#[export_name = "parseUnitsAscii"]
pub extern "C" fn parse_units_ascii(len: usize, decimals: f64, rounding: u32) -> i32 {
    amounts::parse_units_ascii(len, decimals, rounding)
}

/// [`amounts::token_decimals_ascii`].
#[export_name = "tokenDecimalsAscii"]
pub extern "C" fn token_decimals_ascii(len: usize) -> i32 {
    amounts::token_decimals_ascii(len)
}
