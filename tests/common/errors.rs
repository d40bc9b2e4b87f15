use js_sys::{Error, Reflect};
use stream_payments::bindings::{format_units_checked, parse_units_checked};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn prop(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

/// Asserts the DESIGN.md error shape and returns the message.
pub fn assert_stream_error(err: &JsValue, code: &str) -> String {
    let error = err.dyn_ref::<Error>().expect("a real Error");
    assert_eq!(error.name(), "StreamError");
    assert_eq!(prop(err, "code").as_string().as_deref(), Some(code));
    assert_eq!(prop(err, "retryable").as_bool(), Some(false));
    assert!(prop(err, "status").is_undefined());
    error.message().into()
}

#[wasm_bindgen_test]
fn a_bad_argument_is_a_stream_error_not_a_string() {
    let none = JsValue::UNDEFINED;
    let err = format_units_checked(
        JsValue::from_f64(1.5),
        JsValue::from(6),
        none.clone(),
        None,
        none.clone(),
        none.clone(),
        none.clone(),
        none.clone(),
        none,
        None,
    )
    .unwrap_err();
    let message = assert_stream_error(&err, "INVALID_ARGUMENT");
    assert!(message.contains("string or a bigint"), "{message}");
}

#[wasm_bindgen_test]
fn the_module_keeps_working_after_many_errors() {
    for bad in ["", "-", "1e5", "NaN", "1..2", "٣"] {
        let err = parse_units_checked(
            bad.into(),
            6.into(),
            JsValue::UNDEFINED,
            None,
            JsValue::UNDEFINED,
        );
        assert_stream_error(&err.unwrap_err(), "INVALID_ARGUMENT");
    }
    let ok = parse_units_checked(
        "1.5".into(),
        6.into(),
        JsValue::UNDEFINED,
        None,
        JsValue::UNDEFINED,
    );
    assert_eq!(ok.unwrap(), "1500000");
}
