//! The JSON lexer: validates tokens over `&str` and hands back slices of the source, never
//! copies. Strings stay in their escaped form (they are copied to the output as they are);
//! numbers stay text (no float parsing anywhere).

use crate::prelude::*;
use alloc::borrow::Cow;

pub use super::syntax::Syntax;

/// Deepest nesting accepted. The APIs nest a handful of levels; the bound keeps a hostile body
/// from recursing the wasm stack away.
pub const MAX_DEPTH: usize = 128;

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

pub struct Lexer<'a> {
    pub src: &'a str,
    bytes: &'a [u8],
    pub pos: usize,
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a str) -> Self {
        Self {
            src,
            bytes: src.as_bytes(),
            pos: 0,
        }
    }

    /// The next byte after whitespace, not consumed.
    #[inline(always)]
    pub fn peek(&mut self) -> Option<u8> {
        while let Some(&b) = self.bytes.get(self.pos) {
            if !matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
                return Some(b);
            }
            self.pos += 1;
        }
        None
    }

    /// The error for the byte at the current position.
    pub fn fail(&self) -> Syntax {
        if self.pos >= self.bytes.len() {
            Syntax::Eof(self.pos)
        } else {
            Syntax::Invalid(self.pos)
        }
    }

    /// Consumes `byte` (after whitespace) or fails.
    #[inline(always)]
    pub fn expect(&mut self, byte: u8) -> Result<(), Syntax> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.fail())
        }
    }

    /// After a member or item: `true` for `,`, `false` for `close`.
    #[inline(always)]
    pub fn comma_or(&mut self, close: u8) -> Result<bool, Syntax> {
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                Ok(true)
            }
            Some(b) if b == close => {
                self.pos += 1;
                Ok(false)
            }
            _ => Err(self.fail()),
        }
    }

    /// After `{` or `[`: consumes `close` and returns `true` when the container is empty.
    #[inline(always)]
    pub fn empty(&mut self, close: u8) -> bool {
        if self.peek() == Some(close) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Whether only whitespace is left.
    pub fn at_end(&mut self) -> bool {
        self.peek().is_none()
    }

    /// A string token; the current byte (after whitespace) must be `"`.
    #[inline]
    pub fn string(&mut self) -> Result<Str<'a>, Syntax> {
        let (start, escaped) = self.string_span()?;
        let raw = self.src.get(start..self.pos - 1).unwrap_or_default();
        Ok(Str { raw, escaped })
    }

    /// A string token checked and passed: where its text starts, and whether it had escapes.
    pub fn string_span(&mut self) -> Result<(usize, bool), Syntax> {
        self.expect(b'"')?;
        let start = self.pos;
        let escaped = self.string_body()?;
        self.pos += 1;
        Ok((start, escaped))
    }

    /// A key's text after its opening quote: leaves `pos` at the closing quote; whether the
    /// key had escapes, and whether it has a `_` before any escape (a key without escapes that
    /// needs camelCasing).
    #[inline(always)]
    pub fn key_body(&mut self) -> Result<(bool, bool), Syntax> {
        let (stop, underscore) = find_special_key(self.bytes, self.pos);
        self.pos = stop;
        if self.bytes.get(stop) == Some(&b'"') {
            return Ok((false, underscore));
        }
        // An escape, a control byte or the end: the general scan takes over from here.
        Ok((self.string_body()?, underscore))
    }

    /// The rest of a string after its opening quote: leaves `pos` at the closing quote and
    /// tells whether the string had escapes.
    #[inline(always)]
    fn string_body(&mut self) -> Result<bool, Syntax> {
        let mut escaped = false;
        loop {
            self.pos = find_special(self.bytes, self.pos);
            match self.bytes.get(self.pos) {
                Some(b'"') => return Ok(escaped),
                Some(b'\\') => {
                    escaped = true;
                    self.escape()?;
                }
                Some(_) => return Err(Syntax::Invalid(self.pos)),
                None => return Err(Syntax::Eof(self.bytes.len())),
            }
        }
    }

    /// One escape sequence at `\`. Lone surrogates are refused: Rust strings cannot hold them
    /// and a genuine API never sends them.
    fn escape(&mut self) -> Result<(), Syntax> {
        self.pos += 1;
        match self.bytes.get(self.pos) {
            None => Err(Syntax::Eof(self.pos)),
            Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                self.pos += 1;
                Ok(())
            }
            Some(b'u') => {
                let unit = self.hex4()?;
                if (0xDC00..0xE000).contains(&unit) {
                    return Err(Syntax::Invalid(self.pos - 4));
                }
                if (0xD800..0xDC00).contains(&unit) {
                    for want in [b'\\', b'u'] {
                        match self.bytes.get(self.pos) {
                            None => return Err(Syntax::Eof(self.pos)),
                            Some(&b) if b == want => self.pos += 1,
                            Some(_) => return Err(Syntax::Invalid(self.pos)),
                        }
                    }
                    self.pos -= 1;
                    let low = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&low) {
                        return Err(Syntax::Invalid(self.pos - 4));
                    }
                }
                Ok(())
            }
            Some(_) => Err(Syntax::Invalid(self.pos)),
        }
    }

    /// At the `u` of `\uXXXX`: the code unit.
    fn hex4(&mut self) -> Result<u32, Syntax> {
        self.pos += 1;
        let mut unit = 0;
        for _ in 0..4 {
            let Some(&b) = self.bytes.get(self.pos) else {
                return Err(Syntax::Eof(self.pos));
            };
            let digit = char::from(b)
                .to_digit(16)
                .ok_or(Syntax::Invalid(self.pos))?;
            unit = unit * 16 + digit;
            self.pos += 1;
        }
        Ok(unit)
    }

    /// A number token at the current byte: `-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?`.
    pub fn number(&mut self) -> Result<Num<'a>, Syntax> {
        self.peek();
        let start = self.pos;
        if self.bytes.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        match self.bytes.get(self.pos) {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.fail()),
        }
        let mut integer = true;
        if self.bytes.get(self.pos) == Some(&b'.') {
            integer = false;
            self.pos += 1;
            self.some_digits()?;
        }
        if matches!(self.bytes.get(self.pos), Some(b'e' | b'E')) {
            integer = false;
            self.pos += 1;
            if matches!(self.bytes.get(self.pos), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            self.some_digits()?;
        }
        let text = self.src.get(start..self.pos).unwrap_or_default();
        Ok(Num { text, integer })
    }

    fn digits(&mut self) {
        while self.bytes.get(self.pos).is_some_and(u8::is_ascii_digit) {
            self.pos += 1;
        }
    }

    fn some_digits(&mut self) -> Result<(), Syntax> {
        if !self.bytes.get(self.pos).is_some_and(u8::is_ascii_digit) {
            return Err(self.fail());
        }
        self.digits();
        Ok(())
    }

    /// `true`, `false` or `null` at the current byte; returns its text.
    pub fn literal(&mut self) -> Result<&'a str, Syntax> {
        self.peek();
        let rest = self.bytes.get(self.pos..).unwrap_or_default();
        // The first byte names the only word that can match.
        let (word, whole) = match rest.first() {
            Some(b't') => ("true", rest.first_chunk() == Some(b"true")),
            Some(b'f') => ("false", rest.first_chunk() == Some(b"false")),
            Some(b'n') => ("null", rest.first_chunk() == Some(b"null")),
            _ => return Err(self.fail()),
        };
        if whole {
            self.pos += word.len();
            return Ok(word);
        }
        if rest.len() < word.len() && word.as_bytes().starts_with(rest) {
            return Err(Syntax::Eof(self.bytes.len()));
        }
        Err(self.fail())
    }

    /// Skips one whole value, checking it. `depth` is the nesting of the value's container.
    pub fn skip(&mut self, depth: usize) -> Result<(), Syntax> {
        match self.peek() {
            Some(b'"') => self.string_span().map(drop),
            Some(b'{') => {
                let depth = self.deeper(depth)?;
                self.pos += 1;
                if self.empty(b'}') {
                    return Ok(());
                }
                loop {
                    self.string_span()?;
                    self.expect(b':')?;
                    self.skip(depth)?;
                    if !self.comma_or(b'}')? {
                        return Ok(());
                    }
                }
            }
            Some(b'[') => {
                let depth = self.deeper(depth)?;
                self.pos += 1;
                if self.empty(b']') {
                    return Ok(());
                }
                loop {
                    self.skip(depth)?;
                    if !self.comma_or(b']')? {
                        return Ok(());
                    }
                }
            }
            Some(b'-' | b'0'..=b'9') => self.number().map(drop),
            _ => self.literal().map(drop),
        }
    }

    /// The nesting inside a container opened at the current byte.
    #[inline(always)]
    pub fn deeper(&self, depth: usize) -> Result<usize, Syntax> {
        if depth >= MAX_DEPTH {
            Err(Syntax::TooDeep(self.pos))
        } else {
            Ok(depth + 1)
        }
    }

    /// The source between two positions.
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        self.src.get(start..end).unwrap_or_default()
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Flags, in the high bit of each byte of `x`, the bytes that are `"`, `\\` or a control
/// byte. Each test flags the bytes equal to (below) its target, and the lowest flag of each
/// is exact (a false flag can only sit above a true one), so the lowest flag of their union is
/// the first special byte (SWAR: eight bytes at a time).
#[inline(always)]
fn special_in(x: u64) -> u64 {
    zero_in(x ^ (ONES * u64::from(b'"')))
        | zero_in(x ^ (ONES * u64::from(b'\\')))
        | (x.wrapping_sub(ONES * 0x20) & !x & HIGHS)
}

/// Flags the zero bytes of `x` (exact up to the first one).
#[inline(always)]
fn zero_in(x: u64) -> u64 {
    x.wrapping_sub(ONES) & !x & HIGHS
}

/// The eight bytes at `pos`, when there are eight.
#[inline(always)]
pub(super) fn block_at(bytes: &[u8], pos: usize) -> Option<u64> {
    let block = bytes.get(pos..)?.first_chunk::<8>()?;
    Some(u64::from_le_bytes(*block))
}

/// Whether a byte ends a plain run of string text.
#[inline(always)]
fn is_special(b: u8) -> bool {
    b == b'"' || b == b'\\' || b < 0x20
}

/// The first position from `pos` of `"`, `\\` or a control byte (the length when none).
#[inline(always)]
fn find_special(bytes: &[u8], mut pos: usize) -> usize {
    while let Some(x) = block_at(bytes, pos) {
        let special = special_in(x);
        if special != 0 {
            return pos + (special.trailing_zeros() / 8) as usize;
        }
        pos += 8;
    }
    while bytes.get(pos).is_some_and(|&b| !is_special(b)) {
        pos += 1;
    }
    pos
}

/// [`find_special`], and whether a `_` comes before that position.
#[inline(always)]
fn find_special_key(bytes: &[u8], mut pos: usize) -> (usize, bool) {
    let mut underscore = 0;
    while let Some(x) = block_at(bytes, pos) {
        let special = special_in(x);
        let under = zero_in(x ^ (ONES * u64::from(b'_')));
        if special != 0 {
            // Only the flags below the first special byte's.
            let stop = special.trailing_zeros();
            underscore |= under & ((1 << stop) - 1);
            return (pos + (stop / 8) as usize, underscore != 0);
        }
        underscore |= under;
        pos += 8;
    }
    let mut underscore = underscore != 0;
    while let Some(&b) = bytes.get(pos) {
        if is_special(b) {
            break;
        }
        underscore |= b == b'_';
        pos += 1;
    }
    (pos, underscore)
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
