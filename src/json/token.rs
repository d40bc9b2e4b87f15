//! The tokens the lexer hands back (slices of the source, strings still escaped) and what
//! the readers ask of them: a string's value, a number's range, a value's JSON type.

use crate::prelude::*;
use alloc::borrow::Cow;

/// A string token: the text between the quotes, still escaped.
#[derive(Debug, Clone, Copy)]
pub struct Str<'a> {
    pub raw: &'a str,
    pub escaped: bool,
}

impl<'a> Str<'a> {
    /// The string's value. Borrowed unless it had escapes.
    pub fn value(self) -> Cow<'a, str> {
        if self.escaped {
            Cow::Owned(unescape(self.raw))
        } else {
            Cow::Borrowed(self.raw)
        }
    }
}

/// A number token, as its text.
#[derive(Debug, Clone, Copy)]
pub struct Num<'a> {
    pub text: &'a str,
    /// No fraction and no exponent.
    pub integer: bool,
}

impl Num<'_> {
    /// An integer a JS number cannot hold exactly (beyond 2^53 - 1 in magnitude).
    pub fn is_big_integer(&self) -> bool {
        if !self.integer {
            return false;
        }
        let digits = self.text.strip_prefix('-').unwrap_or(self.text);
        // Digit strings of equal length compare like the numbers (no leading zeros in JSON).
        digits.len() > 16 || (digits.len() == 16 && digits > "9007199254740991")
    }

    /// The value of a non-negative integer below 2^53.
    pub fn count(&self) -> Option<u64> {
        if !self.integer || self.text.starts_with('-') || self.is_big_integer() {
            return None;
        }
        self.text.parse().ok()
    }
}

/// "a string", "an object"...: the JSON type of the value starting with `first`, for messages.
pub fn kind_name(first: Option<u8>) -> &'static str {
    match first {
        Some(b'"') => "a string",
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        Some(b'-' | b'0'..=b'9') => "a number",
        _ => "nothing",
    }
}

/// The value of a checked string's escaped text.
pub fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let decoded = match chars.next() {
            Some('b') => '\u{8}',
            Some('f') => '\u{c}',
            Some('n') => '\n',
            Some('r') => '\r',
            Some('t') => '\t',
            Some('u') => {
                let high = hex_unit(&mut chars);
                if (0xD800..0xDC00).contains(&high) {
                    chars.next();
                    chars.next();
                    let low = hex_unit(&mut chars);
                    char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low.wrapping_sub(0xDC00)))
                        .unwrap_or('\u{fffd}')
                } else {
                    char::from_u32(high).unwrap_or('\u{fffd}')
                }
            }
            Some(other) => other,
            None => break,
        };
        out.push(decoded);
    }
    out
}

fn hex_unit(chars: &mut core::str::Chars<'_>) -> u32 {
    chars
        .by_ref()
        .take(4)
        .fold(0, |unit, c| unit * 16 + c.to_digit(16).unwrap_or(0))
}
