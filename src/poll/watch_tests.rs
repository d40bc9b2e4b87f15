use super::*;
use crate::error::ErrorCode;
use crate::http::Api;
use crate::poll::wait::tests::{endpoint, payment};
use crate::poll::{PollConfig, WaitSettings};

fn watch() -> Watch {
    let settings = WaitSettings {
        config: PollConfig::new(Some(100), Some(400)),
        timeout_ms: 0,
        ..WaitSettings::default()
    };
    let limits = WatchLimits {
        concurrency: 2,
        per_second: 100_000,
    };
    Watch::new(
        crate::api::polled(Api::Gateway),
        &endpoint(),
        settings,
        limits,
        0.0,
    )
}

fn poll(w: &mut Watch, now: u64) -> String {
    match w.next(now) {
        Next::Poll(id) => id.to_string(),
        other => panic!("expected a poll, got {other:?}"),
    }
}

#[test]
fn news_results_and_errors_are_told_once() {
    let mut w = watch();
    assert!(w.add("a", 0) && w.add("b", 0) && !w.add("a", 0));
    let (a, b) = (poll(&mut w, 0), poll(&mut w, 0));
    assert_eq!(w.next(0), Next::Idle, "two in flight at most");
    assert_eq!(w.finish(&a, payment("pending"), 10, 0.0), CHANGED);
    assert!(w.take_report().unwrap().contains("pending"));
    assert_eq!(
        w.call("b", 0.0).unwrap().url(),
        "http://127.0.0.1:9/api/v1/payment/b"
    );
    let mut call = w.call(&b, 0.0).unwrap();
    let outcome = call.answered(
        &crate::http::HttpResponse {
            status: 404,
            ..Default::default()
        },
        0.0,
        0.5,
    );
    assert_eq!(w.finish(&b, outcome.unwrap_settled(), 10, 0.0), FAILED);
    assert_eq!(w.take_error().unwrap().code, ErrorCode::NotFound);
    assert_eq!(w.next(10), Next::WaitUntil(110));
    let a = poll(&mut w, 110);
    assert_eq!(w.finish(&a, payment("pending"), 120, 0.0), 0);
    assert_eq!(w.take_report(), None);
    let a = poll(&mut w, 300);
    assert_eq!(w.finish(&a, payment("completed"), 300, 0.0), CHANGED | DONE);
    assert!(w.is_empty());
    w.close();
    assert!(!w.add("c", 300), "nothing is added once the watcher ended");
}

#[test]
fn a_removed_payment_reports_nothing() {
    let mut w = watch();
    w.add("a", 0);
    let a = poll(&mut w, 0);
    assert!(w.remove(&a));
    assert_eq!(w.finish(&a, payment("completed"), 1, 0.0), 0);
    assert!(w.is_empty());
    assert_eq!(w.timeout_error().code, ErrorCode::Timeout);
}

#[test]
fn each_finish_books_the_delay_before_its_next_poll_or_none() {
    let mut w = watch();
    w.add("a", 0);
    w.add("b", 0);
    let (a, b) = (poll(&mut w, 0), poll(&mut w, 0));
    assert_eq!(w.finish(&a, payment("pending"), 10, 0.0), CHANGED);
    assert_eq!(w.next_poll_ms(), Some(100));
    let busy = StreamError::new(ErrorCode::RateLimited, "429").with_retry_after_ms(Some(1_000));
    assert_eq!(w.finish(&b, Err(busy), 20, 0.0), 0);
    assert_eq!(w.next_poll_ms(), Some(1_000), "the server's wish wins");
    assert_eq!(
        w.next(20),
        Next::WaitUntil(110),
        "a's booked delay is its turn"
    );
    let a = poll(&mut w, 110);
    assert_eq!(w.finish(&a, payment("completed"), 120, 0.0), CHANGED | DONE);
    assert_eq!(w.next_poll_ms(), None, "a settled: no next poll");
    let b = poll(&mut w, 1_020);
    assert!(w.remove(&b));
    assert_eq!(w.finish(&b, payment("pending"), 1_030, 0.0), 0);
    assert_eq!(w.next_poll_ms(), None, "b is no longer followed");
}
