use js_sys::{Error, Reflect};
use wasm_bindgen::{JsCast, JsValue};

fn prop(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

/// Asserts the DESIGN.md error shape and returns the message. These tests call the raw exports
/// without the JS shell, so the error is the module's own `Error` named `StreamError`.
pub fn assert_stream_error(err: &JsValue, code: &str) -> String {
    let error = err.dyn_ref::<Error>().expect("a real Error");
    assert_eq!(error.name(), "StreamError");
    assert_eq!(prop(err, "code").as_string().as_deref(), Some(code));
    assert_eq!(prop(err, "retryable").as_bool(), Some(false));
    assert!(prop(err, "status").is_undefined());
    error.message().into()
}
