//! A locale's separators and group sizes, from what the shell read once per tag off
//! `Intl.NumberFormat(tag).formatToParts(1234567890.5)`; the digits themselves stay ours.

use crate::prelude::*;
use wasm_bindgen::JsValue;

use crate::amount::{escape, Grouping};
use crate::error::{Result, StreamError};

/// What `formatToParts` showed: the `decimal` and `group` parts (`.` and `,` when absent), how
/// many `integer` parts there were and the lengths, in characters, of the last two.
pub struct LocaleFacts {
    decimal: String,
    group: String,
    count: u32,
    last: u32,
    prev: u32,
}

impl LocaleFacts {
    /// From the shell's `[decimal, group, count, last, prev]`, or `None` when `Intl` refused `tag`.
    pub fn from_js(tag: &str, facts: Option<&[JsValue]>) -> Result<Self> {
        let invalid = || {
            StreamError::invalid_argument(cat!(
                "locale \"",
                escape(&tag.chars().take(40).collect::<String>()),
                "\" is not a valid BCP 47 language tag"
            ))
        };
        let [decimal, group, count, last, prev] = facts.ok_or_else(invalid)? else {
            return Err(invalid());
        };
        let text = |v: &JsValue| v.as_string().ok_or_else(invalid);
        let number = |v: &JsValue| {
            v.as_f64()
                .filter(|n| n.is_finite() && *n >= 0.0 && *n <= f64::from(u32::MAX))
                .map(|n| n as u32)
                .ok_or_else(invalid)
        };
        Ok(Self {
            decimal: text(decimal)?,
            group: text(group)?,
            count: number(count)?,
            last: number(last)?,
            prev: number(prev)?,
        })
    }

    /// The decimal separator and the grouping.
    pub fn into_separators(self) -> (String, Grouping) {
        let (primary, secondary) = group_sizes(self.count, self.last, self.prev);
        let grouping = Grouping {
            separator: self.group,
            primary,
            secondary,
        };
        (self.decimal, grouping)
    }
}

/// Group sizes from `formatToParts`' integer parts: the rightmost group is as long as the last
/// part, further groups as the one before it (3 and 3 without parts; en-IN gives 3 and 2).
pub fn group_sizes(count: u32, last: u32, prev: u32) -> (usize, usize) {
    let size = |n: u32| usize::try_from(n).unwrap_or(3).max(1);
    let primary = if count == 0 { 3 } else { size(last) };
    let secondary = if count <= 2 { primary } else { size(prev) };
    (primary, secondary)
}

/// A separator the shell's fast path passed as a UTF-16 char code.
pub fn separator_char(code: u32) -> Result<char> {
    char::from_u32(code)
        .ok_or_else(|| StreamError::invalid_argument("locale separator is not a character"))
}
