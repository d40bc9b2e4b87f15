//! The one way a decoded answer becomes a JS value: the engine's own `JSON.parse` of the text
//! Rust wrote.

use wasm_bindgen::JsValue;

use crate::error::StreamError;

pub fn parse(text: &str) -> Result<JsValue, StreamError> {
    js_sys::JSON::parse(text)
        .map_err(|_| StreamError::decode("the decoded answer is not JSON (a bug: please report)"))
}
