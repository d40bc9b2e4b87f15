//! `serde_json::Value` -> `JsValue` by hand, because `arbitrary_precision` numbers do not go
//! through serde-wasm-bindgen. Integers beyond 2^53 become strings, never a rounded float.

use js_sys::{Array, Object, Reflect};
use serde_json::{Number, Value};
use wasm_bindgen::JsValue;

/// Largest integer a JS number holds exactly.
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

pub fn to_js(value: &Value) -> JsValue {
    match value {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Number(n) => number_to_js(n),
        Value::String(s) => JsValue::from_str(s),
        Value::Array(items) => items.iter().map(to_js).collect::<Array>().into(),
        Value::Object(map) => {
            let obj = Object::new();
            for (key, item) in map {
                let _ = Reflect::set(&obj, &JsValue::from_str(key), &to_js(item));
            }
            obj.into()
        }
    }
}

fn number_to_js(n: &Number) -> JsValue {
    if let Some(u) = n.as_u64() {
        return safe_or_string(u <= MAX_SAFE_INTEGER, u as f64, n);
    }
    if let Some(i) = n.as_i64() {
        return safe_or_string(i.unsigned_abs() <= MAX_SAFE_INTEGER, i as f64, n);
    }
    let text = n.to_string();
    if text.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        return JsValue::from_str(&text);
    }
    // A fraction: JS parses it, which keeps Rust's float parser out of the `.wasm`.
    js_sys::Number::parse_float(&text).into()
}

fn safe_or_string(safe: bool, as_f64: f64, n: &Number) -> JsValue {
    if safe {
        JsValue::from_f64(as_f64)
    } else {
        JsValue::from_str(&n.to_string())
    }
}

/// A model as a plain JS object (camelCase keys, exact amounts).
pub fn model_to_js<T: crate::models::ToJson>(model: &T) -> JsValue {
    to_js(&model.to_json())
}
