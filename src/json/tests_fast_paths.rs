//! The fast paths (keys remembered per answer, strings scanned eight bytes at a time,
//! literals by their first byte) against the reference, at every offset that matters to them.

use serde_json::{json, Value};

use super::tests::{js, parsed, reference};
use super::*;
use crate::models::PAYMENT_PAGE;

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
