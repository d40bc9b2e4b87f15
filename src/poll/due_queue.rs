//! The order in which followed payments are polled: earliest due first, ties in the order they
//! were queued, so under a concurrency or rate limit every payment gets its turn (round-robin by
//! due time) and none starves.

use alloc::collections::BinaryHeap;
use core::cmp::Reverse;

/// Entries are `(due_ms, ticket, key)`. The ticket is unique and increasing: it breaks ties
/// first-come-first-served and lets the owner tell a current entry from a stale one.
#[derive(Debug)]
pub struct DueQueue<K: Ord> {
    heap: BinaryHeap<Reverse<(u64, u64, K)>>,
    next_ticket: u64,
}

impl<K: Ord> Default for DueQueue<K> {
    fn default() -> Self {
        Self {
            heap: BinaryHeap::new(),
            next_ticket: 0,
        }
    }
}

impl<K: Ord> DueQueue<K> {
    /// Queues `key` for `due_ms`; returns its ticket.
    pub fn push(&mut self, due_ms: u64, key: K) -> u64 {
        let ticket = self.next_ticket;
        self.next_ticket += 1;
        self.heap.push(Reverse((due_ms, ticket, key)));
        ticket
    }

    /// When the earliest entry is due.
    pub fn next_due(&self) -> Option<u64> {
        self.heap.peek().map(|Reverse((due, _, _))| *due)
    }

    /// The earliest entry if it is due at `now_ms`, as `(ticket, key)`.
    pub fn pop_due(&mut self, now_ms: u64) -> Option<(u64, K)> {
        if self.next_due()? > now_ms {
            return None;
        }
        self.heap
            .pop()
            .map(|Reverse((_, ticket, key))| (ticket, key))
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.heap.len()
    }

    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.heap.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn earliest_first_then_first_queued() {
        let mut q = DueQueue::default();
        q.push(20, "late");
        q.push(10, "a");
        q.push(10, "b");
        q.push(5, "first");
        assert_eq!(q.next_due(), Some(5));
        assert_eq!(q.pop_due(4), None);
        let order: Vec<&str> = core::iter::from_fn(|| q.pop_due(100).map(|(_, k)| k)).collect();
        assert_eq!(order, ["first", "a", "b", "late"]);
        assert!(q.is_empty());
    }

    #[test]
    fn tickets_are_unique_and_increasing() {
        let mut q = DueQueue::default();
        let a = q.push(1, 'a');
        let b = q.push(0, 'b');
        assert!(b > a);
        assert_eq!(q.pop_due(1), Some((b, 'b')));
        assert_eq!(q.len(), 1);
    }
}
