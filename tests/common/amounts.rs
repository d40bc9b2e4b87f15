//! The raw amount exports as the shell (`pkg/src/amounts.js`) drives them: ASCII bytes written
//! into the module's I/O buffer through its memory, numbers for everything else, and the
//! `*Checked` exports with the JS values as given.
use js_sys::{Array, BigInt, Object, Reflect, Uint8Array, WebAssembly};
use stream_payments::bindings::{
    amount_buffer, amount_buffer_sizes, format_units_ascii, format_units_checked,
    parse_units_ascii, parse_units_checked, set_token_decimals_checked, take_amount_result,
    token_decimals_ascii, token_decimals_checked, wasm_memory,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

use super::errors::assert_stream_error;

const YOCTO: &str = "166389351081530800779973";
const NONE: JsValue = JsValue::UNDEFINED;

fn io() -> (Uint8Array, u32) {
    let memory: WebAssembly::Memory = wasm_memory().unchecked_into();
    let sizes = amount_buffer_sizes();
    let view = Uint8Array::new_with_byte_offset_and_length(
        &memory.buffer(),
        u32::try_from(amount_buffer()).unwrap(),
        sizes[0] + sizes[1],
    );
    (view, sizes[0])
}

/// Writes `text` into the input half, as the shell does, and returns its length.
fn put(text: &str) -> usize {
    let (view, _) = io();
    for (i, byte) in text.bytes().enumerate() {
        view.set_index(u32::try_from(i).unwrap(), byte);
    }
    text.len()
}

/// The answer of a fast export, as the shell reads it.
fn take(status: i32) -> Result<String, JsValue> {
    let Ok(len) = u32::try_from(status) else {
        return take_amount_result();
    };
    let (view, output) = io();
    Ok((output..output + len)
        .map(|i| char::from(view.get_index(i)))
        .collect())
}

/// formatUnits through the fast export: `max`/`min` given when `Some`, rounding code 0.
fn format_fast(amount: &str, decimals: f64, max: Option<f64>) -> Result<String, JsValue> {
    let flags = u32::from(max.is_some());
    let len = put(amount);
    take(format_units_ascii(
        len,
        decimals,
        flags,
        max.unwrap_or(0.0),
        0.0,
        0,
        0,
        0,
        0,
        0,
        0,
    ))
}

#[allow(clippy::too_many_arguments)]
fn format_checked(
    amount: JsValue,
    decimals: JsValue,
    max: JsValue,
    rounding: JsValue,
    grouping: JsValue,
    locale: JsValue,
    facts: Option<Vec<JsValue>>,
) -> Result<String, JsValue> {
    let options = Object::new().into();
    format_units_checked(
        amount, decimals, options, None, max, NONE, rounding, grouping, locale, facts,
    )
}

#[wasm_bindgen_test]
fn the_fast_export_formats_the_gateway_example_through_the_buffer() {
    assert_eq!(format_fast(YOCTO, 24.0, Some(5.0)).unwrap(), "0.16638");
    assert_eq!(
        format_fast(YOCTO, 24.0, None).unwrap(),
        "0.166389351081530800779973"
    );
    let half_up = take(format_units_ascii(
        put(YOCTO),
        24.0,
        1,
        5.0,
        0.0,
        4,
        0,
        0,
        0,
        0,
        0,
    ));
    assert_eq!(half_up.unwrap(), "0.16639");
    // Grouping with locale facts: '.' groups, ',' decimals, as Intl shows de-DE.
    let de = format_units_ascii(
        put("123456789012"),
        2.0,
        4 | 8,
        0.0,
        0.0,
        0,
        44,
        46,
        4,
        3,
        3,
    );
    assert_eq!(take(de).unwrap(), "1.234.567.890,12");
}

#[wasm_bindgen_test]
fn a_fast_export_leaves_errors_and_long_or_non_ascii_answers_pending() {
    let err = format_fast("12a", 6.0, None).unwrap_err();
    let message = assert_stream_error(&err, "INVALID_ARGUMENT");
    assert!(message.contains("letter 'a'"), "{message}");
    let err = format_fast("1", 2.5, None).unwrap_err();
    assert!(assert_stream_error(&err, "INVALID_ARGUMENT").contains("decimals"));
    let err = format_fast("1", 2.0, Some(-1.0)).unwrap_err();
    assert!(assert_stream_error(&err, "INVALID_ARGUMENT").contains("maxFractionDigits"));
    // 300 digits at 0 decimals with U+202F groups: too long for the buffer and not ASCII.
    let digits = "9".repeat(300);
    let status = format_units_ascii(put(&digits), 0.0, 4 | 8, 0.0, 0.0, 0, 44, 0x202f, 4, 3, 3);
    assert!(status < 0);
    let grouped = take_amount_result().unwrap();
    assert_eq!(grouped.matches('\u{202f}').count(), 99);
    // Taken once: a second take has nothing pending.
    assert_stream_error(&take_amount_result().unwrap_err(), "INVALID_ARGUMENT");
    assert_eq!(format_fast("1500000", 6.0, None).unwrap(), "1.5");
}

#[wasm_bindgen_test]
fn the_checked_export_takes_bigints_and_locale_facts() {
    let big = BigInt::new(&JsValue::from_str(YOCTO)).unwrap();
    let full = format_checked(big.into(), 24.into(), NONE, NONE, NONE, NONE, None);
    assert_eq!(full.unwrap(), "0.166389351081530800779973");
    let facts = |decimal: &str, group: &str, last: u32, prev: u32| {
        Some(vec![
            decimal.into(),
            group.into(),
            JsValue::from(5),
            last.into(),
            prev.into(),
        ])
    };
    let grouped = |locale: &str, facts| {
        let amount = "123456789012".into();
        format_checked(
            amount,
            2.into(),
            NONE,
            NONE,
            true.into(),
            locale.into(),
            facts,
        )
    };
    assert_eq!(
        grouped("en-IN", facts(".", ",", 3, 2)).unwrap(),
        "1,23,45,67,890.12"
    );
    assert_eq!(
        grouped("fr-FR", facts(",", "\u{202f}", 3, 3)).unwrap(),
        "1\u{202f}234\u{202f}567\u{202f}890,12"
    );
    let err = grouped("not a locale!", None).unwrap_err();
    assert!(assert_stream_error(&err, "INVALID_ARGUMENT").contains("not a valid BCP 47"));
}

#[wasm_bindgen_test]
fn the_checked_export_names_each_bad_argument() {
    let cases: [(Result<String, JsValue>, &str); 6] = [
        (
            format_checked(1.5.into(), 6.into(), NONE, NONE, NONE, NONE, None),
            "string or a bigint",
        ),
        (
            format_checked("1".into(), "6".into(), NONE, NONE, NONE, NONE, None),
            "decimals must be a number, got string",
        ),
        (
            format_checked("1".into(), 0.into(), "5".into(), NONE, NONE, NONE, None),
            "options.maxFractionDigits must be a whole number",
        ),
        (
            format_checked(
                "1".into(),
                0.into(),
                NONE,
                "nearest".into(),
                NONE,
                NONE,
                None,
            ),
            "halfEven",
        ),
        (
            format_checked("1".into(), 0.into(), NONE, NONE, 1.into(), NONE, None),
            "options.grouping must be a boolean, got number",
        ),
        (
            format_units_checked(
                "1".into(),
                0.into(),
                Array::new().into(),
                None,
                NONE,
                NONE,
                NONE,
                NONE,
                NONE,
                None,
            ),
            "must be an object, got array",
        ),
    ];
    for (result, needle) in cases {
        let message = assert_stream_error(&result.unwrap_err(), "INVALID_ARGUMENT");
        assert!(message.contains(needle), "{message} lacks {needle}");
    }
    let typo = format_units_checked(
        "1".into(),
        0.into(),
        Object::new().into(),
        Some("maxDecimals".into()),
        NONE,
        NONE,
        NONE,
        NONE,
        NONE,
        None,
    );
    let message = assert_stream_error(&typo.unwrap_err(), "INVALID_ARGUMENT");
    assert!(
        message.contains("unknown option \"maxDecimals\""),
        "{message}"
    );
}

#[wasm_bindgen_test]
fn parses_through_both_exports() {
    let len = put("0.16638");
    assert_eq!(
        take(parse_units_ascii(len, 24.0, 0)).unwrap(),
        "166380000000000000000000"
    );
    let err = take(parse_units_ascii(put("1.2345"), 2.0, 0)).unwrap_err();
    assert!(assert_stream_error(&err, "INVALID_ARGUMENT").contains("fraction digits"));
    assert_eq!(
        take(parse_units_ascii(put("1.235"), 2.0, 5)).unwrap(),
        "124"
    );
    let options: JsValue = Object::new().into();
    Reflect::set(&options, &"rounding".into(), &"halfEven".into()).unwrap();
    let rounded = parse_units_checked("1.235".into(), 2.into(), options, None, "halfEven".into());
    assert_eq!(rounded.unwrap(), "124");
    let err = parse_units_checked(NONE, 2.into(), NONE, None, NONE).unwrap_err();
    assert!(assert_stream_error(&err, "INVALID_ARGUMENT").contains("text must be a string"));
}

#[wasm_bindgen_test]
fn token_registry_can_be_extended_and_refuses_non_strings() {
    assert_eq!(token_decimals_ascii(put("STRM")), 24);
    assert_eq!(token_decimals_ascii(put("kwd")), 3);
    assert_eq!(token_decimals_ascii(put("DOGE")), -1);
    set_token_decimals_checked("DOGE".into(), 8.into()).unwrap();
    assert_eq!(token_decimals_checked("DOGE".into()).unwrap(), Some(8));
    set_token_decimals_checked("DOGE".into(), NONE).unwrap();
    assert_eq!(token_decimals_checked("doge".into()).unwrap(), None);
    let err = set_token_decimals_checked("DOGE".into(), (-1).into()).unwrap_err();
    assert_stream_error(&err, "INVALID_ARGUMENT");
    let err = token_decimals_checked(5.into()).unwrap_err();
    assert!(assert_stream_error(&err, "INVALID_ARGUMENT").contains("tokenOrCurrency"));
    let err = set_token_decimals_checked(5.into(), 3.into()).unwrap_err();
    assert!(assert_stream_error(&err, "INVALID_ARGUMENT").contains("token must be a string"));
}
