//! The watcher's map from payment id to its bookkeeping: open addressing with linear probing,
//! deletion by shifting back (no tombstones), its own hash of the id. hashbrown did the same job
//! with 4.5 KB of generic code and, with its default hasher (foldhash), reached `core::fmt` through
//! an `unwrap`; the watcher needs five operations on one key type.

use alloc::rc::Rc;

use crate::prelude::*;

#[derive(Debug)]
pub struct IdMap<V> {
    /// Empty or a power of two long, at most three quarters full (linear probing stays short).
    slots: Vec<Option<(Rc<str>, V)>>,
    len: usize,
}

impl<V> Default for IdMap<V> {
    fn default() -> Self {
        Self {
            slots: Vec::new(),
            len: 0,
        }
    }
}

impl<V> IdMap<V> {
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn contains_key(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// The key as stored (to share it) and the value of `id`.
    pub fn get_mut(&mut self, id: &str) -> Option<(&Rc<str>, &mut V)> {
        let at = self.find(id).ok()?;
        let (key, value) = self.slots.get_mut(at)?.as_mut()?;
        Some((&*key, value))
    }

    /// Adds `id`, or replaces its value.
    pub fn insert(&mut self, id: Rc<str>, value: V) {
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            self.grow();
        }
        match self.find(&id) {
            Ok(at) | Err(at) => {
                if let Some(slot) = self.slots.get_mut(at) {
                    if slot.replace((id, value)).is_none() {
                        self.len += 1;
                    }
                }
            }
        }
    }

    pub fn remove(&mut self, id: &str) -> Option<V> {
        let mut hole = self.find(id).ok()?;
        let (_, value) = self.slots.get_mut(hole)?.take()?;
        self.len -= 1;
        // Move back every later entry of the run whose home is not between the hole and itself,
        // so that no lookup meets an empty slot before its key.
        let mask = self.slots.len() - 1;
        let mut at = hole;
        loop {
            at = (at + 1) & mask;
            let Some(Some((key, _))) = self.slots.get(at) else {
                break;
            };
            let home = hash(key) & mask;
            if at.wrapping_sub(home) & mask >= at.wrapping_sub(hole) & mask {
                self.slots.swap(hole, at);
                hole = at;
            }
        }
        Some(value)
    }

    /// `Ok(slot)` of `id`, or `Err(slot)`: the empty slot where it would go (with no slots yet,
    /// an index past the end: `insert` grows first).
    fn find(&self, id: &str) -> Result<usize, usize> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = hash(id) & mask;
        loop {
            match self.slots.get(at) {
                Some(Some((key, _))) if **key == *id => return Ok(at),
                Some(Some(_)) => at = (at + 1) & mask,
                _ => return Err(at),
            }
        }
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(8);
        let old = core::mem::replace(&mut self.slots, Vec::with_capacity(size));
        self.slots.resize_with(size, || None);
        for (key, value) in old.into_iter().flatten() {
            if let Err(at) = self.find(&key) {
                if let Some(slot) = self.slots.get_mut(at) {
                    *slot = Some((key, value));
                }
            }
        }
    }
}

/// Multiply-rotate per byte (FxHash's step), then MurmurHash3's final avalanche so the low bits
/// (the slot) depend on every byte. A byte at a time: ids are short, and nothing can fail.
fn hash(id: &str) -> usize {
    let mut h = 0u64;
    for &byte in id.as_bytes() {
        h = (h.rotate_left(5) ^ u64::from(byte)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    (h ^ (h >> 33)) as usize
}

#[cfg(test)]
#[path = "id_map_tests.rs"]
mod tests;
