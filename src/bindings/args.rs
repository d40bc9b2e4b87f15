//! Reading loosely typed JS arguments into Rust values, with a `StreamError` for anything off.

use crate::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::amount::decimals_from_f64;
use crate::error::{Result, StreamError};

/// An integer amount given as a decimal string or a `bigint`. Numbers are refused: they may
/// already have lost digits before reaching us.
pub fn amount_string(value: &JsValue, what: &str) -> Result<String> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    if let Some(big) = value.dyn_ref::<js_sys::BigInt>() {
        return big
            .to_string(10)
            .map(String::from)
            .map_err(|_| StreamError::invalid_argument(cat!(what, ": bigint could not be read")));
    }
    Err(StreamError::invalid_argument(cat!(
        what,
        " must be a string or a bigint, got ",
        type_name(value),
        "; pass String(x) or BigInt(x) so no digit is lost"
    )))
}

pub fn decimals(value: &JsValue) -> Result<u32> {
    match value.as_f64() {
        Some(number) => decimals_from_f64(number),
        None => Err(StreamError::invalid_argument(cat!(
            "decimals must be a number, got ",
            type_name(value)
        ))),
    }
}

pub fn string(value: &JsValue, what: &str) -> Result<String> {
    value.as_string().ok_or_else(|| {
        StreamError::invalid_argument(cat!(what, " must be a string, got ", type_name(value)))
    })
}

pub fn type_name(value: &JsValue) -> String {
    if value.is_null() {
        "null".into()
    } else if js_sys::Array::is_array(value) {
        "array".into()
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    }
}
