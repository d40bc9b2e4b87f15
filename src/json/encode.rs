//! Request bodies: the caller's object as `JSON.stringify` wrote it (camelCase keys) becomes
//! the API's snake_case body in one pass, its known fields checked with `INVALID_ARGUMENT`
//! errors naming them.

use super::check::{check, decimal};
use super::lex::Lexer;
use super::shape::{Check, Field, Kind, Rule, Shape};
use super::syntax::Syntax;
use super::token::kind_name;
use super::write::{camel_case, copy_value, push_key, KeyCase};
use crate::error::{Result, StreamError};
use crate::prelude::*;

/// `json` (an object of `shape`, camelCase keys) as the API's snake_case body. Unknown fields
/// pass through with snake_case keys at every depth; two keys naming one wire field are
/// refused.
pub fn encode_body(json: &str, shape: &Shape) -> Result<String> {
    let mut e = Encoder {
        lx: Lexer::new(json),
        out: String::with_capacity(json.len() + json.len() / 8 + 16),
    };
    let subject = if shape.what.is_empty() {
        "body"
    } else {
        shape.what
    };
    let prefix = if shape.what.is_empty() {
        String::new()
    } else {
        cat!(shape.what, ".")
    };
    let first = e.lx.peek();
    let result = if first == Some(b'{') {
        e.object(shape, &prefix, 0).and_then(|()| {
            if e.lx.at_end() {
                Ok(())
            } else {
                Err(Fail::Syntax(Syntax::Invalid(e.lx.pos)))
            }
        })
    } else {
        e.lx.skip(0).map_err(Fail::Syntax).and_then(|()| {
            Err(Fail::Arg(StreamError::invalid_argument(cat!(
                subject,
                " must be an object, got ",
                kind_name(first)
            ))))
        })
    };
    match result {
        Ok(()) => Ok(e.out),
        Err(Fail::Arg(err)) => Err(err),
        Err(Fail::Syntax(s)) => Err(StreamError::invalid_argument(cat!(
            subject,
            " is not JSON (",
            s.location(json),
            ")"
        ))),
    }
}

enum Fail {
    Syntax(Syntax),
    Arg(StreamError),
}

impl From<Syntax> for Fail {
    fn from(s: Syntax) -> Self {
        Self::Syntax(s)
    }
}

impl From<StreamError> for Fail {
    fn from(e: StreamError) -> Self {
        Self::Arg(e)
    }
}

fn refuse(message: String) -> Fail {
    Fail::Arg(StreamError::invalid_argument(message))
}

struct Encoder<'a> {
    lx: Lexer<'a>,
    out: String,
}

impl Encoder<'_> {
    /// An object of `shape` at `{`; `prefix` names it in messages (`"request."`).
    fn object(&mut self, shape: &Shape, prefix: &str, depth: usize) -> Result<(), Fail> {
        let depth = self.lx.deeper(depth)?;
        self.lx.expect(b'{')?;
        self.out.push('{');
        let mut seen: u64 = 0;
        let mut keys: Vec<(usize, usize)> = Vec::new();
        if !self.lx.empty(b'}') {
            loop {
                let key = self.lx.string()?;
                if !keys.is_empty() {
                    self.out.push(',');
                }
                self.out.push('"');
                let start = self.out.len();
                push_key(&mut self.out, key.raw, KeyCase::Snake);
                let end = self.out.len();
                let wire = self.out.get(start..end).unwrap_or_default();
                if keys.iter().any(|&(s, e)| self.out.get(s..e) == Some(wire)) {
                    let what = prefix.strip_suffix('.').unwrap_or("body");
                    return Err(refuse(cat!(
                        what,
                        " has two keys for the field \"",
                        crate::amount::escape(wire),
                        "\"; give it once"
                    )));
                }
                keys.push((start, end));
                let known = if key.escaped { None } else { shape.field(wire) };
                self.out.push_str("\":");
                self.lx.expect(b':')?;
                match known {
                    None if shape.closed => {
                        let known: Vec<String> =
                            shape.fields.iter().map(|f| camel_case(f.name)).collect();
                        return Err(refuse(cat!(
                            prefix.strip_suffix('.').unwrap_or("body"),
                            ": unknown field \"",
                            crate::amount::escape(&key.value()),
                            "\"; known fields are ",
                            known.join(", ")
                        )));
                    }
                    None => copy_value(&mut self.lx, &mut self.out, KeyCase::Snake, depth)?,
                    Some((index, field)) => {
                        seen |= Shape::bit(index);
                        let name = cat!(prefix, key.value());
                        self.field(field, &name, depth)?;
                    }
                }
                if !self.lx.comma_or(b'}')? {
                    break;
                }
            }
        }
        let bit = |i: usize| seen & Shape::bit(i) != 0;
        for (index, field) in shape.fields.iter().enumerate() {
            if bit(index) {
                continue;
            }
            if field.is_required() {
                return Err(required(prefix, field));
            }
            if let Some(absent) = field.absent() {
                if !keys.is_empty() {
                    self.out.push(',');
                }
                keys.push((0, 0));
                self.out.push('"');
                self.out.push_str(field.name);
                self.out.push_str("\":");
                self.out.push_str(absent);
            }
        }
        if let Rule::ExactlyOne(indexes, message) = shape.rule {
            if indexes.iter().filter(|&&i| bit(i)).count() != 1 {
                return Err(refuse(message.to_string()));
            }
        }
        self.out.push('}');
        Ok(())
    }

    /// A known field's value; `name` is its JS path for messages (`request.amountUsd`).
    fn field(&mut self, f: &Field, name: &str, depth: usize) -> Result<(), Fail> {
        let first = self.lx.peek();
        if first == Some(b'n') {
            self.lx.literal()?;
            if f.is_required() {
                return Err(refuse(cat!(name, " is required", f.hint())));
            }
            self.out.push_str(f.absent().unwrap_or("null"));
            return Ok(());
        }
        match (f.kind(), first) {
            (Kind::Any, _) => copy_value(&mut self.lx, &mut self.out, KeyCase::Snake, depth)?,
            (Kind::Str, Some(b'"')) => {
                let s = self.lx.string()?;
                if !matches!(f.check(), Check::None) {
                    check(f.check(), name, &s.value())?;
                }
                self.push_quoted(s.raw);
            }
            (Kind::Bool, Some(b't' | b'f')) => {
                let word = self.lx.literal()?;
                self.out.push_str(word);
            }
            (Kind::Count, Some(b'-' | b'0'..=b'9')) => {
                let num = self.lx.number()?;
                if num.count().is_none() {
                    return Err(refuse(cat!(
                        name,
                        " must be a whole number from 0 to 2^53, got ",
                        num.text
                    )));
                }
                self.out.push_str(num.text);
            }
            (Kind::Amount, Some(b'-' | b'0'..=b'9')) => {
                let num = self.lx.number()?;
                if !num.integer {
                    return Err(refuse(cat!(
                        name,
                        " must be a decimal string such as \"10.50\", not the number ",
                        num.text,
                        ": \
                         a JS number cannot hold every decimal exactly"
                    )));
                }
                self.amount(f, name, num.text)?;
            }
            (Kind::Amount, Some(b'"')) => {
                let s = self.lx.string()?;
                self.amount(f, name, &s.value())?;
            }
            (Kind::Units, Some(b'-' | b'0'..=b'9' | b'"')) => {
                let text = if first == Some(b'"') {
                    self.lx.string()?.value()
                } else {
                    alloc::borrow::Cow::Borrowed(self.lx.number()?.text)
                };
                let digits = text.strip_prefix('-').unwrap_or(&text);
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(refuse(cat!(
                        name,
                        " must be an integer amount in smallest units (digits, as a string)"
                    )));
                }
                self.push_quoted(&text);
            }
            (Kind::Object(inner), Some(b'{')) => {
                self.object(inner, &cat!(name, "."), depth)?;
            }
            (Kind::Array(inner), Some(b'[')) => self.array(inner, name, depth)?,
            (kind, _) => {
                self.lx.skip(depth)?;
                return Err(refuse(cat!(name, " must be ", expected(kind))));
            }
        }
        Ok(())
    }

    /// An amount's text: a decimal string, checked and sent as a string.
    fn amount(&mut self, f: &Field, name: &str, text: &str) -> Result<(), Fail> {
        match f.check() {
            Check::None => decimal(name, text)?,
            other => check(other, name, text)?,
        }
        self.out.push('"');
        self.out.push_str(text);
        self.out.push('"');
        Ok(())
    }

    fn array(&mut self, shape: &Shape, name: &str, depth: usize) -> Result<(), Fail> {
        let depth = self.lx.deeper(depth)?;
        self.lx.expect(b'[')?;
        self.out.push('[');
        let mut index = 0;
        if !self.lx.empty(b']') {
            loop {
                if self.lx.peek() != Some(b'{') {
                    self.lx.skip(depth)?;
                    return Err(refuse(cat!(name, "[", index, "] must be an object")));
                }
                self.object(shape, &cat!(name, "[", index, "]."), depth)?;
                if !self.lx.comma_or(b']')? {
                    break;
                }
                self.out.push(',');
                index += 1;
            }
        }
        self.out.push(']');
        Ok(())
    }

    fn push_quoted(&mut self, raw: &str) {
        self.out.push('"');
        self.out.push_str(raw);
        self.out.push('"');
    }
}

fn required(prefix: &str, field: &Field) -> Fail {
    let js = field
        .js()
        .map_or_else(|| camel_case(field.name), str::to_string);
    refuse(cat!(prefix, js, " is required", field.hint()))
}

fn expected(kind: Kind) -> &'static str {
    match kind {
        Kind::Str => "a string",
        Kind::Bool => "a boolean",
        Kind::Count => "a whole number",
        Kind::Amount => "a decimal string such as \"10.50\"",
        Kind::Units => "an integer amount in smallest units (digits, as a string)",
        Kind::Object(_) => "an object",
        Kind::Array(_) => "an array",
        Kind::Any => "a value",
    }
}
