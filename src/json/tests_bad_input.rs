//! Input that is not a valid answer: too deep, cut short, mutated, or near-valid, against
//! serde_json's verdict. Every one is a clean error with a place, never a panic.

use serde_json::Value;

use super::tests::{exponents, parsed, reference, COMPLETED, PAGE};
use super::*;
use crate::error::ErrorCode;
use crate::models::{GATEWAY_PAYMENT, PAYMENT_PAGE};

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
