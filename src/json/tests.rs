//! The rewriter against an independent parser (serde_json, tests only): what it writes is
//! what `JSON.parse` would read, for every kind of input, and no input makes it panic.

use serde_json::{json, Value};

use super::shape::LOCALS;
use super::write::camel_case;
use super::*;
use crate::models::{GATEWAY_PAYMENT, PAYMENT_PAGE, STREAMPAY_PAYMENT};

pub(super) fn parsed(out: &str) -> Value {
    serde_json::from_str(out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
}

pub(super) fn js(body: &str, shape: &Shape) -> Value {
    parsed(&decode(body, shape).unwrap().json)
}

pub(super) const PAGE: &str = include_str!("../../pkg/mock/fixtures/streampay-payments-page.json");
pub(super) const COMPLETED: &str =
    include_str!("../../pkg/mock/fixtures/gateway-payment-completed.json");

#[test]
fn keys_are_camel_cased_at_every_depth() {
    let body = r#"{"id":"p","current_status":"FAILED",
        "latest_pgw_message":{"error_code":"E1","inner_list":[{"deep_key":{"deeper_key":1}}]},
        "_private":1,"trailing_":2,"a__b":3,"already_camel":{"fineKey":true}}"#;
    assert_eq!(
        js(body, &STREAMPAY_PAYMENT)
            .as_object()
            .unwrap()
            .iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect::<serde_json::Map<_, _>>(),
        json!({
            "id": "p", "currentStatus": "FAILED",
            "latestPgwMessage": {"errorCode": "E1", "innerList": [{"deepKey": {"deeperKey": 1}}]},
            "_private": 1, "trailing": 2, "aB": 3, "alreadyCamel": {"fineKey": true}
        })
        .as_object()
        .unwrap()
        .clone()
    );
}

#[test]
fn keys_keep_the_order_the_server_sent() {
    let body = r#"{"zeta":1,"status":"pending","alpha":2,"payment_id":"a","mid_key":3}"#;
    let out = decode(body, &GATEWAY_PAYMENT).unwrap().json;
    assert_eq!(
        out,
        r#"{"zeta":1,"status":"pending","alpha":2,"paymentId":"a","midKey":3,"addresses":[]}"#
    );
}

#[test]
fn unknown_fields_are_kept_on_pages_and_their_items() {
    let body = r#"{"data":[{"id":"x","current_status":"PENDING","new_thing":{"a_b":[1,2]}}],
        "pagination":{"total_count":1,"has_next_page":true,"cursor_id":"c1"},
        "request_meta":{"took_ms":3}}"#;
    let v = js(body, &PAYMENT_PAGE);
    assert_eq!(v["data"][0]["newThing"], json!({"aB": [1, 2]}));
    assert_eq!(v["pagination"]["cursorId"], "c1");
    assert_eq!(
        v["pagination"]["maxPage"], 0,
        "documented counts default to 0"
    );
    assert_eq!(v["requestMeta"], json!({"tookMs": 3}));
}

#[test]
fn big_integers_become_strings_everywhere() {
    let body = r#"{"payment_id":"a","status":"s","n":9007199254740991,"m":9007199254740992,
        "neg":-9007199254740993,"deep":{"list":[123456789012345678901234567890,1.5e300,-0,0.1]}}"#;
    let out = decode(body, &GATEWAY_PAYMENT).unwrap().json;
    assert!(
        out.contains(r#""n":9007199254740991"#),
        "2^53 - 1 stays a number: {out}"
    );
    assert!(out.contains(r#""m":"9007199254740992""#), "{out}");
    assert!(out.contains(r#""neg":"-9007199254740993""#), "{out}");
    assert!(
        out.contains(r#"["123456789012345678901234567890",1.5e300,-0,0.1]"#),
        "fractions and exponents copied verbatim: {out}"
    );
}

#[test]
fn amounts_are_strings_with_their_exact_text() {
    let body =
        r#"{"id":"x","current_status":"P","amount":115.10,"amount_in_smallest_unit":"-0011510"}"#;
    let v = js(body, &STREAMPAY_PAYMENT);
    assert_eq!(v["amount"], "115.10");
    assert_eq!(v["amountInSmallestUnit"], "-0011510");
    let err = decode(
        r#"{"id":"x","current_status":"P","amount_in_smallest_unit":1e3}"#,
        &STREAMPAY_PAYMENT,
    )
    .unwrap_err();
    assert!(
        err.message.contains("\"1e3\", expected an integer amount"),
        "{}",
        err.message
    );
}

#[test]
fn escaped_strings_and_unicode_keys_survive() {
    let body = r#"{"payment_id":"a\"b\\c\u00e9\ud83d\ude00\n","status":"p\/q",
        "clé_unicode":"ü","ключ_два":{"emoji_😀_key":"\u0000"},"esc\u0061ped_key":1}"#;
    let d = decode(body, &GATEWAY_PAYMENT).unwrap();
    assert_eq!(d.captures.status(), Some("p/q"), "captures are unescaped");
    let v = parsed(&d.json);
    assert_eq!(v["paymentId"], "a\"b\\cé😀\n");
    assert_eq!(v["cléUnicode"], "ü");
    // Only ASCII letters are upper-cased, as before.
    assert_eq!(v["ключдва"]["emoji😀Key"], "\u{0}");
    assert_eq!(
        v["escapedKey"], 1,
        "escaped keys are re-cased on their escaped text"
    );
}

#[test]
fn the_whole_documented_answers_match_an_independent_parse() {
    // Every field of the fixtures, re-cased, with the documented conversions applied.
    let expected_page = camel(&serde_json::from_str::<Value>(PAGE).unwrap());
    let got = js(PAGE, &PAYMENT_PAGE);
    let mut want = expected_page;
    for item in want["data"].as_array_mut().unwrap() {
        for key in ["amount", "amountInSmallestUnit"] {
            if let Some(n) = item[key].as_number().map(ToString::to_string) {
                item[key] = Value::String(n);
            }
        }
    }
    assert_eq!(got, want);
    let got = js(COMPLETED, &GATEWAY_PAYMENT);
    let original: Value = serde_json::from_str(COMPLETED).unwrap();
    assert_eq!(
        got.as_object().unwrap().len(),
        original.as_object().unwrap().len()
    );
}

/// What JS must get for `v` with no shape: keys camelCased, integers past 2^53 and the
/// numbers of keys that name amounts as strings.
pub(super) fn reference(v: &Value) -> Value {
    reference_of(v, false)
}

fn reference_of(v: &Value, amount: bool) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .map(|(k, v)| {
                    let amount = super::is_amount_name(k.as_bytes()) && !k.contains('\\');
                    (camel_case(k), reference_of(v, amount))
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(reference).collect()),
        Value::Number(n) => {
            let text = n.to_string();
            let digits = text.trim_start_matches('-');
            let integer = digits.bytes().all(|b| b.is_ascii_digit());
            if amount
                || integer
                    && (digits.len() > 16 || (digits.len() == 16 && digits > "9007199254740991"))
            {
                Value::String(text)
            } else {
                v.clone()
            }
        }
        other => other.clone(),
    }
}

/// `v` with every string that holds a number with an exponent in serde_json's spelling of it
/// (`123E5` -> `123e+5`): an amount's number is quoted as it was written, and serde_json does
/// not keep how an exponent was written.
pub(super) fn exponents(v: Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(m.into_iter().map(|(k, v)| (k, exponents(v))).collect()),
        Value::Array(a) => Value::Array(a.into_iter().map(exponents).collect()),
        Value::String(s) if s.contains(['e', 'E']) => match serde_json::from_str(&s) {
            Ok(Value::Number(n)) => Value::String(n.to_string()),
            _ => Value::String(s),
        },
        other => other,
    }
}

/// serde_json's tree with keys camelCased, as the reference.
fn camel(v: &Value) -> Value {
    match v {
        Value::Object(m) => {
            Value::Object(m.iter().map(|(k, v)| (camel_case(k), camel(v))).collect())
        }
        Value::Array(a) => Value::Array(a.iter().map(camel).collect()),
        other => other.clone(),
    }
}

#[test]
fn captures_are_taken_outside_arrays_only() {
    let d = decode(
        r#"{"data":[{"id":"a","current_status":"PENDING"}],"pagination":{"has_next_page":true,"current_page":2}}"#,
        &PAYMENT_PAGE,
    )
    .unwrap();
    assert_eq!(d.captures.status(), None);
    assert!(d.captures.has_next_page());
    assert!(d.captures.has_items());
}

#[test]
fn any_shape_keeps_everything_re_cased() {
    assert_eq!(decode("{}", &ANY).unwrap().json, "{}");
    assert_eq!(
        decode(r#" { "a_b" : [ 1 , null , "x" ] } "#, &ANY)
            .unwrap()
            .json,
        r#" { "aB" : [ 1 , null , "x" ] } "#,
        "the source is copied with its whitespace, only keys change"
    );
}

#[test]
fn every_shape_fits_the_seen_set() {
    use crate::models::*;
    for shape in [
        &GATEWAY_PAYMENT,
        &GATEWAY_COIN,
        &GATEWAY_PAYMENT_LINK,
        &STREAMPAY_PAYMENT,
        &PAGINATION,
        &PAYMENT_PAGE,
        &STREAMPAY_PAYMENT_LINK,
        &PAYMENT_LINK_PAGE,
        &CREATE_PAYMENT_REQUEST,
        &crate::models::CREATE_PAYMENT_LINK_DTO_REQUEST,
        &PAYMENT_LINK_STATUS_REQUEST,
        &MARK_PAID_REQUEST,
        &REFUND_REQUEST,
    ] {
        assert!(shape.fields.len() <= 64, "{}", shape.what);
        for field in shape.fields {
            assert!(
                field.local_index().is_none_or(|i| i < LOCALS),
                "{}",
                field.name
            );
            assert!(!field.name.contains('\\'), "{}", field.name);
        }
    }
}
