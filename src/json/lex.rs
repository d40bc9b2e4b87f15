//! The JSON lexer: validates tokens over `&str` and hands back slices of the source, never
//! copies. Strings stay in their escaped form (they are copied to the output as they are);
//! numbers stay text (no float parsing anywhere).

use super::swar::{find_special, find_special_key};
use super::syntax::{Syntax, MAX_DEPTH};
use super::token::{Num, Str};

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
