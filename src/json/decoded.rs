//! What a decode gives back: the JSON text for JS and the values Rust keeps.

use super::shape::{Slot, SLOTS};
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
    /// Whether a page's `data` has at least one item; `false` when it has none or no `data`.
    pub fn has_items(&self) -> bool {
        self.get(Slot::Items) == Some("true")
    }
}
