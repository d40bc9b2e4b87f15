//! The amount exports the JS shell calls with whatever the caller passed (the `*Checked` path):
//! results, and a StreamError for anything off, in Node and in Chromium.
use js_sys::BigInt;
use stream_payments::bindings::{
    format_units_checked, parse_units_checked, set_token_decimals_checked, token_decimals_checked,
};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use super::errors::assert_stream_error;

const YOCTO: &str = "166389351081530800779973";
const NONE: JsValue = JsValue::UNDEFINED;

/// `formatUnits(amount, decimals, { maxFractionDigits: max, rounding })`.
fn format(
    amount: JsValue,
    decimals: u32,
    max: JsValue,
    rounding: JsValue,
) -> Result<String, JsValue> {
    let options = if max.is_undefined() && rounding.is_undefined() {
        NONE
    } else {
        js_sys::Object::new().into()
    };
    format_units_checked(
        amount,
        decimals.into(),
        options,
        None,
        max,
        NONE,
        rounding,
        NONE,
        NONE,
        None,
    )
}

#[wasm_bindgen_test]
fn formats_the_gateway_example_truncated_and_rounded() {
    assert_eq!(format(YOCTO.into(), 24, 5.into(), NONE).unwrap(), "0.16638");
    assert_eq!(
        format(YOCTO.into(), 24, 5.into(), "halfUp".into()).unwrap(),
        "0.16639"
    );
    assert_eq!(
        format(YOCTO.into(), 24, 5.into(), "ceil".into()).unwrap(),
        "0.16639"
    );
    assert_eq!(
        format(YOCTO.into(), 24, NONE, NONE).unwrap(),
        "0.166389351081530800779973"
    );
}

#[wasm_bindgen_test]
fn accepts_bigint_amounts_and_refuses_numbers() {
    let big = BigInt::new(&JsValue::from_str(YOCTO)).unwrap();
    assert_eq!(
        format(big.into(), 24, NONE, NONE).unwrap(),
        "0.166389351081530800779973"
    );
    let err = format(JsValue::from_f64(1.5), 6, NONE, NONE).unwrap_err();
    let message = assert_stream_error(&err, "INVALID_ARGUMENT");
    assert!(message.contains("string or a bigint"), "{message}");
}

#[wasm_bindgen_test]
fn refuses_bad_options_with_a_clear_error() {
    let err = format("1".into(), 0, NONE, "sideways".into()).unwrap_err();
    assert!(assert_stream_error(&err, "INVALID_ARGUMENT").contains("rounding"));
    let typo = format_units_checked(
        "1".into(),
        0.into(),
        js_sys::Object::new().into(),
        Some("maxDigits".into()),
        NONE,
        NONE,
        NONE,
        NONE,
        NONE,
        None,
    );
    assert!(assert_stream_error(&typo.unwrap_err(), "INVALID_ARGUMENT").contains("maxDigits"));
}

#[wasm_bindgen_test]
fn parses_with_optional_rounding_and_keeps_working_after_errors() {
    for bad in ["", "-", "1e5", "NaN", "1..2", "٣", "1.2345678"] {
        let err = parse_units_checked(bad.into(), 6.into(), NONE, None, NONE).unwrap_err();
        assert_stream_error(&err, "INVALID_ARGUMENT");
    }
    let rounded = parse_units_checked(
        "1.2345678".into(),
        6.into(),
        js_sys::Object::new().into(),
        None,
        "halfUp".into(),
    );
    assert_eq!(rounded.unwrap(), "1234568");
    assert_eq!(
        parse_units_checked("1.5".into(), 6.into(), NONE, None, NONE).unwrap(),
        "1500000"
    );
}

#[wasm_bindgen_test]
fn token_registry_can_be_extended_and_refuses_non_strings() {
    assert_eq!(token_decimals_checked("STRM".into()).unwrap(), Some(24));
    assert_eq!(token_decimals_checked("kwd".into()).unwrap(), Some(3));
    assert_eq!(token_decimals_checked("DOGE".into()).unwrap(), None);
    set_token_decimals_checked("DOGE".into(), 8.into()).unwrap();
    assert_eq!(token_decimals_checked("DOGE".into()).unwrap(), Some(8));
    set_token_decimals_checked("DOGE".into(), NONE).unwrap();
    assert_eq!(token_decimals_checked("DOGE".into()).unwrap(), None);
    for bad in [
        JsValue::from(5),
        NONE,
        JsValue::NULL,
        js_sys::Object::new().into(),
    ] {
        assert_stream_error(
            &token_decimals_checked(bad).unwrap_err(),
            "INVALID_ARGUMENT",
        );
    }
    assert_stream_error(
        &set_token_decimals_checked(5.into(), 3.into()).unwrap_err(),
        "INVALID_ARGUMENT",
    );
}
