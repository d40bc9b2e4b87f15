//! Query strings: the caller's params object as `JSON.stringify` wrote it becomes
//! `?wire=value&...`, each param checked as its [`QuerySpec`] says.

use super::check::check;
use super::raw::{parse, Raw};
use super::shape::Check;
use super::syntax::Syntax;
use crate::amount::escape;
use crate::error::{Result, StreamError};
use crate::prelude::*;

/// How one param is written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ParamKind {
    /// A whole number from `min` to `max`.
    Integer {
        min: u64,
        max: u64,
    },
    Str,
    /// An array of strings as repeated keys: `statuses=A&statuses=B`.
    Repeated,
    /// An array of strings as one comma-separated value: `currencies=SAR,USD`.
    Comma,
    /// `true` / `false`.
    Bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Param {
    /// The JS (camelCase) name.
    pub name: &'static str,
    /// The name on the wire.
    pub wire: &'static str,
    pub kind: ParamKind,
    /// Applied to each string value.
    pub check: Check,
}

impl Param {
    pub const fn new(name: &'static str, wire: &'static str, kind: ParamKind) -> Self {
        Self {
            name,
            wire,
            kind,
            check: Check::None,
        }
    }
    pub const fn check(mut self, check: Check) -> Self {
        self.check = check;
        self
    }

    /// Whether a value of this param may be shown (the hooks' URLs): only one the API fixes (a
    /// number, a boolean, an enum constant, one of a list) can never carry a caller's secret.
    pub const fn shows_value(&self) -> bool {
        matches!(self.kind, ParamKind::Integer { .. } | ParamKind::Bool)
            || matches!(self.check, Check::Constant | Check::OneOf(_))
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuerySpec {
    /// Names the params object in messages (`"listPayments params"`).
    pub what: &'static str,
    pub params: &'static [Param],
}

/// `?page=2&statuses=A&statuses=B`, in the order the caller gave the params, or `""` when
/// none is set. `json` is the params object (`null` for none); `null` values are skipped and
/// an unknown name is refused.
pub fn encode_query(json: &str, spec: &QuerySpec) -> Result<String> {
    let what = spec.what;
    let root = parse(json).map_err(|s: Syntax| {
        StreamError::invalid_argument(cat!(what, " is not JSON (", s.location(json), ")"))
    })?;
    if root.is_null() {
        return Ok(String::new());
    }
    if !root.is_object() {
        return Err(StreamError::invalid_argument(cat!(
            what,
            " must be an object, got ",
            root.kind()
        )));
    }
    let mut out = String::new();
    for (key, value) in root.members() {
        let Some(param) = spec.params.iter().find(|p| p.name == key) else {
            let known: Vec<&str> = spec.params.iter().map(|p| p.name).collect();
            return Err(StreamError::invalid_argument(cat!(
                what,
                ": unknown option \"",
                escape(&key),
                "\"; known options are ",
                known.join(", ")
            )));
        };
        if value.is_null() {
            continue;
        }
        write_param(&mut out, param, value)?;
    }
    Ok(out)
}

fn write_param(out: &mut String, p: &Param, value: Raw<'_>) -> Result<()> {
    let name = p.name;
    let wrong = |expected: &str| {
        StreamError::invalid_argument(cat!(name, " must be ", expected, ", got ", value.kind()))
    };
    match p.kind {
        ParamKind::Integer { min, max } => {
            let n = value
                .number()
                .and_then(|t| t.parse::<u64>().ok())
                .ok_or_else(|| match value.number() {
                    Some(text) => StreamError::invalid_argument(cat!(
                        name,
                        " must be a whole number, got ",
                        escape(&text.chars().take(40).collect::<String>())
                    )),
                    None => wrong("a whole number"),
                })?;
            if n < min || n > max {
                let message = if max == u64::MAX {
                    cat!(name, " starts at ", min, ", got ", n)
                } else {
                    cat!(name, " must be from ", min, " to ", max, ", got ", n)
                };
                return Err(StreamError::invalid_argument(message));
            }
            pair(out, p.wire, &crate::text::number(n));
        }
        ParamKind::Str => {
            let text = value.as_str().ok_or_else(|| wrong("a string"))?;
            check(p.check, name, &text)?;
            pair(out, p.wire, &text);
        }
        ParamKind::Bool => match value.text() {
            "true" | "false" => pair(out, p.wire, value.text()),
            _ => return Err(wrong("a boolean")),
        },
        ParamKind::Repeated | ParamKind::Comma => {
            // An array, as the types say: one bare string is a mistake worth naming.
            let items = value.items().ok_or_else(|| wrong("an array of strings"))?;
            let mut joined = String::new();
            for item in items {
                let text = item.as_str().ok_or_else(|| wrong("an array of strings"))?;
                check(p.check, name, &text)?;
                if matches!(p.kind, ParamKind::Repeated) {
                    pair(out, p.wire, &text);
                } else {
                    if !joined.is_empty() {
                        joined.push(',');
                    }
                    joined.push_str(&percent_encode(&text));
                }
            }
            if !joined.is_empty() {
                out.push(if out.is_empty() { '?' } else { '&' });
                out.push_str(p.wire);
                out.push('=');
                out.push_str(&joined);
            }
        }
    }
    Ok(())
}

fn pair(out: &mut String, wire: &str, value: &str) {
    out.push(if out.is_empty() { '?' } else { '&' });
    out.push_str(wire);
    out.push('=');
    out.push_str(&percent_encode(value));
}

/// Percent-encoding of a query value: everything but RFC 3986 unreserved characters.
fn percent_encode(value: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
    out
}
