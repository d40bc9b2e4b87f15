//! Push verification through the exports, in Node and Chromium: the checks, the messages they
//! hash and their verdicts. The hashing the shell asks of Web Crypto is done here by the
//! independent `sha2` / `hmac` crates (the package tests run the shell's Web Crypto path).

use hmac::{Hmac, Mac};
use js_sys::{Function, Object, Proxy, Reflect, Uint8Array, JSON};
use sha2::{Digest, Sha256};
use stream_payments::bindings::push::{gateway_check, parse_gateway_callback, webhook_check};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

use super::errors::assert_stream_error;

const SECRET: &str = "gw-secret;with=odd chars";
const WH_SECRET: &str = "whsec_wasm_test";
const NOW: i64 = 1_700_000_000;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn prop(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

/// A callback body signed as the gateway documents it, with `received_amount_usd` as a number.
fn signed_callback_body(secret: &str) -> String {
    let text = format!(
        "Amount=166389351081530800779973;AmountUsd=1.00;CurrentDateTime=2024-05-01T10:00:00Z;\
         PaymentID=LqaUrQimtgTe9iF3Knv8Ld;ReceivedAmount=166389351081530800779973;\
         ReceivedAmountUsd=1.50;SecretKey={secret}"
    );
    let signature = hex(&Sha256::digest(text.as_bytes()));
    format!(
        r#"{{ "payment_id": "LqaUrQimtgTe9iF3Knv8Ld", "amount": "166389351081530800779973",
            "amount_usd": "1.00", "received_amount": "166389351081530800779973",
            "received_amount_usd": 1.50, "current_datetime": "2024-05-01T10:00:00Z",
            "signature": "{signature}" }}"#
    )
}

/// The shell's `verifyGatewayCallback`, with this test's SHA-256 in place of Web Crypto's.
fn verify_gateway_callback(payload: JsValue, secret: JsValue) -> Result<bool, JsValue> {
    match gateway_check(payload, secret)? {
        None => Ok(false),
        Some(check) => Ok(check
            .verdict(&Sha256::digest(check.message()))?
            .as_bool()
            .unwrap()),
    }
}

fn verify_gateway(payload: JsValue, secret: &str) -> bool {
    verify_gateway_callback(payload, secret.into()).unwrap()
}

/// The shell's `verifyStreamPayWebhook`, with this test's HMAC in place of Web Crypto's.
fn verify_stream_pay_webhook(
    body: JsValue,
    header: JsValue,
    secret: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let key = secret.as_string().unwrap_or_default();
    let check = webhook_check(body, header, secret, options)?;
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).unwrap();
    mac.update(&check.message());
    let event = check.verdict(&mac.finalize().into_bytes())?;
    Ok(JSON::parse(&event.as_string().unwrap()).unwrap())
}

#[wasm_bindgen_test]
fn gateway_known_answer_verifies_as_parsed_keeping_exact_digits() {
    let body = signed_callback_body(SECRET);
    let parsed: JsValue = parse_gateway_callback(body.as_str().into()).unwrap().into();
    assert_eq!(prop(&parsed, "paymentId"), "LqaUrQimtgTe9iF3Knv8Ld");
    assert_eq!(prop(&parsed, "amount"), "166389351081530800779973");
    assert_eq!(
        prop(&parsed, "receivedAmountUsd"),
        "1.50",
        "the number's digits kept"
    );
    assert!(prop(&parsed, "payment_id").is_undefined());
    assert!(verify_gateway(parsed, SECRET));
    let bytes = Uint8Array::from(body.as_bytes());
    assert!(verify_gateway(
        parse_gateway_callback(bytes.into()).unwrap().into(),
        SECRET
    ));
}

#[wasm_bindgen_test]
fn gateway_wire_object_verifies_unless_json_parse_lost_digits() {
    let body = signed_callback_body(SECRET);
    // JSON.parse turns 1.50 into 1.5: the signed text is gone, so it cannot verify.
    let lossy = JSON::parse(&body).unwrap();
    assert!(!verify_gateway(lossy, SECRET));
    let exact = JSON::parse(&body.replace("1.50,", "\"1.50\",")).unwrap();
    assert!(verify_gateway(exact, SECRET));
}

#[wasm_bindgen_test]
fn gateway_tampers_wrong_secret_and_hostile_payloads_are_false() {
    let parsed: JsValue = parse_gateway_callback(signed_callback_body(SECRET).as_str().into())
        .unwrap()
        .into();
    assert!(!verify_gateway(parsed.clone(), "gw-secret;with=odd charz"));
    for key in [
        "paymentId",
        "amount",
        "amountUsd",
        "receivedAmount",
        "receivedAmountUsd",
        "currentDatetime",
        "signature",
    ] {
        let copy = Object::assign(&Object::new(), parsed.unchecked_ref());
        let tampered = format!("{}0", prop(&parsed, key).as_string().unwrap());
        Reflect::set(&copy, &key.into(), &tampered.into()).unwrap();
        assert!(!verify_gateway(copy.into(), SECRET), "{key}");
        let copy = Object::assign(&Object::new(), parsed.unchecked_ref());
        Reflect::delete_property(&copy, &key.into()).unwrap();
        assert!(!verify_gateway(copy.into(), SECRET), "without {key}");
    }
    let mixed = Object::assign(&Object::new(), parsed.unchecked_ref());
    Reflect::set(&mixed, &"payment_id".into(), &prop(&parsed, "paymentId")).unwrap();
    assert!(
        !verify_gateway(mixed.into(), SECRET),
        "both key styles at once"
    );
    let throwing = Function::new_with_args("", "throw new Error('trap')");
    let handler = Object::new();
    Reflect::set(&handler, &"get".into(), &throwing).unwrap();
    Reflect::set(&handler, &"has".into(), &throwing).unwrap();
    let proxy: JsValue = Proxy::new(&parsed, &handler).into();
    let huge = Object::assign(&Object::new(), parsed.unchecked_ref());
    Reflect::set(&huge, &"amount".into(), &"9".repeat(1 << 20).into()).unwrap();
    let hostile = [
        JsValue::NULL,
        JsValue::UNDEFINED,
        42.into(),
        "x".into(),
        Object::new().into(),
        proxy,
        huge.into(),
    ];
    for payload in hostile {
        assert!(!verify_gateway(payload, SECRET));
    }
}

#[wasm_bindgen_test]
fn gateway_secret_must_be_a_non_empty_string() {
    let parsed: JsValue = parse_gateway_callback(signed_callback_body(SECRET).as_str().into())
        .unwrap()
        .into();
    for bad in [JsValue::UNDEFINED, JsValue::from(""), JsValue::from(7)] {
        let err = verify_gateway_callback(parsed.clone(), bad).unwrap_err();
        assert_stream_error(&err, "INVALID_ARGUMENT");
    }
}

#[wasm_bindgen_test]
fn parse_gateway_callback_refuses_non_json_and_wrong_types() {
    for bad in ["", "{", "[]", r#"{"payment_id":"x"}"#] {
        let err = parse_gateway_callback(bad.into()).unwrap_err();
        assert_stream_error(&err, "DECODE");
    }
    let err = parse_gateway_callback(Object::new().into()).unwrap_err();
    assert_stream_error(&err, "INVALID_ARGUMENT");
}

fn webhook_header(secret: &str, t: i64, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{t}.").as_bytes());
    mac.update(body);
    format!("t={t},v1={}", hex(&mac.finalize().into_bytes()))
}

fn options(tolerance: Option<f64>, now: i64) -> JsValue {
    let obj = Object::new();
    Reflect::set(&obj, &"nowSec".into(), &JsValue::from(now as f64)).unwrap();
    if let Some(tolerance) = tolerance {
        Reflect::set(&obj, &"toleranceSec".into(), &tolerance.into()).unwrap();
    }
    obj.into()
}

fn verify_webhook(body: JsValue, header: &str, now: i64) -> Result<JsValue, JsValue> {
    verify_stream_pay_webhook(body, header.into(), WH_SECRET.into(), options(None, now))
}

const EVENT: &str = r#"{"event_type": "PAYMENT_SUCCEEDED", "entity_type": "payment", "entity_id": "6f1c2b9e", "data": {"amount": "12.345", "amount_in_smallest_unit": 9007199254740993, "note": "é"}}"#;

#[wasm_bindgen_test]
fn webhook_known_answer_over_raw_bytes_and_strings() {
    let header = webhook_header(WH_SECRET, NOW, EVENT.as_bytes());
    let event = verify_webhook(Uint8Array::from(EVENT.as_bytes()).into(), &header, NOW).unwrap();
    assert_eq!(prop(&event, "eventType"), "PAYMENT_SUCCEEDED");
    assert_eq!(prop(&event, "entityType"), "payment");
    assert_eq!(prop(&event, "entityId"), "6f1c2b9e");
    assert!(!Reflect::has(&event, &"status".into()).unwrap());
    let data = prop(&event, "data");
    assert_eq!(
        prop(&data, "amount_in_smallest_unit"),
        "9007199254740993",
        "past 2^53: a string"
    );
    assert_eq!(prop(&data, "note"), "é");
    assert!(
        verify_webhook(EVENT.into(), &header, NOW).is_ok(),
        "a string as its UTF-8"
    );
}

#[wasm_bindgen_test]
fn webhook_failures_are_invalid_signature_without_the_secret() {
    let body = EVENT.as_bytes();
    let genuine = webhook_header(WH_SECRET, NOW, body);
    let reserialised = JSON::stringify(&JSON::parse(EVENT).unwrap()).unwrap();
    let cases: [(JsValue, String, i64, &str); 8] = [
        (
            EVENT.into(),
            webhook_header("whsec_wrong", NOW, body),
            NOW,
            "no v1 signature",
        ),
        (reserialised.into(), genuine.clone(), NOW, "no v1 signature"),
        (
            EVENT.replace("12.345", "12.346").into(),
            genuine.clone(),
            NOW,
            "no v1 signature",
        ),
        (EVENT.into(), genuine.clone(), NOW + 301, "s old"),
        (EVENT.into(), genuine.clone(), NOW - 301, "in the future"),
        (EVENT.into(), "t=".into(), NOW, "malformed"),
        (EVENT.into(), format!("t={NOW}"), NOW, "no v1="),
        (
            EVENT.into(),
            format!("{genuine},{}", "v0=0".repeat(1 << 18)),
            NOW,
            "limit",
        ),
    ];
    for (body, header, now, expected) in cases {
        let err = verify_webhook(body, &header, now).unwrap_err();
        let message = assert_stream_error(&err, "INVALID_SIGNATURE");
        assert!(message.contains(expected), "{expected}: {message}");
        assert!(!message.contains(WH_SECRET));
    }
    assert!(verify_webhook(EVENT.into(), &genuine, NOW + 300).is_ok());
    assert!(verify_webhook(EVENT.into(), &genuine, NOW - 300).is_ok());
}

#[wasm_bindgen_test]
fn webhook_argument_errors_and_a_verified_non_event() {
    let header = webhook_header(WH_SECRET, NOW, b"[]");
    let err = verify_webhook("[]".into(), &header, NOW).unwrap_err();
    assert_stream_error(&err, "DECODE");
    for (tolerance, now) in [(Some(-1.0), NOW), (Some(f64::NAN), NOW)] {
        let err = verify_stream_pay_webhook(
            "[]".into(),
            header.as_str().into(),
            WH_SECRET.into(),
            options(tolerance, now),
        );
        assert_stream_error(&err.unwrap_err(), "INVALID_ARGUMENT");
    }
    let missing = verify_stream_pay_webhook(
        "[]".into(),
        JsValue::UNDEFINED,
        WH_SECRET.into(),
        options(None, NOW),
    );
    let message = assert_stream_error(&missing.unwrap_err(), "INVALID_SIGNATURE");
    assert!(message.contains("missing"), "{message}");
    let no_secret = verify_stream_pay_webhook(
        "[]".into(),
        header.as_str().into(),
        "".into(),
        JsValue::UNDEFINED,
    );
    assert_stream_error(&no_secret.unwrap_err(), "INVALID_ARGUMENT");
    let parsed = verify_webhook(JSON::parse("{}").unwrap(), &header, NOW).unwrap_err();
    assert_stream_error(&parsed, "INVALID_ARGUMENT");
}
