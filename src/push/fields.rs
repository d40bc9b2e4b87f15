//! Reading a pushed JSON body: the top-level object and its text fields, with `DECODE` errors
//! that name the field but never echo the body (it can be large or hostile).

use super::MAX_BODY_BYTES;
use crate::error::{Result, StreamError};
use crate::json::{raw, Raw};
use crate::prelude::*;

/// The checked body text, which must be a JSON object. `what` names the body in messages
/// ("gateway callback body").
pub fn parse_object<'a>(body: &'a [u8], what: &str) -> Result<Raw<'a>> {
    if body.len() > MAX_BODY_BYTES {
        return Err(body_too_large(what));
    }
    let text = core::str::from_utf8(body).map_err(|e| {
        StreamError::decode(cat!(
            what,
            " is not valid UTF-8 (byte ",
            e.valid_up_to(),
            ")"
        ))
    })?;
    let value = raw::parse(text).map_err(|e| {
        StreamError::decode(cat!(what, " is not valid JSON (", e.location(text), ")"))
    })?;
    if !value.is_object() {
        return Err(StreamError::decode(cat!(
            what,
            " must be a JSON object, got ",
            value.kind()
        )));
    }
    Ok(value)
}

pub fn body_too_large(what: &str) -> StreamError {
    StreamError::decode(cat!(what, " is over the ", MAX_BODY_BYTES, " byte limit"))
}

/// A field that must be a string or a number, as its exact text: a number keeps the digits it
/// arrived with (`1.50` stays `"1.50"`), never passing through a float.
pub fn required_text(map: Raw<'_>, key: &str, what: &str) -> Result<String> {
    optional_text(map, key, what)?
        .ok_or_else(|| StreamError::decode(cat!(what, ": \"", key, "\" is missing")))
}

/// Like [`required_text`], with `null` or absence as `None`.
pub fn optional_text(map: Raw<'_>, key: &str, what: &str) -> Result<Option<String>> {
    match map.get(key) {
        None => Ok(None),
        Some(v) if v.is_null() => Ok(None),
        Some(v) => match v.scalar_text() {
            Some(text) => Ok(Some(text.into_owned())),
            None => Err(StreamError::decode(cat!(
                what,
                ": \"",
                key,
                "\" must be a string or a number, got ",
                v.kind()
            ))),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    fn map(json: &str) -> Raw<'_> {
        parse_object(json.as_bytes(), "body").unwrap()
    }

    #[test]
    fn numbers_keep_their_exact_text() {
        let m =
            map(r#"{"a": 1.50, "b": 166389351081530800779973, "c": -0, "d": 1E3, "e": "0.10"}"#);
        let text = |k| required_text(m, k, "body").unwrap();
        assert_eq!(text("a"), "1.50");
        assert_eq!(text("b"), "166389351081530800779973");
        assert_eq!(text("c"), "-0");
        // Exactly as sent, exponent and all (amounts never use one).
        assert_eq!(text("d"), "1E3");
        assert_eq!(text("e"), "0.10");
    }

    #[test]
    fn missing_null_and_wrong_types() {
        let m = map(r#"{"n": null, "o": {}, "a": [], "b": true}"#);
        let err = required_text(m, "x", "cb").unwrap_err();
        assert_eq!(
            (err.code, err.message.as_str()),
            (ErrorCode::Decode, "cb: \"x\" is missing")
        );
        assert!(required_text(m, "n", "cb").is_err());
        assert_eq!(optional_text(m, "n", "cb").unwrap(), None);
        for (key, kind) in [("o", "an object"), ("a", "an array"), ("b", "a boolean")] {
            let err = optional_text(m, key, "cb").unwrap_err();
            assert!(err.message.ends_with(kind), "{}", err.message);
        }
    }

    #[test]
    fn bad_json_is_decode_without_echoing_the_body() {
        for bad in [
            "",
            "{",
            "nope",
            "{\"a\":1,}",
            "\u{feff}{}",
            "{\"a\":\"\\ud800\"}",
        ] {
            let err = parse_object(bad.as_bytes(), "webhook body").unwrap_err();
            assert_eq!(err.code, ErrorCode::Decode, "{bad:?}");
            assert!(err
                .message
                .starts_with("webhook body is not valid JSON (line 1, column"));
        }
        let err = parse_object(&[b'"', 0xff, b'"'], "body").unwrap_err();
        assert_eq!(
            (err.code, err.message.as_str()),
            (ErrorCode::Decode, "body is not valid UTF-8 (byte 1)")
        );
    }

    #[test]
    fn non_objects_are_refused_by_kind() {
        let err = parse_object(b"\"secret-looking text\"", "body").unwrap_err();
        assert_eq!(err.message, "body must be a JSON object, got a string");
        let err = parse_object(b"[1]", "body").unwrap_err();
        assert_eq!(err.message, "body must be a JSON object, got an array");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = "[".repeat(100_000);
        assert_eq!(
            parse_object(deep.as_bytes(), "b").unwrap_err().code,
            ErrorCode::Decode
        );
    }

    #[test]
    fn oversized_bodies_are_refused_before_parsing() {
        let big = vec![b' '; MAX_BODY_BYTES + 1];
        let err = parse_object(&big, "b").unwrap_err();
        assert_eq!(err.code, ErrorCode::Decode);
        assert!(err.message.contains("byte limit"), "{}", err.message);
    }
}
