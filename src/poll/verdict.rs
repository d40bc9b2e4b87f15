//! What one poll's outcome means for the wait: stop with the payment, go on, or give up.

use crate::error::{ErrorCode, StreamError};
use crate::http::{Api, HttpRequest};
use crate::json::{Decoded, Shape};
use crate::models::{
    GATEWAY_PAYMENT, GATEWAY_TERMINAL_STATUSES, STREAMPAY_PAYMENT, STREAMPAY_TERMINAL_STATUSES,
};

/// A payment object that can be polled: how to ask for it, how its answer decodes, and its
/// status (captured by the shape while decoding).
pub trait PolledPayment {
    /// Statuses after which the payment no longer changes.
    const TERMINAL_STATUSES: &'static [&'static str];
    /// How the answer decodes; it captures `Slot::Status`.
    const SHAPE: &'static Shape;
    /// The `getPayment` request for `id` (already validated as a path segment).
    fn request(id: &str) -> HttpRequest;
    /// The status of a decoded answer (its shape requires one, so it is there).
    fn status(decoded: &Decoded) -> &str {
        decoded.captures.status().unwrap_or_default()
    }
}

/// The crypto gateway's payment (`GET /api/v1/payment/{id}`).
pub struct GatewayPoll;

/// A StreamPay payment (`GET /api/v2/payments/{id}`).
pub struct StreamPayPoll;

impl PolledPayment for GatewayPoll {
    const TERMINAL_STATUSES: &'static [&'static str] = GATEWAY_TERMINAL_STATUSES;
    const SHAPE: &'static Shape = &GATEWAY_PAYMENT;
    fn request(id: &str) -> HttpRequest {
        HttpRequest::get(Api::Gateway, format!("/api/v1/payment/{id}"))
    }
}

impl PolledPayment for StreamPayPoll {
    const TERMINAL_STATUSES: &'static [&'static str] = STREAMPAY_TERMINAL_STATUSES;
    const SHAPE: &'static Shape = &STREAMPAY_PAYMENT;
    fn request(id: &str) -> HttpRequest {
        HttpRequest::get(Api::StreamPay, format!("/api/v2/payments/{id}"))
    }
}

/// Statuses that end a wait: the API's terminal ones plus any the caller asked for. Anything
/// else, a status this version does not know included, counts as pending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StopStatuses {
    terminal: &'static [&'static str],
    extra: Vec<String>,
}

impl StopStatuses {
    pub fn new(terminal: &'static [&'static str], extra: Vec<String>) -> Self {
        Self { terminal, extra }
    }

    pub fn contains(&self, status: &str) -> bool {
        self.terminal.contains(&status) || self.extra.iter().any(|s| s == status)
    }
}

/// How a failed poll is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorClass {
    /// Back off and poll again (network, 429, 5xx, a poll that took too long).
    Transient,
    /// Polling again cannot help: reject the wait.
    Permanent,
}

pub fn classify_error(err: &StreamError) -> ErrorClass {
    let riding_out = matches!(
        err.code,
        ErrorCode::Network | ErrorCode::RateLimited | ErrorCode::Server | ErrorCode::Timeout
    );
    // `retryable` is false for an unexpected 1xx/3xx, which will come back the same.
    if riding_out && err.retryable {
        ErrorClass::Transient
    } else {
        ErrorClass::Permanent
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transient_and_permanent_errors() {
        let transient = [
            ErrorCode::Network,
            ErrorCode::RateLimited,
            ErrorCode::Server,
            ErrorCode::Timeout,
        ];
        for code in transient {
            let err = StreamError::new(code, "x");
            assert_eq!(classify_error(&err), ErrorClass::Transient, "{code}");
        }
        let permanent = [
            ErrorCode::NotFound,
            ErrorCode::Unauthorized,
            ErrorCode::Forbidden,
            ErrorCode::Decode,
            ErrorCode::Validation,
            ErrorCode::Conflict,
            ErrorCode::InvalidArgument,
        ];
        for code in permanent {
            let err = StreamError::new(code, "x");
            assert_eq!(classify_error(&err), ErrorClass::Permanent, "{code}");
        }
        let redirect = StreamError::new(ErrorCode::Server, "302").with_retryable(false);
        assert_eq!(classify_error(&redirect), ErrorClass::Permanent);
    }

    #[test]
    fn terminal_statuses_and_the_callers_own() {
        let gateway = StopStatuses::new(GatewayPoll::TERMINAL_STATUSES, Vec::new());
        assert!(gateway.contains("completed"));
        assert!(gateway.contains("not_found"));
        assert!(!gateway.contains("pending"));
        assert!(!gateway.contains("refunding"), "unknown counts as pending");
        let streampay =
            StopStatuses::new(StreamPayPoll::TERMINAL_STATUSES, vec!["PROCESSING".into()]);
        for s in [
            "SUCCEEDED",
            "FAILED",
            "FAILED_INITIATION",
            "CANCELED",
            "EXPIRED",
            "SETTLED",
            "REFUNDED",
            "PROCESSING",
        ] {
            assert!(streampay.contains(s), "{s}");
        }
        for s in ["PENDING", "UNDER_REVIEW", "succeeded"] {
            assert!(!streampay.contains(s), "{s}");
        }
    }

    #[test]
    fn statuses_and_requests_of_both_apis() {
        let g = crate::json::decode(
            r#"{"payment_id": "A1", "status": "pending"}"#,
            GatewayPoll::SHAPE,
        );
        assert_eq!(g.as_ref().map(GatewayPoll::status).ok(), Some("pending"));
        let p = crate::json::decode(
            r#"{"id": "u-1", "current_status": "PENDING"}"#,
            StreamPayPoll::SHAPE,
        );
        assert_eq!(p.as_ref().map(StreamPayPoll::status).ok(), Some("PENDING"));
        assert_eq!(GatewayPoll::request("A1").path, "/api/v1/payment/A1");
        assert_eq!(StreamPayPoll::request("u-1").path, "/api/v2/payments/u-1");
    }
}
