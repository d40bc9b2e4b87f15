//! Keys remembered through one answer: a page repeats its items' keys a hundred times, so each
//! distinct key is looked up in its shape and camelCased once, then recognised by comparing
//! its text with where it first appeared.

use super::shape::{Field, Shape};
use super::swar::block_at;
use super::write::push_camel;
use crate::prelude::*;

/// Where a camelCase form sits in [`Keys::text`]: `start..end`.
pub type Span = (usize, usize);

/// Slots of the table (a power of two). A page's items have about fifteen keys.
const SLOTS: usize = 32;

#[derive(Clone, Copy, Default)]
struct Slot {
    /// Where the key's text first appeared in the source, and its length (0: an empty slot).
    at: usize,
    len: usize,
    /// Its camelCase form: `camel` is `text[camel.0..camel.1]`; `(0, 0)` until needed a second
    /// time (a key seen once, as in a single payment, is camelCased straight into the output).
    camel: (usize, usize),
    again: bool,
    /// The shape the key was last looked up in (its address; 0 for none) and the index of the
    /// field it names there.
    shape: usize,
    field: Option<usize>,
}

pub struct Keys {
    slots: [Slot; SLOTS],
    /// The camelCase forms, one after another.
    text: String,
}

impl Keys {
    pub fn new() -> Self {
        Self {
            slots: [Slot::default(); SLOTS],
            text: String::new(),
        }
    }

    /// The slot of the unescaped key `src[start..end]`: the one that holds it, or one taken
    /// over for it. Two slots per hash (the newer key first), so that two keys of one object
    /// sharing a hash do not keep evicting each other.
    #[inline(always)]
    fn slot<'s>(
        slots: &'s mut [Slot; SLOTS],
        src: &[u8],
        start: usize,
        end: usize,
    ) -> Option<&'s mut Slot> {
        let len = end.wrapping_sub(start);
        let byte = |at: usize| src.get(at).copied().map_or(0, u32::from);
        let mixed = (len as u32)
            ^ (byte(start) << 8)
            ^ (byte(start + len / 2) << 16)
            ^ (byte(end.wrapping_sub(1)) << 24);
        // The top bits of a multiplicative hash pick one of SLOTS / 2 sets.
        let set =
            (mixed.wrapping_mul(0x9E37_79B1) >> (32 - (SLOTS / 2).trailing_zeros())) as usize * 2;
        let key = src.get(start..end)?;
        let [first, second] = slots.get_mut(set..set + 2)? else {
            return None;
        };
        if holds(first, src, key) {
            return Some(first);
        }
        if holds(second, src, key) {
            return Some(second);
        }
        *second = *first;
        *first = Slot {
            at: start,
            len,
            ..Slot::default()
        };
        Some(first)
    }

    /// For the unescaped key `src[start..end]`: the field of `shape` it names, if any, and
    /// (when `underscore`, i.e. the key has a `_`) where [`Keys::text`] holds its camelCase;
    /// `None` for a key seen for the first time, which the caller camelCases itself.
    #[inline(always)]
    pub fn lookup(
        &mut self,
        src: &str,
        start: usize,
        end: usize,
        shape: &Shape,
        underscore: bool,
    ) -> (Option<(usize, &'static Field)>, Option<Span>) {
        let raw = || src.get(start..end).unwrap_or_default();
        let id = shape as *const Shape as usize;
        let Some(slot) = Self::slot(&mut self.slots, src.as_bytes(), start, end) else {
            return (shape.field(raw()), None);
        };
        if slot.shape != id && !shape.fields.is_empty() {
            slot.shape = id;
            slot.field = shape.field(raw()).map(|(index, _)| index);
        }
        let field = match slot.field {
            Some(index) if slot.shape == id => shape.fields.get(index).map(|f| (index, f)),
            _ => None,
        };
        if underscore && slot.camel.1 == 0 {
            if !slot.again {
                slot.again = true;
                return (field, None);
            }
            let from = self.text.len();
            push_camel(&mut self.text, raw());
            slot.camel = (from, self.text.len());
        }
        (field, Some(slot.camel))
    }

    /// The camelCase form at `range` (from [`Keys::lookup`]).
    #[inline(always)]
    pub fn text(&self, range: (usize, usize)) -> &str {
        self.text.get(range.0..range.1).unwrap_or_default()
    }
}

/// Whether `slot` holds the key whose text is `key`.
#[inline(always)]
fn holds(slot: &Slot, src: &[u8], key: &[u8]) -> bool {
    slot.len == key.len()
        && src
            .get(slot.at..slot.at + key.len())
            .is_some_and(|k| same(k, key))
}

/// Whether two slices of one length hold the same bytes: eight at a time, no call to memcmp
/// (keys are short).
#[inline(always)]
fn same(x: &[u8], y: &[u8]) -> bool {
    let mut i = 0;
    while let (Some(p), Some(q)) = (block_at(x, i), block_at(y, i)) {
        if p != q {
            return false;
        }
        i += 8;
    }
    while let (Some(p), Some(q)) = (x.get(i), y.get(i)) {
        if p != q {
            return false;
        }
        i += 1;
    }
    true
}
