//! A simulated clock and server drive the watcher's bookkeeping: limits, fairness, add/remove.

use std::collections::HashMap;

use super::*;

fn book(concurrency: usize, per_second: u32) -> WatchBook {
    WatchBook::new(
        PollConfig::new(Some(100), Some(400)),
        WatchLimits {
            concurrency,
            per_second,
        },
    )
}

/// Runs `book` to the end against a server that answers each poll after `latency_ms` and
/// completes payment `i` on its poll `pending[i] + 1`. Returns polls per id, the largest number
/// in flight and the largest number started within any 1000 ms.
fn simulate(
    book: &mut WatchBook,
    pending: &[u32],
    latency_ms: u64,
) -> (HashMap<String, u32>, usize, usize) {
    let mut polls: HashMap<String, u32> = HashMap::new();
    let mut flying: Vec<(u64, Rc<str>)> = Vec::new();
    let mut starts: Vec<u64> = Vec::new();
    let mut max_in_flight = 0;
    let mut now = 0;
    for i in 0..pending.len() {
        book.add(&format!("p{i}"), now);
    }
    while !book.is_empty() {
        flying.sort_by_key(|(t, _)| *t);
        while flying.first().is_some_and(|(t, _)| *t <= now) {
            let (_, id) = flying.remove(0);
            let n = polls.entry(id.to_string()).or_default();
            *n += 1;
            let index: usize = id[1..].parse().unwrap_or(0);
            let stop = *n > pending[index];
            let status = if stop { "completed" } else { "pending" };
            book.finish_status(&id, status, stop, now, 0.5);
        }
        let wake = loop {
            match book.next(now) {
                Next::Poll(id) => {
                    starts.push(now);
                    flying.push((now + latency_ms, id));
                    max_in_flight = max_in_flight.max(flying.len());
                }
                Next::WaitUntil(t) => break Some(t),
                Next::Idle => break None,
            }
        };
        let next_answer = flying.iter().map(|(t, _)| *t).min();
        now = match (wake, next_answer) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => a.or(b).unwrap_or(now + 1),
        };
    }
    let max_per_second = (0..starts.len())
        .map(|i| {
            starts[i..]
                .iter()
                .take_while(|&&t| t < starts[i] + 1_000)
                .count()
        })
        .max()
        .unwrap_or(0);
    (polls, max_in_flight, max_per_second)
}

#[test]
fn every_payment_ends_within_both_limits() {
    let pending: Vec<u32> = (0..500).map(|i| i % 4).collect();
    let mut b = book(8, 50);
    let (polls, max_in_flight, max_per_second) = simulate(&mut b, &pending, 30);
    assert_eq!(polls.len(), 500);
    for (i, want) in pending.iter().enumerate() {
        assert_eq!(
            polls[&format!("p{i}")],
            want + 1,
            "p{i} polled exactly as needed"
        );
    }
    assert!(max_in_flight <= 8, "{max_in_flight} in flight");
    assert!(max_per_second <= 50, "{max_per_second} per second");
    assert_eq!(b.in_flight(), 0);
}

#[test]
fn under_a_tight_rate_no_payment_starves() {
    // 200 payments that never finish, 10 requests a second: after 60 simulated seconds every
    // one has had its turns, and no one more than two turns ahead of another.
    let mut b = book(4, 10);
    for i in 0..200 {
        b.add(&format!("p{i}"), 0);
    }
    let mut polls: HashMap<Rc<str>, u32> = HashMap::new();
    let mut now = 0;
    while now < 60_000 {
        match b.next(now) {
            Next::Poll(id) => {
                *polls.entry(id.clone()).or_default() += 1;
                b.finish_status(&id, "pending", false, now, 0.0);
            }
            Next::WaitUntil(t) => now = t,
            Next::Idle => now += 1,
        }
    }
    let min = polls.values().min().copied().unwrap_or(0);
    let max = polls.values().max().copied().unwrap_or(0);
    assert_eq!(polls.len(), 200);
    assert!(min >= 2 && max - min <= 2, "min {min} max {max}");
}

#[test]
fn removal_stops_polling_and_readding_starts_over() {
    let mut b = book(1, 100_000);
    b.add("a", 0);
    b.add("b", 0);
    assert!(!b.add("a", 0), "already followed");
    assert_eq!(b.next(0), Next::Poll(Rc::from("a")));
    assert_eq!(b.next(0), Next::Idle, "one slot, busy");
    assert!(b.remove("a"));
    assert_eq!(b.finish_status("a", "pending", false, 0, 0.0), None);
    assert_eq!(b.next(0), Next::Poll(Rc::from("b")));
    assert!(b.remove("b"));
    assert_eq!(b.finish_status("b", "pending", false, 0, 0.0), None);
    assert_eq!(b.next(0), Next::Idle);
    assert!(b.is_empty());
    assert!(b.add("a", 5));
    assert_eq!(b.next(5), Next::Poll(Rc::from("a")));
}

#[test]
fn errors_back_off_and_permanent_ones_drop_the_payment() {
    let mut b = book(2, 100_000);
    b.add("a", 0);
    b.add("b", 0);
    assert_eq!(b.next(0), Next::Poll(Rc::from("a")));
    assert_eq!(b.next(0), Next::Poll(Rc::from("b")));
    b.finish_transient("a", Some(1_000), 0, 0.0);
    assert!(b.finish_permanent("b"));
    assert_eq!(b.len(), 1);
    assert_eq!(b.next(0), Next::WaitUntil(1_000), "Retry-After honoured");
    assert_eq!(b.next(1_000), Next::Poll(Rc::from("a")));
    let update = b.finish_status("a", "completed", true, 1_000, 0.0);
    assert_eq!(
        update,
        Some(Update {
            changed: true,
            done: true
        })
    );
    assert!(b.is_empty());
}

#[test]
fn only_changes_are_news() {
    let mut b = book(1, 100_000);
    b.add("a", 0);
    let mut news = Vec::new();
    for (t, status) in [
        (0, "pending"),
        (100, "pending"),
        (250, "confirming"),
        (350, "confirming"),
    ] {
        assert_eq!(b.next(t), Next::Poll(Rc::from("a")), "at {t}");
        let update = b.finish_status("a", status, false, t, 0.0);
        news.push(update.map(|u| u.changed));
    }
    assert_eq!(news, [Some(true), Some(false), Some(true), Some(false)]);
}
