//! The gateway's load from 10,000 open `<stream-checkout>` pages, on a simulated clock, with the
//! element's own pacing: the `PollSchedule` that its `waitForPayment` runs (first interval 2 s, the
//! element's `poll-interval` floor; backoff to the 15 s cap; jitter; hidden tabs at the cap; a
//! failed poll classified by `classify_error` and ridden out), against a naive page's
//! `setInterval(fetch, 1000)`. No payment gets paid, so every page keeps polling: the worst case.
//!
//! `cargo test --release --test checkout_load -- --nocapture` prints the figures; with
//! `STREAM_BENCH_MD=BENCHMARKS.md` (as `make bench` runs it) they replace the section between the
//! `checkout-load` markers of that file. The assertions hold the properties the figures show.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use stream_payments::error::{ErrorCode, StreamError};
use stream_payments::poll::{classify_error, ErrorClass, PollConfig, PollSchedule};

const TABS: usize = 10_000;
/// The pages open at random times over the first minute.
const OPENING_MS: u64 = 60_000;
/// The element's first interval: its `poll-interval` floor and default.
const ELEMENT_INTERVAL_MS: u32 = 2_000;
const MINUTE_MS: u64 = 60_000;
const RUN_MS: u64 = 15 * MINUTE_MS;
/// The outage of the third scenario: minutes 5 to 10, every poll answered 503.
const OUTAGE_MS: (u64, u64) = (5 * MINUTE_MS, 10 * MINUTE_MS);

#[derive(Clone, Copy, PartialEq)]
enum Pacing {
    Element,
    /// `setInterval(() => fetch(...), 1000)`: hidden tabs too (Chrome's background throttling
    /// allows one timer run per second, which is this page's pace already), errors or not, so
    /// `hidden_share` and `outage` change nothing.
    Naive,
}

/// A deterministic xorshift, so every run prints the same figures.
struct Rng(u64);

impl Rng {
    fn unit(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Requests per second of the whole run, second by second.
fn simulate(pacing: Pacing, hidden_share: f64, outage: Option<(u64, u64)>) -> Vec<u32> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    if pacing == Pacing::Naive {
        // One request a second from each page's opening on, whatever happens: counted, not queued.
        let mut per_second = vec![0u32; (RUN_MS / 1000) as usize];
        for _ in 0..TABS {
            let opened = (rng.unit() * OPENING_MS as f64) as u64;
            for n in &mut per_second[(opened / 1000) as usize..] {
                *n += 1;
            }
        }
        return per_second;
    }
    let config = PollConfig::new(Some(ELEMENT_INTERVAL_MS), None);
    let mut tabs = Vec::with_capacity(TABS);
    let mut due = BinaryHeap::with_capacity(TABS);
    for tab in 0..TABS {
        let opened = (rng.unit() * OPENING_MS as f64) as u64;
        tabs.push((PollSchedule::new(config), rng.unit() < hidden_share));
        due.push(Reverse((opened, tab)));
    }
    let failure = StreamError::new(ErrorCode::Server, "503 from the gateway").with_retryable(true);
    let mut per_second = vec![0u32; (RUN_MS / 1000) as usize];
    while let Some(Reverse((at, tab))) = due.pop() {
        if at >= RUN_MS {
            break;
        }
        per_second[(at / 1000) as usize] += 1;
        let down = outage.is_some_and(|(from, to)| (from..to).contains(&at));
        let (schedule, hidden) = &mut tabs[tab];
        if down {
            assert!(
                classify_error(&failure) == ErrorClass::Transient,
                "a 503 is ridden out"
            );
            schedule.observe_error();
        } else {
            schedule.observe_status("pending");
        }
        due.push(Reverse((
            at + schedule.next_delay_ms(rng.unit(), None, *hidden),
            tab,
        )));
    }
    per_second
}

/// Mean and peak requests per second over `[from, to)` ms.
fn window(per_second: &[u32], from: u64, to: u64) -> (f64, u32) {
    let slice = &per_second[(from / 1000) as usize..(to / 1000) as usize];
    let sum: u64 = slice.iter().map(|&n| u64::from(n)).sum();
    (
        sum as f64 / slice.len() as f64,
        slice.iter().copied().max().unwrap_or(0),
    )
}

struct Figures {
    first_minute: (f64, u32),
    steady: (f64, u32),
    outage: (f64, u32),
    after_outage: (f64, u32),
}

fn figures(pacing: Pacing, hidden_share: f64) -> (Figures, Figures) {
    let calm = simulate(pacing, hidden_share, None);
    let stormy = simulate(pacing, hidden_share, Some(OUTAGE_MS));
    let of = |run: &[u32]| Figures {
        first_minute: window(run, 0, MINUTE_MS),
        steady: window(run, 4 * MINUTE_MS, OUTAGE_MS.0),
        outage: window(run, OUTAGE_MS.0, OUTAGE_MS.1),
        after_outage: window(run, OUTAGE_MS.1, OUTAGE_MS.1 + MINUTE_MS),
    };
    (of(&calm), of(&stormy))
}

fn markdown(rows: &[(&str, Figures, Figures)]) -> String {
    let cell = |(mean, peak): (f64, u32)| format!("{mean:.0} / {peak}");
    let mut out = String::from(
        "| 10,000 open checkouts (requests/s to the gateway: mean / peak second) | first minute | steady (minute 5) | during a 5-minute outage | first minute after it |\n|---|--:|--:|--:|--:|\n",
    );
    for (name, calm, stormy) in rows {
        out += &format!(
            "| {name} | {} | {} | {} | {} |\n",
            cell(calm.first_minute),
            cell(calm.steady),
            cell(stormy.outage),
            cell(stormy.after_outage),
        );
    }
    out
}

#[test]
fn ten_thousand_checkouts_cost_the_gateway_little_and_come_back_from_an_outage_without_a_burst() {
    let (visible, visible_outage) = figures(Pacing::Element, 0.0);
    let (hidden, hidden_outage) = figures(Pacing::Element, 0.8);
    let (naive, naive_outage) = figures(Pacing::Naive, 0.0);

    // Backed off to the 15 s cap (jittered to 12-15 s): at most 10,000 / 12 s in steady state.
    assert!(visible.steady.0 < 834.0, "steady {:?}", visible.steady);
    assert!(naive.steady.0 > 9_900.0, "naive {:?}", naive.steady);
    // Hidden tabs start at the cap: the first minute costs less.
    assert!(hidden.first_minute.0 < visible.first_minute.0 * 0.8);
    // After the outage the pages come back spread out: the first minute's busiest second is no
    // busier than the busiest second of steady polling (plus jitter noise), and no poll is lost.
    assert!(
        f64::from(visible_outage.after_outage.1) <= f64::from(visible.steady.1) * 1.2,
        "after the outage {:?} vs steady {:?}",
        visible_outage.after_outage,
        visible.steady
    );
    assert!(
        visible_outage.outage.0 < 834.0,
        "an outage does not raise the load"
    );

    let table = markdown(&[
        (
            "`<stream-checkout>`, every tab visible",
            visible,
            visible_outage,
        ),
        (
            "`<stream-checkout>`, 80% of tabs hidden",
            hidden,
            hidden_outage,
        ),
        (
            "naive page: `setInterval(fetch, 1000)`",
            naive,
            naive_outage,
        ),
    ]);
    println!("{table}");
    if let Ok(path) = std::env::var("STREAM_BENCH_MD") {
        write_section(&path, &table);
    }
}

/// Replaces what is between the `checkout-load` markers of the Markdown file at `path`.
fn write_section(path: &str, table: &str) {
    const START: &str = "<!-- checkout-load:start -->\n";
    const END: &str = "<!-- checkout-load:end -->";
    let text = std::fs::read_to_string(path).expect("the benchmarks file");
    let (Some(from), Some(to)) = (text.find(START), text.find(END)) else {
        panic!("{path} has no checkout-load markers");
    };
    let command = "`make bench` (`cargo test --release --test checkout_load`)";
    let updated = format!(
        "{}{START}Measured by {command}:\n\n{table}{}",
        &text[..from],
        &text[to..]
    );
    std::fs::write(path, updated).expect("write the benchmarks file");
}
