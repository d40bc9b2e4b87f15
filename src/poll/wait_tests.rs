use std::rc::Rc;

use super::*;
use crate::http::{Broken, HttpResponse, RetryPolicy};
use crate::json::decode;
use crate::models::GATEWAY_PAYMENT;

pub fn endpoint() -> Endpoint {
    Endpoint {
        base_url: "http://127.0.0.1:9".into(),
        headers: Rc::from(Vec::new()),
        timeout_ms: 1_000,
        retry: RetryPolicy::default(),
    }
}

pub fn payment(status: &str) -> Result<Decoded> {
    decode(
        &format!(r#"{{"payment_id":"p1","status":"{status}"}}"#),
        &GATEWAY_PAYMENT,
    )
}

fn wait(stop_statuses: &[&str]) -> Wait {
    let settings = WaitSettings {
        config: PollConfig::new(Some(100), Some(400)),
        timeout_ms: 5_000,
        stop_statuses: stop_statuses.iter().map(|s| s.to_string()).collect(),
        pause_when_hidden: true,
    };
    Wait::new(
        crate::api::polled(crate::http::Api::Gateway),
        "p1".into(),
        &endpoint(),
        settings,
        1_000.0,
    )
}

#[test]
fn each_new_status_is_reported_once_and_a_terminal_one_ends_the_wait() {
    let mut w = wait(&[]);
    assert_eq!(
        w.observe(payment("pending"), 0.0, false).unwrap(),
        Some(100)
    );
    assert!(w.take_report().unwrap().contains(r#""status":"pending""#));
    // Nothing new: no report, and the pace slows down.
    assert_eq!(
        w.observe(payment("pending"), 0.0, false).unwrap(),
        Some(150)
    );
    assert_eq!(w.take_report(), None);
    // A hidden page polls at the slowest pace.
    assert_eq!(w.observe(payment("pending"), 0.0, true).unwrap(), Some(400));
    assert_eq!(w.observe(payment("completed"), 0.0, false).unwrap(), None);
    assert!(w.take_report().unwrap().contains(r#""status":"completed""#));
}

#[test]
fn a_status_the_caller_names_also_ends_the_wait() {
    let mut w = wait(&["confirming"]);
    assert_eq!(w.observe(payment("confirming"), 0.0, false).unwrap(), None);
    assert!(w.take_report().is_some());
}

#[test]
fn transient_failures_are_ridden_out_and_permanent_ones_end_the_wait() {
    let mut w = wait(&[]);
    let mut poll = w.call(0.0).unwrap();
    assert_eq!(poll.url(), "http://127.0.0.1:9/api/v1/payment/p1");
    // Polls are not retried inside: the wait is the retry.
    let outcome = poll.failed(Broken::Connect, "refused", 0.0, 0.5);
    assert_eq!(
        w.observe(outcome.unwrap_settled(), 0.0, false).unwrap(),
        Some(150)
    );
    let rate_limited = HttpResponse {
        status: 429,
        retry_after: Some("7".into()),
        ..Default::default()
    };
    let mut poll = w.call(0.0).unwrap();
    let outcome = poll.answered(&rate_limited, 0.0, 0.5).unwrap_settled();
    assert_eq!(w.observe(outcome, 0.0, false).unwrap(), Some(7_000));
    let mut poll = w.call(0.0).unwrap();
    let outcome = poll.answered(
        &HttpResponse {
            status: 401,
            ..Default::default()
        },
        0.0,
        0.5,
    );
    let err = w.observe(outcome.unwrap_settled(), 0.0, false).unwrap_err();
    assert_eq!(err.code, ErrorCode::Unauthorized);
    assert_eq!(
        w.deadline().in_ms(2_000.0),
        Some(4_000),
        "5 s from the start"
    );
    assert_eq!(
        w.timeout_error().message,
        "waitForPayment(\"p1\") did not finish within 5000 ms (timeoutMs)"
    );
}
