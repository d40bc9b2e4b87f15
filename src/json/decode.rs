//! The answer rewriter: one pass over the body's JSON text that writes the JSON text JS parses
//! into the caller's object, checking the known fields of a [`Shape`] on the way.

use std::borrow::Cow;

use super::lex::{kind_name, Lexer, Syntax};
use super::shape::{Field, Kind, Locals, Shape, Slot, SLOTS};
use super::write::{copy_value, push_camel, push_key, push_string, KeyCase};
use crate::amount::escape;
use crate::error::{Result, StreamError};

/// A decoded answer: the JSON text for JS and what Rust keeps from it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Decoded {
    /// camelCase keys, amounts and big integers as strings, computed fields added.
    pub json: String,
    pub captures: Captures,
}

/// Values of the fields marked `.capture(slot)`, taken outside arrays only (an item of a list
/// is not the answer's own field). Strings unescaped, numbers and booleans as their text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Captures {
    values: [Option<String>; SLOTS],
}

impl Captures {
    pub fn get(&self, slot: Slot) -> Option<&str> {
        self.values.get(slot as usize)?.as_deref()
    }
    /// The payment's status, when the shape captures it.
    pub fn status(&self) -> Option<&str> {
        self.get(Slot::Status)
    }
    /// Whether a page says another follows; `false` when it has no `pagination`.
    pub fn has_next_page(&self) -> bool {
        self.get(Slot::HasNextPage) == Some("true")
    }
    pub fn current_page(&self) -> Option<u64> {
        self.get(Slot::CurrentPage)?.parse().ok()
    }
}

/// Why a decode failed: the text is not JSON, or it is JSON of the wrong shape.
enum Fail {
    Syntax(Syntax),
    Shape(StreamError),
}

impl From<Syntax> for Fail {
    fn from(s: Syntax) -> Self {
        Self::Syntax(s)
    }
}

/// What every message about an unreadable body starts with.
pub const NOT_JSON: &str = "a body that is not the documented JSON";

/// Rewrites `body` (an object of `shape`) for JS. Errors are `DECODE`: `"a body that is not
/// the documented JSON: ..."` for text that is not JSON, `"<what>: field ..."` for a field of
/// the wrong kind or a required one missing.
pub fn decode(body: &str, shape: &Shape) -> Result<Decoded> {
    let trimmed = body.trim();
    if trimmed.is_empty() {
        return Err(StreamError::decode(format!(
            "{NOT_JSON}: the body is empty"
        )));
    }
    if trimmed.starts_with('<') {
        return Err(StreamError::decode(format!(
            "{NOT_JSON}: it is an HTML page, not JSON (a proxy or error page?)"
        )));
    }
    let mut d = Decoder {
        lx: Lexer::new(body),
        out: String::with_capacity(body.len() + body.len() / 8 + 64),
        captures: Captures::default(),
    };
    match d.root(shape) {
        Ok(()) => Ok(Decoded {
            json: d.out,
            captures: d.captures,
        }),
        Err(Fail::Shape(err)) => Err(err),
        Err(Fail::Syntax(s)) => Err(StreamError::decode(format!(
            "{NOT_JSON}: {}",
            s.describe(body)
        ))),
    }
}

/// The members of an object being written, for a shape's `close` hook.
pub struct Members<'o> {
    out: &'o mut String,
    first: bool,
}

impl Members<'_> {
    fn comma(&mut self) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
    }
    fn key(&mut self, key: &str) {
        self.comma();
        self.out.push('"');
        self.out.push_str(key);
        self.out.push_str("\":");
    }
    /// A known field's default, under its JS name.
    fn default(&mut self, field: &Field, json: &str) {
        self.comma();
        self.out.push('"');
        match field.js {
            Some(js) => self.out.push_str(js),
            None => push_camel(self.out, field.name),
        }
        self.out.push_str("\":");
        self.out.push_str(json);
    }
    /// `"key": <json>`; `json` must be valid JSON text.
    pub fn raw(&mut self, key: &str, json: &str) {
        self.key(key);
        self.out.push_str(json);
    }
    /// `"key": "<value>"`, escaped.
    pub fn string(&mut self, key: &str, value: &str) {
        self.key(key);
        push_string(self.out, value);
    }
}

struct Decoder<'a> {
    lx: Lexer<'a>,
    out: String,
    captures: Captures,
}

impl<'a> Decoder<'a> {
    fn root(&mut self, shape: &Shape) -> Result<(), Fail> {
        let first = self.lx.peek();
        if first == Some(b'{') {
            self.object(shape, 0, true)?;
        } else {
            self.lx.skip(0)?;
            return Err(Fail::Shape(StreamError::decode(format!(
                "{} is {}, expected an object",
                shape.what,
                kind_name(first)
            ))));
        }
        if !self.lx.at_end() {
            return Err(Syntax::Invalid(self.lx.pos).into());
        }
        Ok(())
    }

    /// An object of `shape` at `{`. `depth` is the nesting of its container.
    fn object(&mut self, shape: &Shape, depth: usize, capturing: bool) -> Result<(), Fail> {
        let depth = self.lx.deeper(depth)?;
        self.lx.expect(b'{')?;
        self.out.push('{');
        let mut seen: u128 = 0;
        let mut locals: Locals<'a> = Default::default();
        let mut first = true;
        if !self.lx.empty(b'}') {
            loop {
                let key = self.lx.string()?;
                if !first {
                    self.out.push(',');
                }
                first = false;
                self.out.push('"');
                let known = if key.escaped {
                    None
                } else {
                    shape.field(key.raw)
                };
                match known.and_then(|(_, f)| f.js) {
                    Some(js) => self.out.push_str(js),
                    None => push_key(&mut self.out, key.raw, KeyCase::Camel),
                }
                self.out.push_str("\":");
                self.lx.expect(b':')?;
                match known {
                    None => copy_value(&mut self.lx, &mut self.out, KeyCase::Camel, depth)?,
                    Some((index, field)) => {
                        seen |= 1u128.checked_shl(index as u32).unwrap_or(0);
                        self.field(shape, field, depth, capturing, &mut locals)?;
                    }
                }
                if !self.lx.comma_or(b'}')? {
                    break;
                }
            }
        }
        let mut members = Members {
            out: &mut self.out,
            first,
        };
        for (index, field) in shape.fields.iter().enumerate() {
            if seen & 1u128.checked_shl(index as u32).unwrap_or(0) != 0 {
                continue;
            }
            if field.required {
                return Err(missing(shape, field));
            }
            if let Some(absent) = field.absent {
                members.default(field, absent);
            }
        }
        if let Some(close) = shape.close {
            close(&locals, &mut members);
        }
        self.out.push('}');
        Ok(())
    }

    /// The value of a known field, after its key.
    fn field(
        &mut self,
        shape: &Shape,
        f: &Field,
        depth: usize,
        capturing: bool,
        locals: &mut Locals<'a>,
    ) -> Result<(), Fail> {
        let first = self.lx.peek();
        if first == Some(b'n') {
            self.lx.literal()?;
            if f.required {
                return Err(missing(shape, f));
            }
            self.out.push_str(f.absent.unwrap_or("null"));
            return Ok(());
        }
        let kept: Cow<'a, str> = match (f.kind, first) {
            (Kind::Any, _) => {
                copy_value(&mut self.lx, &mut self.out, KeyCase::Camel, depth)?;
                return Ok(());
            }
            (Kind::Str, Some(b'"')) => {
                let s = self.lx.string()?;
                self.push_quoted(s.raw);
                if f.capture.is_none() && f.local.is_none() {
                    return Ok(());
                }
                s.value()
            }
            (Kind::Bool, Some(b't' | b'f')) => {
                let word = self.lx.literal()?;
                self.out.push_str(word);
                Cow::Borrowed(word)
            }
            (Kind::Count, Some(b'-' | b'0'..=b'9')) => {
                let num = self.lx.number()?;
                if num.count().is_none() {
                    return Err(wrong(shape, f, first, "a non-negative integer"));
                }
                self.out.push_str(num.text);
                Cow::Borrowed(num.text)
            }
            (Kind::Amount | Kind::Units, Some(b'-' | b'0'..=b'9')) => {
                let num = self.lx.number()?;
                if matches!(f.kind, Kind::Units) && !num.integer {
                    return Err(not_units(shape, f, num.text));
                }
                self.push_quoted(num.text);
                Cow::Borrowed(num.text)
            }
            (Kind::Amount | Kind::Units, Some(b'"')) => {
                let s = self.lx.string()?;
                if matches!(f.kind, Kind::Units) && !is_units(s.raw) {
                    return Err(not_units(shape, f, &s.value()));
                }
                self.push_quoted(s.raw);
                s.value()
            }
            (Kind::Object(inner), Some(b'{')) => {
                self.object(inner, depth, capturing)?;
                return Ok(());
            }
            (Kind::Array(inner), Some(b'[')) => {
                self.array(inner, depth)?;
                return Ok(());
            }
            (kind, _) => {
                // The value must be JSON before its kind can be wrong.
                self.lx.skip(depth)?;
                return Err(wrong(shape, f, first, expected(kind)));
            }
        };
        if capturing {
            if let Some(slot) = f.capture {
                if let Some(value) = self.captures.values.get_mut(slot as usize) {
                    *value = Some(kept.clone().into_owned());
                }
            }
        }
        if let Some(slot) = f.local.and_then(|i| locals.get_mut(i)) {
            *slot = Some(kept);
        }
        Ok(())
    }

    /// An array of objects of `shape` at `[`.
    fn array(&mut self, shape: &Shape, depth: usize) -> Result<(), Fail> {
        let depth = self.lx.deeper(depth)?;
        self.lx.expect(b'[')?;
        self.out.push('[');
        if !self.lx.empty(b']') {
            loop {
                let first = self.lx.peek();
                if first == Some(b'{') {
                    self.object(shape, depth, false)?;
                } else {
                    self.lx.skip(depth)?;
                    return Err(Fail::Shape(StreamError::decode(format!(
                        "{} is {}, expected an object",
                        shape.what,
                        kind_name(first)
                    ))));
                }
                if !self.lx.comma_or(b']')? {
                    break;
                }
                self.out.push(',');
            }
        }
        self.out.push(']');
        Ok(())
    }

    #[inline]
    fn push_quoted(&mut self, raw: &str) {
        self.out.push('"');
        self.out.push_str(raw);
        self.out.push('"');
    }
}

/// `-?[0-9]+`: an integer amount in smallest units.
fn is_units(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

fn expected(kind: Kind) -> &'static str {
    match kind {
        Kind::Str => "a string",
        Kind::Bool => "a boolean",
        Kind::Count => "a non-negative integer",
        Kind::Amount | Kind::Units => "a number or numeric string",
        Kind::Object(_) => "an object",
        Kind::Array(_) => "an array",
        Kind::Any => "a value",
    }
}

fn missing(shape: &Shape, f: &Field) -> Fail {
    Fail::Shape(StreamError::decode(format!(
        "{}: field \"{}\" is missing",
        shape.what, f.name
    )))
}

fn wrong(shape: &Shape, f: &Field, first: Option<u8>, expected: &str) -> Fail {
    Fail::Shape(StreamError::decode(format!(
        "{}: field \"{}\" is {}, expected {expected}",
        shape.what,
        f.name,
        kind_name(first)
    )))
}

fn not_units(shape: &Shape, f: &Field, text: &str) -> Fail {
    Fail::Shape(StreamError::decode(format!(
        "{}: field \"{}\" is \"{}\", expected an integer amount in smallest units",
        shape.what,
        f.name,
        escape(&text.chars().take(40).collect::<String>())
    )))
}
