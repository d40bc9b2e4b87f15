//! The rewriter against an independent parser (serde_json, tests only): what it writes is
//! what `JSON.parse` would read, for every kind of input, and no input makes it panic.

use serde_json::{json, Value};

use super::*;
use crate::error::ErrorCode;
use crate::models::{GATEWAY_PAYMENT, PAYMENT_PAGE, STREAMPAY_PAYMENT};

fn parsed(out: &str) -> Value {
    serde_json::from_str(out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
}

fn js(body: &str, shape: &Shape) -> Value {
    parsed(&decode(body, shape).unwrap().json)
}

const PAGE: &str = include_str!("../../pkg/mock/fixtures/streampay-payments-page.json");
const COMPLETED: &str = include_str!("../../pkg/mock/fixtures/gateway-payment-completed.json");

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
fn reference(v: &Value) -> Value {
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
fn exponents(v: Value) -> Value {
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
fn absurd_nesting_is_a_decode_error_not_a_stack_overflow() {
    for open in ["[", "{\"a\":"] {
        let body = format!(
            "{{\"payment_id\":\"a\",\"status\":\"s\",\"x\":{}",
            open.repeat(100_000)
        );
        let err = decode(&body, &GATEWAY_PAYMENT).unwrap_err();
        assert_eq!(err.code, ErrorCode::Decode);
        assert!(
            err.message.contains("nests deeper than 128 levels"),
            "{}",
            err.message
        );
    }
    let ok = format!(
        "{{\"payment_id\":\"a\",\"status\":\"s\",\"x\":{}1{}}}",
        "[".repeat(100),
        "]".repeat(100)
    );
    assert!(
        decode(&ok, &GATEWAY_PAYMENT).is_ok(),
        "a hundred levels are fine"
    );
    assert!(raw::parse(&"[".repeat(100_000)).is_err());
    assert!(encode_body(&"[".repeat(100_000), &ANY).is_err());
}

#[test]
fn every_prefix_of_a_valid_document_fails_cleanly() {
    for (doc, shape) in [(PAGE, &PAYMENT_PAGE), (COMPLETED, &GATEWAY_PAYMENT)] {
        let whole = doc.trim_end().len();
        for end in (0..whole).filter(|&i| doc.is_char_boundary(i)) {
            let prefix = &doc[..end];
            let err = decode(prefix, shape).unwrap_err();
            assert_eq!(err.code, ErrorCode::Decode, "{prefix}");
            if !prefix.trim().is_empty() {
                assert!(
                    err.message.contains("ends early") || err.message.contains("is missing"),
                    "{end}: {}",
                    err.message
                );
            }
            let _ = raw::parse(prefix);
            let _ = encode_body(prefix, &ANY);
        }
        assert!(decode(doc, shape).is_ok());
    }
}

#[test]
fn mutated_documents_never_panic_and_valid_output_always_parses() {
    // A fixed pseudo-random walk: replace, drop or insert bytes that matter to JSON.
    let alphabet = b"{}[]\":,\\ -0123456789.eEtrufalsn_aZ\x01";
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut still_valid = 0;
    for doc in [PAGE, COMPLETED] {
        for _ in 0..3000 {
            let mut bytes = doc.as_bytes().to_vec();
            for _ in 0..1 + next() % 3 {
                let at = (next() as usize) % bytes.len();
                let b = alphabet[(next() as usize) % alphabet.len()];
                match next() % 3 {
                    0 => bytes[at] = b,
                    1 => {
                        bytes.remove(at);
                    }
                    _ => bytes.insert(at, b),
                }
            }
            let Ok(text) = std::str::from_utf8(&bytes) else {
                continue;
            };
            if let Ok(d) = decode(text, &ANY) {
                still_valid += 1;
                let input: Value = serde_json::from_str(text).unwrap();
                assert_eq!(
                    exponents(parsed(&d.json)),
                    exponents(reference(&input)),
                    "{text}"
                );
            }
            for shape in [&PAYMENT_PAGE, &GATEWAY_PAYMENT] {
                if let Ok(d) = decode(text, shape) {
                    parsed(&d.json);
                    assert!(
                        serde_json::from_str::<Value>(text).is_ok(),
                        "accepted bad JSON: {text}"
                    );
                }
            }
            if let Ok(out) = rewrite(text, KeyCase::Snake) {
                parsed(&out);
            }
        }
    }
    assert!(
        still_valid > 500,
        "only {still_valid} mutants were JSON: the walk tests too little"
    );
}

#[test]
fn the_lexer_agrees_with_serde_json_on_small_documents() {
    for text in [
        "0",
        "-0",
        "01",
        "1.",
        ".5",
        "1e",
        "1e+",
        "1E-2",
        "-",
        "--1",
        "tru",
        "true",
        "nul",
        "null",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\ud800\"",
        "\"\\udc00\"",
        "\"\\ud800\\u0041\"",
        "\"\\ud83d\\ude00\"",
        "\"\t\"",
        "[1,]",
        "[,1]",
        "{\"a\"1}",
        "{\"a\":1,}",
        "{,}",
        "[]",
        "{}",
        " [ 1 , { \"a\" : [ ] } ] ",
        "\u{feff}{}",
        "[1 2]",
        "{\"a\":1 \"b\":2}",
        "\"a",
    ] {
        let ours = raw::parse(text).is_ok();
        let theirs = serde_json::from_str::<Value>(text).is_ok();
        assert_eq!(ours, theirs, "{text:?}");
        if ours {
            assert_eq!(
                parsed(&rewrite(text, KeyCase::Keep).unwrap()),
                serde_json::from_str::<Value>(text).unwrap()
            );
        }
    }
}

#[test]
fn syntax_errors_report_line_and_column() {
    let err = decode("{\n  \"a\": tru", &GATEWAY_PAYMENT).unwrap_err();
    assert_eq!(
        err.message,
        "a body that is not the documented JSON: the JSON ends early (line 2, column 10); the response was cut off"
    );
    let err = decode("{\n  \"a\": x}", &GATEWAY_PAYMENT).unwrap_err();
    assert_eq!(
        err.message,
        "a body that is not the documented JSON: it is not valid JSON (line 2, column 8)"
    );
    let err = decode("[1]", &GATEWAY_PAYMENT).unwrap_err();
    assert_eq!(
        err.message,
        "gateway payment is an array, expected an object"
    );
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
    assert_eq!(d.captures.current_page(), Some(2));
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

/// `cargo test --release --no-default-features -- --ignored --nocapture page_rewrite_cost`:
/// prints the cost of one 100-payment page next to serde_json's parse of the same text.
#[test]
#[ignore]
fn page_rewrite_cost() {
    let item = r#"{"id":"6f1c2b9e-8a4d-4c1e-9f7a-2d3b5e8c1a40","amount":"115.00","amount_in_smallest_unit":11500,"currency":"SAR","scheduled_on":"2026-11-20T09:00:00+03:00","type":"INITIAL","payment_method":"MADA","current_status":"SUCCEEDED","payed_at":"2026-11-20T09:04:12+03:00","refunded_at":null,"refund_reason":null,"refund_note":null,"invoice_id":"0b7d4f52-3e61-4a8c-b2d9-7c15e6a9f083","consumer":{"id":"c1","name":"Customer Name","phone_number":"+966500000000","email":"a@b.c"},"latest_pgw_message":{"error_code":null,"message":"ok"}}"#;
    // `PAGE_FILE=page.json` times a page saved from the mock instead (see tests/bench/cases/client.mjs).
    let body = match std::env::var("PAGE_FILE") {
        Ok(path) => std::fs::read_to_string(path).unwrap(),
        Err(_) => format!(
            r#"{{"data":[{}],"pagination":{{"total_count":100,"max_page":1,"current_page":1,"limit":100,"has_next_page":false,"has_previous_page":false}}}}"#,
            vec![item; 100].join(",")
        ),
    };
    // `PAGE_COST_ONLY=decode|check` runs one loop alone (for `perf stat -e instructions`).
    if let Ok(only) = std::env::var("PAGE_COST_ONLY") {
        for _ in 0..1000 {
            match only.as_str() {
                "decode" => drop(std::hint::black_box(decode(&body, &PAYMENT_PAGE))),
                "serde" => drop(std::hint::black_box(serde_json::from_str::<Value>(&body))),
                _ => drop(std::hint::black_box(raw::parse(&body))),
            }
        }
        return;
    }
    // Best of 20 batches: the machine is shared, the minimum is the cost.
    let best = |f: &dyn Fn()| {
        (0..20)
            .map(|_| {
                let t = std::time::Instant::now();
                for _ in 0..100 {
                    f();
                }
                t.elapsed() / 100
            })
            .min()
            .unwrap()
    };
    let ours = best(&|| {
        std::hint::black_box(decode(std::hint::black_box(&body), &PAYMENT_PAGE).unwrap());
    });
    let any = best(&|| {
        std::hint::black_box(decode(std::hint::black_box(&body), &ANY).unwrap());
    });
    let copy = best(&|| {
        std::hint::black_box(rewrite(std::hint::black_box(&body), KeyCase::Keep).unwrap());
    });
    let check = best(&|| {
        std::hint::black_box(raw::parse(std::hint::black_box(&body)).unwrap());
    });
    let theirs = best(&|| {
        std::hint::black_box(serde_json::from_str::<Value>(std::hint::black_box(&body)).unwrap());
    });
    println!(
        "{} bytes: decode {ours:?}, decode as ANY {any:?}, copy {copy:?}, check only {check:?}, serde_json Value parse {theirs:?}",
        body.len()
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
            assert!(field.local.is_none_or(|i| i < LOCALS), "{}", field.name);
            assert!(!field.name.contains('\\'), "{}", field.name);
        }
    }
}

/// The fast paths (keys remembered per answer, strings scanned eight bytes at a time, literals
/// by their first byte) against the reference, at every offset that matters to them.
#[test]
fn repeated_keys_are_re_cased_and_recognised_like_new_ones() {
    // More distinct keys than the table has slots, each repeated, in objects of several shapes.
    let keys: Vec<String> = (0..150)
        .map(|i| match i % 6 {
            0 => format!("key_{i}_total"),
            1 => format!("line{i}_a1_b2"),
            2 => format!("_lead_{i}"),
            3 => format!("trail{i}_"),
            4 => format!("a__b_{i}"),
            _ => format!("plain{i}"),
        })
        .collect();
    let object = |from: usize| {
        let members: Vec<String> = (from..from + 40)
            .map(|i| format!("\"{}\":{i}", keys[i % keys.len()]))
            .collect();
        format!("{{{}}}", members.join(","))
    };
    let body = format!(
        "{{\"items\":[{}],\"more\":{},\"again\":[{}]}}",
        (0..8).map(|i| object(i * 20)).collect::<Vec<_>>().join(","),
        object(5),
        (0..4).map(|_| object(0)).collect::<Vec<_>>().join(",")
    );
    let input: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(js(&body, &ANY), reference(&input));
}

#[test]
fn a_known_key_is_known_only_in_its_own_shape() {
    // `amount` and `current_status` are fields of a payment, not of an object nested in one:
    // there nothing checks them (the amount rule only writes amounts' numbers as strings).
    let body = r#"{"data":[{"id":"a","current_status":"X","amount":1.5,"meta":{"amount":1.5,"current_status":7,"amount_in_smallest_unit":2.5}},
        {"id":"b","current_status":"Y","amount":2,"meta":{"amount":3}}],"amount":4,"current_status":[1]}"#;
    let out = decode(body, &PAYMENT_PAGE).unwrap().json;
    let v = parsed(&out);
    assert_eq!(v["data"][0]["amount"], "1.5");
    assert_eq!(v["data"][0]["meta"]["amount"], "1.5");
    assert_eq!(v["data"][0]["meta"]["currentStatus"], json!(7));
    assert_eq!(v["data"][0]["meta"]["amountInSmallestUnit"], "2.5");
    assert_eq!(v["data"][1]["amount"], "2");
    assert_eq!(v["data"][1]["meta"]["amount"], "3");
    assert_eq!(
        (&v["amount"], &v["currentStatus"]),
        (&json!("4"), &json!([1]))
    );
    // The same key in a shape where it is required is still checked on its second sighting.
    let bad = r#"{"data":[{"id":"a","current_status":"X"},{"id":"b","current_status":5}]}"#;
    let message = decode(bad, &PAYMENT_PAGE).unwrap_err().message;
    assert!(
        message.contains("\"current_status\" is a number"),
        "{message}"
    );
}

#[test]
fn keys_with_escapes_digits_and_underscores_at_every_offset() {
    // (An escaped `_`, `\u005f`, is not one: keys are re-cased on their text, as before.)
    for pad in 0..18 {
        let p = "k".repeat(pad);
        for key in [
            format!("{p}_x"),
            format!("{p}1_2"),
            format!("_{p}"),
            format!("{p}__"),
            format!("{p}\\n_z"),
            format!("{p}\\\"_q"),
            format!("é{p}_ü"),
            format!("{p}_\\ud83d\\ude00"),
            p.clone(),
        ] {
            let body =
                format!("{{\"{key}\":[{{\"{key}\":1}},{{\"{key}\":\"{key}\"}}],\"{key}_2\":{{}}}}");
            let input: Value =
                serde_json::from_str(&body).unwrap_or_else(|e| panic!("{body}: {e}"));
            assert_eq!(js(&body, &ANY), reference(&input), "{body}");
        }
    }
}

#[test]
fn strings_are_scanned_right_at_every_offset() {
    for pad in 0..20 {
        let p = "x".repeat(pad);
        for s in [
            String::new(),
            p.clone(),
            format!("{p}\\\""),
            format!("{p}\\\\"),
            format!("{p}\\u00e9{p}"),
            format!("{p}\\ud83d\\ude00"),
            format!("{p}é日😀"),
            format!("\\/{p}\\b\\f\\n\\r\\t"),
        ] {
            let body = format!("{{\"a_b\":\"{s}\",\"c\":[\"{s}\",\"{s}\"]}}");
            let input: Value = serde_json::from_str(&body).unwrap();
            assert_eq!(js(&body, &ANY), reference(&input), "{body}");
            // The string at the very end of the text: the last bytes are scanned one by one.
            let end = format!("{{\"k\":\"{s}\"}}");
            assert_eq!(decode(&end, &ANY).unwrap().json, end);
        }
        // A control byte, a bad escape or the end of the text at each offset: the same error.
        for (bad, says) in [
            (format!("{p}\u{1}"), "not valid JSON"),
            (format!("{p}\\x"), "not valid JSON"),
            (format!("{p}\\ud800\\u0041"), "not valid JSON"),
        ] {
            let body = format!("{{\"k\":\"{bad}\"}}");
            let err = decode(&body, &ANY).unwrap_err();
            assert!(err.message.contains(says), "{body}: {}", err.message);
            if bad.contains('\u{1}') {
                let column = body[..body.find('\u{1}').unwrap()].chars().count() + 1;
                assert!(
                    err.message.contains(&format!("column {column})")),
                    "{body}: {}",
                    err.message
                );
            }
            assert!(serde_json::from_str::<Value>(&body).is_err());
            let key = format!("{{\"{bad}\":1}}");
            assert!(decode(&key, &ANY).is_err(), "{key}");
        }
        let cut = format!("{{\"k\":\"{p}");
        let err = decode(&cut, &ANY).unwrap_err();
        assert!(err.message.contains("ends early"), "{cut}: {}", err.message);
        let cut = format!("{{\"k_{p}");
        let err = decode(&cut, &ANY).unwrap_err();
        assert!(err.message.contains("ends early"), "{cut}: {}", err.message);
    }
}

#[test]
fn literals_are_read_whole_or_refused() {
    for (body, ok) in [
        (r#"{"a":null,"b":true,"c":false}"#, true),
        (r#"{"a":nul}"#, false),
        (r#"{"a":nulx}"#, false),
        (r#"{"a":tru}"#, false),
        (r#"{"a":falsy}"#, false),
        (r#"{"a":nil}"#, false),
        (r#"{"a":n"#, false),
        (r#"{"a":fals"#, false),
    ] {
        assert_eq!(decode(body, &ANY).is_ok(), ok, "{body}");
        assert_eq!(raw::parse(body).is_ok(), ok, "{body}");
        assert_eq!(serde_json::from_str::<Value>(body).is_ok(), ok, "{body}");
    }
    let err = decode(r#"{"a":fals"#, &ANY).unwrap_err();
    assert!(err.message.contains("ends early"), "{}", err.message);
    let err = decode(r#"{"a":nulx}"#, &ANY).unwrap_err();
    assert!(err.message.contains("column 6"), "{}", err.message);
}
