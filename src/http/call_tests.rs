use std::rc::Rc;

use super::*;
use crate::error::ErrorCode;
use crate::http::{Api, Method};
use crate::models::GATEWAY_PAYMENT;

const KEY: &str = "c2VjcmV0OmtleQ==";

fn endpoint(max_retries: u32) -> Endpoint {
    Endpoint {
        base_url: "http://127.0.0.1:9".into(),
        headers: Rc::from(vec![("x-api-key".to_string(), KEY.to_string())]),
        timeout_ms: 1_000,
        retry: RetryPolicy {
            max_retries,
            ..RetryPolicy::default()
        },
    }
}

fn get() -> HttpRequest {
    HttpRequest::get(Api::Gateway, "/api/v1/payment/abc?x=1".into())
}

fn status(code: u16) -> HttpResponse {
    HttpResponse {
        status: code,
        body: r#"{"payment_id":"abc","status":"pending"}"#.into(),
        ..Default::default()
    }
}

fn settled(step: Step) -> crate::error::Result<crate::json::Decoded> {
    step.unwrap_settled()
}

fn retry(step: Step) -> u64 {
    match step {
        Step::Retry(ms) => ms,
        Step::Settled(outcome) => panic!("settled with {outcome:?}, expected a retry"),
    }
}

#[test]
fn an_answer_settles_the_call_with_its_json() {
    let mut call = endpoint(2).call(get(), &GATEWAY_PAYMENT, None, 0.0);
    assert_eq!(call.url(), "http://127.0.0.1:9/api/v1/payment/abc?x=1");
    assert_eq!(
        (call.method(), call.body(), call.timeout_ms()),
        ("GET", None, 1_000)
    );
    let answer = settled(call.answered(&status(200), 0.0, 0.5)).unwrap();
    assert!(answer.json.starts_with(r#"{"paymentId":"abc""#));
}

#[test]
fn a_get_is_retried_with_backoff_until_its_retries_are_used_up() {
    let mut call = endpoint(2).call(get(), &GATEWAY_PAYMENT, None, 0.0);
    assert_eq!(retry(call.answered(&status(503), 0.0, 0.999)), 499);
    assert_eq!(retry(call.answered(&status(503), 0.0, 0.999)), 999);
    let err = settled(call.answered(&status(503), 0.0, 0.999)).unwrap_err();
    assert_eq!((err.code, err.status), (ErrorCode::Server, Some(503)));
}

#[test]
fn a_post_and_a_permanent_error_are_never_retried() {
    let post = HttpRequest::new(
        Api::Gateway,
        Method::Post,
        "/api/v1/payment".into(),
        Some("{}".into()),
    );
    let mut call = endpoint(2).call(post, &GATEWAY_PAYMENT, None, 0.0);
    assert_eq!(call.body(), Some("{}"));
    assert!(settled(call.answered(&status(503), 0.0, 0.5)).is_err());
    let mut call = endpoint(2).call(get(), &GATEWAY_PAYMENT, None, 0.0);
    let err = settled(call.answered(&status(404), 0.0, 0.5)).unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
}

#[test]
fn no_retry_is_scheduled_past_the_deadline() {
    // 1,000 ms deadline from t=0; at t=900 a 500 ms backoff would outlast it.
    let mut call = endpoint(2).call(get(), &GATEWAY_PAYMENT, None, 0.0);
    assert!(settled(call.answered(&status(503), 900.0, 0.999)).is_err());
    // A per-call timeout of 0 means no deadline.
    let mut call = endpoint(2).call(get(), &GATEWAY_PAYMENT, Some(0), 0.0);
    assert_eq!(call.timeout_ms(), 0);
    assert_eq!(call.deadline_in_ms(1e12), None);
    assert_eq!(retry(call.answered(&status(503), 1e12, 0.999)), 499);
}

#[test]
fn broken_exchanges_are_network_errors_that_say_where_and_why_without_secrets() {
    let mut call = endpoint(0).call(get(), &GATEWAY_PAYMENT, None, 0.0);
    let detail = format!("fetch failed: header x-api-key: {KEY} refused: ECONNREFUSED");
    let err = settled(call.failed(Broken::Connect, &detail, 0.0, 0.5)).unwrap_err();
    assert_eq!((err.code, err.retryable), (ErrorCode::Network, true));
    assert_eq!(
        err.message,
        "Stream gateway GET http://127.0.0.1:9/api/v1/payment/abc: could not connect or send the \
         request (fetch failed: header x-api-key: [redacted] refused: ECONNREFUSED)"
    );
    let mut call = endpoint(2).call(get(), &GATEWAY_PAYMENT, None, 0.0);
    let err = settled(call.failed(Broken::Redirected, "", 0.0, 0.5)).unwrap_err();
    assert_eq!((err.code, err.retryable), (ErrorCode::Server, false));
    assert!(err
        .message
        .contains("with a redirect, which is not followed"));
    let mut call = endpoint(0).call(get(), &GATEWAY_PAYMENT, None, 0.0);
    let err = settled(call.failed(Broken::NotAResponse, "", 0.0, 0.5)).unwrap_err();
    assert!(err.message.ends_with("something that is not a Response"));
    for (code, how) in Broken::ALL.into_iter().enumerate() {
        assert_eq!(Broken::from_code(code as u32), Some(how));
    }
    assert_eq!(Broken::from_code(Broken::ALL.len() as u32), None);
}

#[test]
fn the_deadline_is_the_calls_and_its_timeout_names_the_request_without_its_query() {
    let call = endpoint(2).call(get(), &GATEWAY_PAYMENT, Some(250), 1_000.0);
    assert_eq!(call.deadline_in_ms(1_100.0), Some(150));
    assert!(call.timeout(1_249.0).is_none(), "a timer that rang early");
    assert_eq!(call.deadline_in_ms(1_300.0), Some(0));
    let err = call.timeout(1_250.0).unwrap();
    assert_eq!(err.code, ErrorCode::Timeout);
    assert_eq!(
        err.message,
        "Stream gateway GET /api/v1/payment/abc did not finish within 250 ms (timeoutMs)"
    );
}

#[test]
fn headers_for_fetch_and_the_redirect_rule() {
    let e = endpoint(2);
    assert_eq!(
        e.headers_json(false),
        format!(r#"{{"accept":"application/json","x-api-key":"{KEY}"}}"#)
    );
    assert!(e
        .headers_json(true)
        .ends_with(r#","content-type":"application/json"}"#));
    assert!(e.carries_credentials());
    let open = Endpoint {
        headers: Rc::from(vec![("x-shop".to_string(), "ab".to_string())]),
        ..e
    };
    assert!(!open.carries_credentials());
    assert_eq!(open.without_retries().retry.max_retries, 0);
}

#[test]
fn header_values_are_blanked_out_of_runtime_texts() {
    let headers = vec![
        ("x-api-key".to_string(), KEY.to_string()),
        ("x-shop".to_string(), "ab".to_string()),
    ];
    assert_eq!(
        redact(&format!("refused header x-api-key: {KEY} (ab)"), &headers),
        "refused header x-api-key: [redacted] (ab)"
    );
    assert_eq!(redact("fetch failed", &headers), "fetch failed");
}
