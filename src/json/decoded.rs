//! What a decode gives back, and the writer a shape's `close` hook adds members with.

use super::shape::{Field, Slot, SLOTS};
use super::write::{push_camel, push_string};
use crate::prelude::*;

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
    pub(crate) fn set(&mut self, slot: Slot, value: String) {
        if let Some(kept) = self.values.get_mut(slot as usize) {
            *kept = Some(value);
        }
    }
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

/// The members of an object being written, for a shape's `close` hook.
pub struct Members<'o> {
    out: &'o mut String,
    first: bool,
}

impl<'o> Members<'o> {
    pub(crate) fn new(out: &'o mut String, first: bool) -> Self {
        Self { out, first }
    }
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
    pub(crate) fn default(&mut self, field: &Field, json: &str) {
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
