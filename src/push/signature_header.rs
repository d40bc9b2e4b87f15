//! The `x-webhook-signature` header: `t=<unix seconds>,v1=<hex>[,v1=<hex>...]`.
//!
//! Strict where it matters (exactly one `t`, digits only; every `v1` exactly 64 hex digits; at
//! least one `v1`) and tolerant where it does not (spaces around elements, empty elements,
//! unknown schemes such as `v0`, which are ignored as Stripe-style verifiers do). Messages never
//! echo the header: it is attacker-controlled and may be huge.

use super::{hex, invalid_signature, Digest};
use crate::error::{Result, StreamError};
use crate::prelude::*;

/// Longest header looked at. Several `v1` values (secret rotation) fit many times over; a
/// longer header is refused before any work is done on it.
pub const MAX_HEADER_LEN: usize = 4096;

/// Digits in a `t` value at most: seconds stay 10 digits until the year 2286.
const MAX_TIMESTAMP_DIGITS: usize = 15;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureHeader<'a> {
    /// `t` as sent: the signed payload is `"<t>.<body>"` with exactly these digits.
    pub timestamp_text: &'a str,
    pub timestamp: u64,
    /// Every `v1` signature, decoded.
    pub signatures: Vec<Digest>,
}

pub fn parse(header: &str) -> Result<SignatureHeader<'_>> {
    if header.len() > MAX_HEADER_LEN {
        return Err(too_long(header.len()));
    }
    if header.trim().is_empty() {
        return Err(missing());
    }
    let mut timestamp: Option<(&str, u64)> = None;
    let mut signatures = Vec::new();
    for (index, element) in header.split(',').enumerate() {
        let element = element.trim_matches(|c| c == ' ' || c == '\t');
        if element.is_empty() {
            continue;
        }
        let position = index + 1;
        let Some((key, value)) = element.split_once('=') else {
            return Err(malformed(cat!("element ", position, " has no '='")));
        };
        match key {
            "t" if timestamp.is_some() => {
                return Err(malformed("more than one t= timestamp".into()))
            }
            "t" => timestamp = Some((value, parse_timestamp(value)?)),
            "v1" => signatures.push(hex::decode_array(value).ok_or_else(|| {
                malformed(cat!(
                    "v1 signature in element ",
                    position,
                    " is not 64 hex digits"
                ))
            })?),
            _ => {}
        }
    }
    let Some((timestamp_text, timestamp)) = timestamp else {
        return Err(malformed("no t= timestamp".into()));
    };
    if signatures.is_empty() {
        return Err(malformed("no v1= signature".into()));
    }
    Ok(SignatureHeader {
        timestamp_text,
        timestamp,
        signatures,
    })
}

fn parse_timestamp(text: &str) -> Result<u64> {
    if text.is_empty() {
        return Err(malformed("t= has no value".into()));
    }
    if text.len() > MAX_TIMESTAMP_DIGITS || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(malformed(
            "t= must be unix seconds (decimal digits only)".into(),
        ));
    }
    // At most 15 digits: cannot overflow a u64.
    Ok(text
        .bytes()
        .fold(0, |acc, digit| acc * 10 + u64::from(digit - b'0')))
}

pub fn missing() -> StreamError {
    invalid_signature("x-webhook-signature header is missing or empty")
}

pub fn too_long(len: usize) -> StreamError {
    malformed(cat!(
        len,
        " characters, over the ",
        MAX_HEADER_LEN,
        " character limit"
    ))
}

pub fn malformed(reason: String) -> StreamError {
    invalid_signature(cat!("x-webhook-signature header is malformed: ", reason))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    const A: &str = "6ffbb59b2300aae63f272406069a9788598b792a944a07aba816edb039989a39";
    const B: &str = "AB00000000000000000000000000000000000000000000000000000000000001";

    fn reason(header: &str) -> String {
        let err = parse(header).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidSignature, "{header:.80}");
        err.message
    }

    #[test]
    fn one_signature() {
        let header = format!("t=1700000000,v1={A}");
        let h = parse(&header).unwrap();
        assert_eq!(
            (h.timestamp_text, h.timestamp),
            ("1700000000", 1_700_000_000)
        );
        assert_eq!(h.signatures, vec![hex::decode_array::<32>(A).unwrap()]);
    }

    #[test]
    fn several_signatures_spaces_and_unknown_schemes() {
        let header = format!(" v1={A} , t=0001700000000,v0=zz,, v1={B}\t");
        let h = parse(&header).unwrap();
        assert_eq!(h.timestamp_text, "0001700000000");
        assert_eq!(h.timestamp, 1_700_000_000);
        assert_eq!(h.signatures.len(), 2);
        assert_eq!(h.signatures[1][0], 0xab);
    }

    #[test]
    fn malformed_headers_say_what_is_wrong() {
        let cases = [
            ("t=".to_string(), "t= has no value"),
            (format!("t=,v1={A}"), "t= has no value"),
            ("t=1700000000".into(), "no v1= signature"),
            ("t=1700000000,v1=".into(), "element 2 is not 64 hex digits"),
            (format!("v1={A}"), "no t= timestamp"),
            (format!("t=17e8,v1={A}"), "decimal digits only"),
            (format!("t=-1,v1={A}"), "decimal digits only"),
            (format!("t=+1,v1={A}"), "decimal digits only"),
            (format!("t= 1,v1={A}"), "decimal digits only"),
            (
                format!("t=1{},v1={A}", "0".repeat(15)),
                "decimal digits only",
            ),
            (format!("t=1,v1={}", &A[1..]), "not 64 hex digits"),
            (format!("t=1,v1={A}0"), "not 64 hex digits"),
            (format!("t=1,v1={}g", &A[1..]), "not 64 hex digits"),
            (
                format!("t=1,v1={A},v1=nothex"),
                "element 3 is not 64 hex digits",
            ),
            (format!("t=1,v1={A},t=2"), "more than one t="),
            (format!("t=1,v1={A}, t=1,v1={A}"), "more than one t="),
            (format!("t=1,v1={A},garbage"), "element 3 has no '='"),
            (format!("T=1,v1={A}"), "no t= timestamp"),
        ];
        for (header, expected) in cases {
            let message = reason(&header);
            assert!(message.contains(expected), "{header}: {message}");
            assert!(message.starts_with("x-webhook-signature header is malformed: "));
            assert!(!message.contains(A), "does not echo the header");
        }
    }

    #[test]
    fn empty_and_huge_headers() {
        for empty in ["", " ", ",", " , "] {
            let message = reason(empty);
            assert!(
                message.contains("missing") || message.contains("no t="),
                "{message}"
            );
        }
        let huge = format!("t=1,v1={A},{}", "x".repeat(1 << 20));
        assert!(reason(&huge).contains("over the 4096 character limit"));
        let edge = format!("t=1,v1={A},{}", "v0=0".repeat(MAX_HEADER_LEN));
        assert!(reason(&edge[..MAX_HEADER_LEN + 1]).contains("limit"));
    }

    #[test]
    fn exactly_at_the_length_limit_is_parsed() {
        let base = format!("t=1,v1={A},v0=");
        let header = format!("{base}{}", "z".repeat(MAX_HEADER_LEN - base.len()));
        assert_eq!(header.len(), MAX_HEADER_LEN);
        assert_eq!(parse(&header).unwrap().signatures.len(), 1);
    }
}
