//! The answer rewriter: one pass over the body's JSON text that writes the JSON text JS parses
//! into the caller's object, checking the known fields of a [`Shape`] on the way.

use crate::prelude::*;
use alloc::borrow::Cow;

use super::amounts::is_amount_name;
use super::decoded::{Captures, Decoded};
use super::keys::Keys;
use super::lex::Lexer;
use super::members::Members;
use super::shape::{Field, Kind, Locals, Shape};
use super::syntax::Syntax;
use super::token::kind_name;
use super::write::push_camel;
use crate::amount::escape;
use crate::error::{Result, StreamError};

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
    if trimmed.is_empty() && shape.any_value {
        return Ok(Decoded {
            json: "null".to_string(),
            captures: Captures::default(),
        });
    }
    if trimmed.is_empty() {
        return Err(StreamError::decode(cat!(NOT_JSON, ": the body is empty")));
    }
    if trimmed.starts_with('<') {
        return Err(StreamError::decode(cat!(
            NOT_JSON,
            ": it is an HTML page, not JSON (a proxy or error page?)"
        )));
    }
    let mut d = Decoder {
        lx: Lexer::new(body),
        src: body,
        out: String::with_capacity(body.len() + body.len() / 8 + 64),
        mark: 0,
        captures: Captures::default(),
        keys: Keys::new(),
        key: (0, 0),
    };
    match d.root(shape) {
        Ok(()) => Ok(Decoded {
            json: d.out,
            captures: d.captures,
        }),
        Err(Fail::Shape(err)) => Err(err),
        Err(Fail::Syntax(s)) => Err(StreamError::decode(cat!(NOT_JSON, ": ", s.describe(body)))),
    }
}

/// Writes the output as the source with edits: untouched spans are copied in one piece, so
/// the cost is the scan plus the few places that change (re-cased keys, quoted numbers,
/// defaults and computed fields).
struct Decoder<'a> {
    lx: Lexer<'a>,
    src: &'a str,
    out: String,
    /// The source is copied to the output up to here.
    mark: usize,
    captures: Captures,
    keys: Keys,
    /// Where the last key read sits in the source (empty for an escaped one).
    key: (usize, usize),
}

impl<'a> Decoder<'a> {
    /// Copies the source up to `upto`.
    #[inline(always)]
    fn flush(&mut self, upto: usize) {
        if upto > self.mark {
            self.out
                .push_str(self.src.get(self.mark..upto).unwrap_or_default());
            self.mark = upto;
        }
    }

    /// Writes `text` in place of the source's `start..end`.
    #[inline(always)]
    fn replace(&mut self, start: usize, end: usize, text: &str) {
        self.flush(start);
        self.out.push_str(text);
        self.mark = end;
    }

    /// Puts the source's `start..end` (a number's text) in quotes.
    #[inline(always)]
    fn quote(&mut self, start: usize, end: usize) {
        self.flush(start);
        self.out.push('"');
        self.flush(end);
        self.out.push('"');
    }

    fn root(&mut self, shape: &Shape) -> Result<(), Fail> {
        let first = self.lx.peek();
        if first == Some(b'{') {
            self.object(shape, 0, true)?;
        } else if shape.any_value {
            self.any(0, false)?;
        } else {
            self.lx.skip(0)?;
            return Err(Fail::Shape(StreamError::decode(cat!(
                shape.what,
                " is ",
                kind_name(first),
                ", expected an object"
            ))));
        }
        if !self.lx.at_end() {
            return Err(Syntax::Invalid(self.lx.pos).into());
        }
        self.flush(self.src.len());
        Ok(())
    }

    /// A key at the current position: re-cased (or renamed) in place; the known field it
    /// names, if any. One copy for `object` and `any` (size).
    #[inline(never)]
    fn key(&mut self, shape: &Shape) -> Result<Option<(usize, &'static Field)>, Fail> {
        if self.lx.peek() != Some(b'"') {
            return Err(self.lx.fail().into());
        }
        self.lx.pos += 1;
        let start = self.lx.pos;
        let (escaped, underscore) = self.lx.key_body()?;
        let end = self.lx.pos;
        self.lx.pos += 1;
        self.key = if escaped { (0, 0) } else { (start, end) };
        if escaped {
            // Never a known field (the APIs send no escaped keys); re-cased as it is.
            let raw = self.src.get(start..end).unwrap_or_default();
            if raw.as_bytes().contains(&b'_') {
                self.flush(start);
                push_camel(&mut self.out, raw);
                self.mark = end;
            }
        } else {
            let (known, camel) = self.keys.lookup(self.src, start, end, shape, underscore);
            if let Some(js) = known.and_then(|(_, f)| f.js()) {
                self.replace(start, end, js);
            } else if underscore {
                self.flush(start);
                match camel {
                    Some(range) => self.out.push_str(self.keys.text(range)),
                    None => push_camel(&mut self.out, self.src.get(start..end).unwrap_or_default()),
                }
                self.mark = end;
            }
            self.lx.expect(b':')?;
            return Ok(known);
        }
        self.lx.expect(b':')?;
        Ok(None)
    }

    /// Any value, keys re-cased and big integers quoted. `depth` is its container's nesting;
    /// `member`: the value of the last key read, so a number is quoted when the key names an
    /// amount (asked of numbers only: a key costs just the note of where it is).
    fn any(&mut self, depth: usize, member: bool) -> Result<(), Fail> {
        match self.lx.peek() {
            Some(b'"') => {
                self.lx.string_span()?;
            }
            Some(b'{') => {
                let depth = self.lx.deeper(depth)?;
                self.lx.expect(b'{')?;
                if !self.lx.empty(b'}') {
                    loop {
                        self.key(&super::shape::ANY)?;
                        self.any(depth, true)?;
                        if !self.lx.comma_or(b'}')? {
                            break;
                        }
                    }
                }
            }
            Some(b'[') => {
                let depth = self.lx.deeper(depth)?;
                self.lx.expect(b'[')?;
                if !self.lx.empty(b']') {
                    loop {
                        self.any(depth, false)?;
                        if !self.lx.comma_or(b']')? {
                            break;
                        }
                    }
                }
            }
            Some(b'-' | b'0'..=b'9') => {
                let start = self.lx.pos;
                let num = self.lx.number()?;
                if num.is_big_integer() || (member && self.key_names_an_amount()) {
                    self.quote(start, self.lx.pos);
                }
            }
            _ => {
                self.lx.literal()?;
            }
        }
        Ok(())
    }

    fn key_names_an_amount(&self) -> bool {
        let (start, end) = self.key;
        is_amount_name(self.src.as_bytes().get(start..end).unwrap_or_default())
    }

    /// An object of `shape` at `{`. `depth` is the nesting of its container.
    fn object(&mut self, shape: &Shape, depth: usize, capturing: bool) -> Result<(), Fail> {
        let depth = self.lx.deeper(depth)?;
        self.lx.expect(b'{')?;
        let mut seen: u64 = 0;
        let mut locals: Locals<'a> = Default::default();
        let mut first = true;
        if !self.lx.empty(b'}') {
            first = false;
            loop {
                match self.key(shape)? {
                    None => self.any(depth, true)?,
                    Some((index, field)) => {
                        seen |= Shape::bit(index);
                        self.field(shape, field, depth, capturing, &mut locals)?;
                    }
                }
                if !self.lx.comma_or(b'}')? {
                    break;
                }
            }
        }
        let needs_more = shape.close.is_some() || shape.needed & !seen != 0;
        if !needs_more {
            return Ok(());
        }
        // Members go in before the closing brace, just consumed.
        self.flush(self.lx.pos - 1);
        let mut members = Members::new(&mut self.out, first);
        for (index, field) in shape.fields.iter().enumerate() {
            if seen & Shape::bit(index) != 0 {
                continue;
            }
            if field.is_required() {
                return Err(missing(shape, field));
            }
            if let Some(absent) = field.absent() {
                members.default(field.js(), field.name, absent);
            }
        }
        if let Some(close) = shape.close {
            close(&locals, &mut members);
        }
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
        let start = self.lx.pos;
        if first == Some(b'n') {
            self.lx.literal()?;
            if f.is_required() {
                return Err(missing(shape, f));
            }
            if let Some(absent) = f.absent().filter(|&a| a != "null") {
                self.replace(start, self.lx.pos, absent);
            }
            return Ok(());
        }
        let kept: Cow<'a, str> = match (f.kind(), first) {
            (Kind::Any, _) => {
                self.any(depth, true)?;
                if let Some(slot) = f.slot().filter(|_| capturing) {
                    let text = self.src.get(start..self.lx.pos).unwrap_or_default();
                    self.captures.set(slot, has_items(text).to_string());
                }
                return Ok(());
            }
            (Kind::Str, Some(b'"')) if f.slot().is_none() && f.local_index().is_none() => {
                self.lx.string_span()?;
                return Ok(());
            }
            (Kind::Str, Some(b'"')) => self.lx.string()?.value(),
            (Kind::Bool, Some(b't' | b'f')) => Cow::Borrowed(self.lx.literal()?),
            (Kind::Count, Some(b'-' | b'0'..=b'9')) => {
                let num = self.lx.number()?;
                if num.is_big_integer() {
                    self.quote(start, self.lx.pos);
                }
                Cow::Borrowed(num.text)
            }
            (Kind::Amount | Kind::Units, Some(b'-' | b'0'..=b'9')) => {
                let num = self.lx.number()?;
                if matches!(f.kind(), Kind::Units) && !num.integer {
                    return Err(not_units(shape, f, num.text));
                }
                self.quote(start, self.lx.pos);
                Cow::Borrowed(num.text)
            }
            (Kind::Amount | Kind::Units, Some(b'"')) => {
                let s = self.lx.string()?;
                if matches!(f.kind(), Kind::Units) && !is_units(s.raw) {
                    return Err(not_units(shape, f, &s.value()));
                }
                s.value()
            }
            (Kind::Object(inner), Some(b'{')) => return self.object(inner, depth, capturing),
            (Kind::Array(inner), Some(b'[')) => {
                let items = self.array(inner, depth)?;
                if let Some(slot) = f.slot().filter(|_| capturing) {
                    self.captures.set(slot, items.to_string());
                }
                return Ok(());
            }
            (kind, _) => {
                // The value must be JSON before its kind can be wrong.
                self.lx.skip(depth)?;
                return Err(wrong(shape, f, first, expected(kind)));
            }
        };
        if capturing {
            if let Some(slot) = f.slot() {
                self.captures.set(slot, kept.clone().into_owned());
            }
        }
        if let Some(slot) = f.local_index().and_then(|i| locals.get_mut(i)) {
            *slot = Some(kept);
        }
        Ok(())
    }

    /// An array of objects of `shape` at `[`; whether it has items.
    fn array(&mut self, shape: &Shape, depth: usize) -> Result<bool, Fail> {
        let depth = self.lx.deeper(depth)?;
        self.lx.expect(b'[')?;
        let items = !self.lx.empty(b']');
        if items {
            loop {
                let first = self.lx.peek();
                if first == Some(b'{') {
                    self.object(shape, depth, false)?;
                } else {
                    self.lx.skip(depth)?;
                    return Err(Fail::Shape(StreamError::decode(cat!(
                        shape.what,
                        " is ",
                        kind_name(first),
                        ", expected an object"
                    ))));
                }
                if !self.lx.comma_or(b']')? {
                    break;
                }
            }
        }
        Ok(items)
    }
}

/// Whether `text` (one JSON value) is an array with at least one item.
fn has_items(text: &str) -> bool {
    text.strip_prefix('[')
        .is_some_and(|rest| !rest.trim_start().starts_with(']'))
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
        Kind::Count => "a number",
        Kind::Amount | Kind::Units => "a number or numeric string",
        Kind::Object(_) => "an object",
        Kind::Array(_) => "an array",
        Kind::Any => "a value",
    }
}

fn missing(shape: &Shape, f: &Field) -> Fail {
    Fail::Shape(StreamError::decode(cat!(
        shape.what,
        ": field \"",
        f.name,
        "\" is missing"
    )))
}

fn wrong(shape: &Shape, f: &Field, first: Option<u8>, expected: &str) -> Fail {
    Fail::Shape(StreamError::decode(cat!(
        shape.what,
        ": field \"",
        f.name,
        "\" is ",
        kind_name(first),
        ", expected ",
        expected
    )))
}

fn not_units(shape: &Shape, f: &Field, text: &str) -> Fail {
    Fail::Shape(StreamError::decode(cat!(
        shape.what,
        ": field \"",
        f.name,
        "\" is \"",
        escape(&text.chars().take(40).collect::<String>()),
        "\", expected an integer amount in smallest units"
    )))
}
