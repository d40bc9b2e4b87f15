//! Strict scanning of decimal text into borrowed ASCII digit runs, and the few digit-string
//! operations the formatter and parser share. Digits stay ASCII bytes so no amount is ever
//! converted to a machine number.

use crate::error::{Result, StreamError};
use crate::prelude::*;

/// Longest input accepted; larger text is refused up front so no caller pays for pathological input.
pub(crate) const MAX_INPUT_CHARS: usize = 10_000;

/// How much of a bad input an error message echoes: enough to recognise it, never a whole payload.
const ECHO_CHARS: usize = 24;

/// A scanned number: sign, integer digits, and fraction digits when a '.' was present.
/// Digit runs may be empty (".5", "5.") and may carry leading or trailing zeros.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Number<'a> {
    pub negative: bool,
    pub int: &'a [u8],
    pub frac: Option<&'a [u8]>,
}

/// `text` in quotes, cut to a short prefix, with control characters escaped.
pub(crate) fn quoted_prefix(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(ECHO_CHARS).collect();
    let more = if chars.next().is_some() { "…" } else { "" };
    cat!("\"", escape(&head), "\"", more)
}

/// Printable ASCII as is, anything else as `\u{..}`. Unlike `{:?}` this needs no Unicode
/// tables, which would add kilobytes to the `.wasm`.
pub(crate) fn escape(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            ' '..='~' if c != '"' && c != '\\' => String::from(c),
            _ => c.escape_default().collect(),
        })
        .collect()
}

fn refuse(what: &str, text: &str, problem: &str) -> StreamError {
    StreamError::invalid_argument(cat!(what, " ", quoted_prefix(text), " ", problem))
}

/// Names a non-number that someone stringified from a float, which would otherwise read as
/// "contains a letter".
fn non_finite_name(text: &str) -> Option<&'static str> {
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    if unsigned.eq_ignore_ascii_case("nan") {
        Some("NaN")
    } else if unsigned.eq_ignore_ascii_case("infinity") || unsigned.eq_ignore_ascii_case("inf") {
        Some("Infinity")
    } else {
        None
    }
}

/// Scans `-?digits(.digits)?` with at least one digit. `what` names the input in messages
/// ("amount", "text"); `allow_point` is false for integer amounts in smallest units.
pub(crate) fn scan<'a>(what: &str, text: &'a str, allow_point: bool) -> Result<Number<'a>> {
    if let Some(number) = scan_plain(text, allow_point) {
        return Ok(number);
    }
    // Not plain digits: the full scan below names the problem.
    if text.chars().nth(MAX_INPUT_CHARS).is_some() {
        return Err(StreamError::invalid_argument(cat!(
            what,
            " is too long: more than ",
            MAX_INPUT_CHARS,
            " characters"
        )));
    }
    if text.is_empty() {
        return Err(StreamError::invalid_argument(cat!(what, " is empty")));
    }
    if let Some(name) = non_finite_name(text) {
        return Err(refuse(
            what,
            text,
            &cat!("is ", name, ", not a decimal number"),
        ));
    }
    let bytes = text.as_bytes();
    let negative = bytes.first() == Some(&b'-');
    let body_start = usize::from(negative);
    let mut point: Option<usize> = None;
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices().skip(body_start) {
        match c {
            '0'..='9' => {}
            '.' if allow_point && point.is_none() => point = Some(i),
            '.' if allow_point => return Err(refuse(what, text, "has more than one '.'")),
            '.' => {
                return Err(refuse(
                    what,
                    text,
                    "must be a whole number of smallest units, without '.'",
                ))
            }
            'e' | 'E' if matches!(prev, Some('0'..='9' | '.')) => {
                return Err(refuse(
                    what,
                    text,
                    "uses exponent notation; write out all the digits",
                ))
            }
            '+' => return Err(refuse(what, text, "must not contain '+'")),
            '-' => {
                return Err(refuse(
                    what,
                    text,
                    "may have '-' only as its first character",
                ))
            }
            ',' | '_' | '\'' => {
                return Err(refuse(
                    what,
                    text,
                    "contains a group separator; write the digits without separators",
                ))
            }
            c if c.is_ascii_whitespace() || matches!(c, '\u{a0}' | '\u{2009}' | '\u{202f}') => {
                return Err(refuse(what, text, "contains whitespace; remove it"))
            }
            c if c.is_ascii_alphabetic() => {
                return Err(refuse(what, text, &cat!("contains the letter '", c, "'")))
            }
            c => {
                return Err(refuse(
                    what,
                    text,
                    &cat!(
                        "contains '",
                        escape(&String::from(c)),
                        "'; only ASCII digits 0-9, '.' and a leading '-' are allowed"
                    ),
                ))
            }
        }
        prev = Some(c);
    }
    let body = bytes.get(body_start..).unwrap_or_default();
    let (int, frac) = match point.and_then(|p| p.checked_sub(body_start)) {
        Some(at) => match body.split_at_checked(at) {
            Some((int, rest)) => (int, Some(rest.get(1..).unwrap_or_default())),
            None => (body, None),
        },
        None => (body, None),
    };
    if int.is_empty() && frac.is_none_or(<[u8]>::is_empty) {
        return Err(refuse(what, text, "has no digits"));
    }
    Ok(Number {
        negative,
        int,
        frac,
    })
}

/// The common case in one byte loop: `-?digits(.digits)?` with at least one digit and at most
/// `MAX_INPUT_CHARS` bytes; `None` for anything else, which [`scan`] then looks at in full.
fn scan_plain(text: &str, allow_point: bool) -> Option<Number<'_>> {
    let bytes = text.as_bytes();
    if bytes.len() > MAX_INPUT_CHARS {
        return None;
    }
    let (negative, body) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, bytes),
    };
    let mut point = None;
    for (i, &b) in body.iter().enumerate() {
        match b {
            b'0'..=b'9' => {}
            b'.' if allow_point && point.is_none() => point = Some(i),
            _ => return None,
        }
    }
    let (int, frac) = match point {
        Some(at) => {
            let (int, rest) = body.split_at_checked(at)?;
            (int, Some(rest.get(1..)?))
        }
        None => (body, None),
    };
    if int.is_empty() && frac.is_none_or(<[u8]>::is_empty) {
        return None;
    }
    Some(Number {
        negative,
        int,
        frac,
    })
}

pub(crate) fn trim_leading_zeros(digits: &[u8]) -> &[u8] {
    let zeros = digits.iter().take_while(|&&d| d == b'0').count();
    digits.get(zeros..).unwrap_or_default()
}

pub(crate) fn is_all_zero(digits: &[u8]) -> bool {
    digits.iter().all(|&d| d == b'0')
}

/// Adds one to an ASCII digit string in place, growing it by a leading '1' on carry out.
pub(crate) fn increment(digits: &mut Vec<u8>) {
    for d in digits.iter_mut().rev() {
        if *d == b'9' {
            *d = b'0';
        } else {
            *d = d.saturating_add(1);
            return;
        }
    }
    digits.insert(0, b'1');
}

/// Appends ASCII digits. Every caller passes digits that `scan` accepted (or zeros and ones it
/// added), so the UTF-8 check always passes; it is a byte scan, cheaper than pushing char by char.
pub(crate) fn push_digits(out: &mut String, digits: &[u8]) {
    match core::str::from_utf8(digits) {
        Ok(text) => out.push_str(text),
        Err(_) => out.extend(digits.iter().map(|&d| char::from(d))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    fn ok(text: &str, point: bool) -> (bool, &str, Option<&str>) {
        let n = scan("text", text, point).unwrap();
        (
            n.negative,
            core::str::from_utf8(n.int).unwrap(),
            n.frac.map(|f| core::str::from_utf8(f).unwrap()),
        )
    }

    fn err(text: &str, point: bool) -> String {
        let e = scan("text", text, point).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidArgument);
        e.message
    }

    #[test]
    fn scans_the_accepted_shapes() {
        assert_eq!(ok("0", false), (false, "0", None));
        assert_eq!(ok("-000123", false), (true, "000123", None));
        assert_eq!(ok("1.50", true), (false, "1", Some("50")));
        assert_eq!(ok(".5", true), (false, "", Some("5")));
        assert_eq!(ok("-5.", true), (true, "5", Some("")));
    }

    #[test]
    fn names_each_problem() {
        let cases = [
            ("", "empty"),
            ("-", "no digits"),
            (".", "no digits"),
            ("-.", "no digits"),
            ("+5", "'+'"),
            ("5+", "'+'"),
            (" 1", "whitespace"),
            ("1\u{a0}000", "whitespace"),
            ("1\t", "whitespace"),
            ("--1", "'-' only as its first"),
            ("1-", "'-' only as its first"),
            ("1e5", "exponent"),
            ("1.5E-3", "exponent"),
            ("abc", "letter 'a'"),
            ("e5", "letter 'e'"),
            ("1,000", "group separator"),
            ("1_000", "group separator"),
            ("1.2.3", "more than one '.'"),
            ("NaN", "NaN"),
            ("-Infinity", "Infinity"),
            ("inf", "Infinity"),
            ("١٢", "only ASCII digits"),
            ("1\u{0}", "only ASCII digits"),
        ];
        for (text, needle) in cases {
            let message = err(text, true);
            assert!(message.contains(needle), "{text:?}: {message}");
        }
        assert!(err("1.5", false).contains("whole number"));
    }

    #[test]
    fn long_input_is_refused_and_echo_is_short() {
        let long = "1".repeat(MAX_INPUT_CHARS + 1);
        assert!(err(&long, true).contains("too long"));
        assert!(scan("text", &long[1..], true).is_ok());
        let message = err(&format!("x{}", "9".repeat(500)), true);
        assert!(message.len() < 100, "{message}");
        assert_eq!(quoted_prefix("a\nb"), "\"a\\nb\"");
    }

    #[test]
    fn digit_helpers() {
        assert_eq!(trim_leading_zeros(b"000120"), b"120");
        assert_eq!(trim_leading_zeros(b"000"), b"");
        assert!(is_all_zero(b"000") && is_all_zero(b"") && !is_all_zero(b"010"));
        for (from, to) in [
            ("", "1"),
            ("0", "1"),
            ("129", "130"),
            ("999", "1000"),
            ("0999", "1000"),
        ] {
            let mut digits = from.as_bytes().to_vec();
            increment(&mut digits);
            assert_eq!(digits, to.as_bytes());
        }
        let mut out = String::new();
        push_digits(&mut out, b"042");
        assert_eq!(out, "042");
    }
}
