//! The writer a shape's `close` hook adds members with, before the object's closing brace.

use super::write::{push_camel, push_string};
use crate::prelude::*;

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
    /// A known field's default: `"<js>": <json>`, or under the camelCased `wire` name.
    pub(crate) fn default(&mut self, js: Option<&str>, wire: &str, json: &str) {
        self.comma();
        self.out.push('"');
        match js {
            Some(js) => self.out.push_str(js),
            None => push_camel(self.out, wire),
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
