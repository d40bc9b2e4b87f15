//! Writing JSON text: keys in the casing each side wants, strings with escapes, big integers
//! as strings.

use super::lex::Lexer;
use super::syntax::Syntax;
use super::token::{unescape, Num};
use crate::prelude::*;

/// How the keys of objects nobody modelled are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyCase {
    /// `error_code` -> `errorCode` (API answers going to JS).
    Camel,
    /// `errorCode` -> `error_code` (JS requests going to the API).
    Snake,
    /// As sent (error bodies, webhook payloads).
    Keep,
}

/// Writes the escaped key text `raw` in `case`, without quotes.
#[inline]
pub fn push_key(out: &mut String, raw: &str, case: KeyCase) {
    match case {
        KeyCase::Camel if raw.contains('_') => push_camel(out, raw),
        // Escapes may hold capitals (`\u00E9`): re-case the key's value, not its text.
        KeyCase::Snake if raw.contains('\\') => {
            let mut quoted = String::new();
            push_string(&mut quoted, &snake_case(&unescape(raw)));
            out.push_str(quoted.get(1..quoted.len() - 1).unwrap_or_default());
        }
        KeyCase::Snake if raw.bytes().any(|b| b.is_ascii_uppercase()) => push_snake(out, raw),
        _ => out.push_str(raw),
    }
}

/// `display_amount_usd` -> `displayAmountUsd`; leading underscores stay (`_private`). Bytes,
/// not chars: only ASCII changes, and an escape sequence is never split in a way that matters
/// (`\` and hex digits are no letters to upper-case after an underscore).
pub fn push_camel(out: &mut String, raw: &str) {
    // Short keys (all real ones) are built on the stack and appended in one call.
    let mut buf = [0u8; 64];
    let mut len = 0;
    let mut upper = false;
    if raw.len() <= buf.len() {
        for (i, &b) in raw.as_bytes().iter().enumerate() {
            if b == b'_' && i > 0 {
                upper = true;
                continue;
            }
            if let Some(slot) = buf.get_mut(len) {
                *slot = if upper { b.to_ascii_uppercase() } else { b };
            }
            upper = false;
            len += 1;
        }
        // Removing ASCII bytes and upper-casing ASCII letters keeps UTF-8 valid.
        if let Some(Ok(text)) = buf.get(..len).map(core::str::from_utf8) {
            out.push_str(text);
            return;
        }
    }
    let bytes = raw.as_bytes();
    let mut run = 0;
    let mut i = 1;
    while i < bytes.len() {
        if bytes.get(i) != Some(&b'_') {
            i += 1;
            continue;
        }
        out.push_str(raw.get(run..i).unwrap_or_default());
        while bytes.get(i) == Some(&b'_') {
            i += 1;
        }
        run = i;
        if let Some(&b) = bytes.get(i) {
            if b.is_ascii() {
                out.push(char::from(b.to_ascii_uppercase()));
                run = i + 1;
            }
        }
        i += 1;
    }
    out.push_str(raw.get(run..).unwrap_or_default());
}

/// `maxNumberOfPayments` -> `max_number_of_payments`, `returnURL` -> `return_url`; snake_case
/// stays as it is.
pub fn push_snake(out: &mut String, raw: &str) {
    let bytes = raw.as_bytes();
    let start = out.len();
    for (i, c) in raw.char_indices() {
        if c.is_ascii_uppercase() {
            let prev = i.checked_sub(1).and_then(|j| bytes.get(j)).copied();
            let next = bytes.get(i + 1).copied();
            let after_lower = prev.is_some_and(|p| p.is_ascii_lowercase() || p.is_ascii_digit());
            let ends_acronym = prev.is_some_and(|p| p.is_ascii_uppercase())
                && next.is_some_and(|n| n.is_ascii_lowercase());
            if (after_lower || ends_acronym) && !out[start..].ends_with('_') {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
}

/// A key converted to camelCase, for messages.
pub fn camel_case(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    push_camel(&mut out, key);
    out
}

/// A key converted to snake_case.
pub fn snake_case(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    push_snake(&mut out, key);
    out
}

/// `value` as a JSON string literal, quotes included.
pub fn push_string(out: &mut String, value: &str) {
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                out.push_str("\\u00");
                for shift in [4, 0] {
                    let digit = (u32::from(c) >> shift) & 0xf;
                    out.push(char::from_digit(digit, 16).unwrap_or('0'));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A number as JS should see it: verbatim, or a string when it is an integer past 2^53.
#[inline]
pub fn push_number(out: &mut String, num: Num<'_>) {
    if num.is_big_integer() {
        out.push('"');
        out.push_str(num.text);
        out.push('"');
    } else {
        out.push_str(num.text);
    }
}

/// Copies one value, rewriting keys to `case` at every depth and big integers to strings.
/// `depth` is the nesting of the value's container.
pub fn copy_value(
    lx: &mut Lexer<'_>,
    out: &mut String,
    case: KeyCase,
    depth: usize,
) -> Result<(), Syntax> {
    match lx.peek() {
        Some(b'"') => {
            let s = lx.string()?;
            out.push('"');
            out.push_str(s.raw);
            out.push('"');
        }
        Some(b'{') => {
            let depth = lx.deeper(depth)?;
            lx.expect(b'{')?;
            out.push('{');
            if !lx.empty(b'}') {
                loop {
                    let key = lx.string()?;
                    out.push('"');
                    push_key(out, key.raw, case);
                    out.push_str("\":");
                    lx.expect(b':')?;
                    copy_value(lx, out, case, depth)?;
                    if !lx.comma_or(b'}')? {
                        break;
                    }
                    out.push(',');
                }
            }
            out.push('}');
        }
        Some(b'[') => {
            let depth = lx.deeper(depth)?;
            lx.expect(b'[')?;
            out.push('[');
            if !lx.empty(b']') {
                loop {
                    copy_value(lx, out, case, depth)?;
                    if !lx.comma_or(b']')? {
                        break;
                    }
                    out.push(',');
                }
            }
            out.push(']');
        }
        Some(b'-' | b'0'..=b'9') => push_number(out, lx.number()?),
        _ => out.push_str(lx.literal()?),
    }
    Ok(())
}

/// A whole document rewritten by [`copy_value`]; `Err` when it is not one JSON value.
pub fn rewrite(text: &str, case: KeyCase) -> Result<String, Syntax> {
    let mut lx = Lexer::new(text);
    let mut out = String::with_capacity(text.len() + 16);
    copy_value(&mut lx, &mut out, case, 0)?;
    if !lx.at_end() {
        return Err(Syntax::Invalid(lx.pos));
    }
    Ok(out)
}
