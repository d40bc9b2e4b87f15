//! Reading a few fields of a small document (error bodies, pushed callbacks) without building
//! a tree: a [`Raw`] is the checked text of one value, and its accessors lex it on demand.

use crate::prelude::*;
use alloc::borrow::Cow;

use super::lex::Lexer;
use super::syntax::Syntax;
use super::token::kind_name;
use super::write::{copy_value, KeyCase};

/// The text of one JSON value that [`parse`] checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Raw<'a> {
    text: &'a str,
}

/// Checks that `text` is one JSON value (whitespace around it allowed).
pub fn parse(text: &str) -> Result<Raw<'_>, Syntax> {
    let mut lx = Lexer::new(text);
    lx.peek();
    let start = lx.pos;
    lx.skip(0)?;
    let end = lx.pos;
    if !lx.at_end() {
        return Err(Syntax::Invalid(lx.pos));
    }
    Ok(Raw {
        text: lx.slice(start, end),
    })
}

impl<'a> Raw<'a> {
    /// The value's JSON text.
    pub fn text(self) -> &'a str {
        self.text
    }

    /// "a string", "an object"...
    pub fn kind(self) -> &'static str {
        kind_name(self.text.bytes().next())
    }

    pub fn is_null(self) -> bool {
        self.text == "null"
    }

    pub fn is_object(self) -> bool {
        self.text.starts_with('{')
    }

    /// A string's value.
    pub fn as_str(self) -> Option<Cow<'a, str>> {
        if !self.text.starts_with('"') {
            return None;
        }
        Lexer::new(self.text).string().ok().map(|s| s.value())
    }

    /// A number's text, exactly as sent.
    pub fn number(self) -> Option<&'a str> {
        if !self
            .text
            .starts_with(|c: char| c == '-' || c.is_ascii_digit())
        {
            return None;
        }
        Some(self.text)
    }

    /// A string's value or a number's text.
    pub fn scalar_text(self) -> Option<Cow<'a, str>> {
        self.as_str().or_else(|| self.number().map(Cow::Borrowed))
    }

    /// The members of an object, in order (empty for anything else).
    pub fn members(self) -> Vec<(Cow<'a, str>, Raw<'a>)> {
        let mut out = Vec::new();
        let mut lx = Lexer::new(self.text);
        if !self.is_object() || lx.expect(b'{').is_err() || lx.empty(b'}') {
            return out;
        }
        while let Ok(key) = lx.string() {
            let Some(value) = next_value(&mut lx, b':') else {
                break;
            };
            out.push((key.value(), value));
            if !matches!(lx.comma_or(b'}'), Ok(true)) {
                break;
            }
        }
        out
    }

    /// The member `key` of an object (the last one, as `JSON.parse` does).
    pub fn get(self, key: &str) -> Option<Raw<'a>> {
        self.members()
            .into_iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }

    /// The items of an array (`None` for anything else).
    pub fn items(self) -> Option<Vec<Raw<'a>>> {
        let mut lx = Lexer::new(self.text);
        if !self.text.starts_with('[') || lx.expect(b'[').is_err() {
            return None;
        }
        let mut out = Vec::new();
        if lx.empty(b']') {
            return Some(out);
        }
        while let Some(item) = next_value(&mut lx, 0) {
            out.push(item);
            if !matches!(lx.comma_or(b']'), Ok(true)) {
                break;
            }
        }
        Some(out)
    }

    /// The value as JS should get it: keys in `case`, big integers as strings.
    pub fn rewrite(self, case: KeyCase) -> String {
        let mut out = String::with_capacity(self.text.len() + 8);
        let mut lx = Lexer::new(self.text);
        // Checked text: this cannot fail; if it did, the partial text is not worth handing on.
        if copy_value(&mut lx, &mut out, case, 0).is_err() {
            out.clear();
            out.push_str("null");
        }
        out
    }
}

/// After an optional `sep` byte (0 for none): the next value's text.
fn next_value<'a>(lx: &mut Lexer<'a>, sep: u8) -> Option<Raw<'a>> {
    if sep != 0 {
        lx.expect(sep).ok()?;
    }
    lx.peek();
    let start = lx.pos;
    lx.skip(0).ok()?;
    Some(Raw {
        text: lx.slice(start, lx.pos),
    })
}
