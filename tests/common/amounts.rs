use js_sys::{BigInt, Object, Reflect};
use stream_payments::bindings::{format_units, parse_units, set_token_decimals, token_decimals};
use stream_payments::bindings::{FormatUnitsOptionsArg, ParseUnitsOptionsArg};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

use super::errors::assert_stream_error;

const YOCTO: &str = "166389351081530800779973";

fn options<T: JsCast>(pairs: &[(&str, JsValue)]) -> Option<T> {
    let obj = Object::new();
    for (key, value) in pairs {
        Reflect::set(&obj, &JsValue::from_str(key), value).unwrap();
    }
    Some(JsValue::from(obj).unchecked_into())
}

fn format(
    amount: JsValue,
    decimals: u32,
    opts: Option<FormatUnitsOptionsArg>,
) -> Result<String, JsValue> {
    format_units(amount, JsValue::from(decimals), opts)
}

#[wasm_bindgen_test]
fn formats_the_gateway_example_truncated_and_rounded() {
    let five = ("maxFractionDigits", JsValue::from(5));
    let trunc = format(YOCTO.into(), 24, options(std::slice::from_ref(&five))).unwrap();
    assert_eq!(trunc, "0.16638");
    let half_up = format(
        YOCTO.into(),
        24,
        options(&[five, ("rounding", "halfUp".into())]),
    );
    assert_eq!(half_up.unwrap(), "0.16639");
    let full = format(YOCTO.into(), 24, None).unwrap();
    assert_eq!(full, "0.166389351081530800779973");
}

#[wasm_bindgen_test]
fn accepts_bigint_amounts() {
    let big = BigInt::new(&JsValue::from_str(YOCTO)).unwrap();
    assert_eq!(
        format(big.into(), 24, None).unwrap(),
        "0.166389351081530800779973"
    );
    let negative = BigInt::new(&JsValue::from_str("-1500000")).unwrap();
    assert_eq!(format(negative.into(), 6, None).unwrap(), "-1.5");
}

#[wasm_bindgen_test]
fn groups_with_locale_separators_keeping_ascii_digits() {
    let grouped = |locale: &str| {
        let opts = options(&[("grouping", true.into()), ("locale", locale.into())]);
        format("123456789012".into(), 2, opts).unwrap()
    };
    assert_eq!(grouped("en-US"), "1,234,567,890.12");
    assert_eq!(grouped("de-DE"), "1.234.567.890,12");
    assert_eq!(grouped("en-IN"), "1,23,45,67,890.12");
    let plain = options(&[("grouping", true.into())]);
    assert_eq!(
        format("-123456789".into(), 0, plain).unwrap(),
        "-123,456,789"
    );
}

#[wasm_bindgen_test]
fn refuses_bad_options_with_a_clear_error() {
    let bad_locale = options(&[("locale", "not a locale!".into())]);
    let message = assert_stream_error(
        &format("1".into(), 0, bad_locale).unwrap_err(),
        "INVALID_ARGUMENT",
    );
    assert!(message.contains("locale"), "{message}");

    let bad_rounding = options(&[("rounding", "nearest".into())]);
    let message = assert_stream_error(
        &format("1".into(), 0, bad_rounding).unwrap_err(),
        "INVALID_ARGUMENT",
    );
    assert!(message.contains("halfEven"), "{message}");

    let typo = options(&[("maxDecimals", 2.into())]);
    assert_stream_error(
        &format("1".into(), 0, typo).unwrap_err(),
        "INVALID_ARGUMENT",
    );

    let fractional = format_units("1".into(), JsValue::from_f64(2.5), None);
    assert_stream_error(&fractional.unwrap_err(), "INVALID_ARGUMENT");
}

#[wasm_bindgen_test]
fn parses_with_optional_rounding() {
    let parse = |text: &str, decimals: u32, opts: Option<ParseUnitsOptionsArg>| {
        parse_units(text.into(), decimals.into(), opts)
    };
    assert_eq!(
        parse("0.16638", 24, None).unwrap(),
        "166380000000000000000000"
    );
    let err = parse("1.2345", 2, None).unwrap_err();
    assert_stream_error(&err, "INVALID_ARGUMENT");
    let rounded = parse("1.235", 2, options(&[("rounding", "halfEven".into())]));
    assert_eq!(rounded.unwrap(), "124");
}

#[wasm_bindgen_test]
fn token_registry_can_be_extended() {
    assert_eq!(token_decimals("STRM"), Some(24));
    assert_eq!(token_decimals("kwd"), Some(3));
    assert_eq!(token_decimals("DOGE"), None);
    set_token_decimals("DOGE", JsValue::from(8)).unwrap();
    assert_eq!(token_decimals("DOGE"), Some(8));
    set_token_decimals("DOGE", JsValue::UNDEFINED).unwrap();
    assert_eq!(token_decimals("DOGE"), None);
    let err = set_token_decimals("DOGE", JsValue::from(-1)).unwrap_err();
    assert_stream_error(&err, "INVALID_ARGUMENT");
}
