//! What one poll's outcome means for the wait: stop with the payment, go on, or give up.

use serde_json::Value;

use crate::error::{ErrorCode, Result, StreamError};
use crate::http::{Api, HttpRequest};
use crate::models::{
    GatewayPayment, Payment, GATEWAY_TERMINAL_STATUSES, STREAMPAY_TERMINAL_STATUSES,
};

/// A payment object that can be polled: how to ask for it and where its status is.
pub trait PolledPayment: Sized {
    /// Statuses after which the payment no longer changes.
    const TERMINAL_STATUSES: &'static [&'static str];
    /// The `getPayment` request for `id` (already validated as a path segment).
    fn request(id: &str) -> HttpRequest;
    fn decode(value: Value) -> Result<Self>;
    fn status(&self) -> &str;
}

impl PolledPayment for GatewayPayment {
    const TERMINAL_STATUSES: &'static [&'static str] = GATEWAY_TERMINAL_STATUSES;
    fn request(id: &str) -> HttpRequest {
        HttpRequest::get(Api::Gateway, format!("/api/v1/payment/{id}"))
    }
    fn decode(value: Value) -> Result<Self> {
        GatewayPayment::decode(value)
    }
    fn status(&self) -> &str {
        &self.status
    }
}

impl PolledPayment for Payment {
    const TERMINAL_STATUSES: &'static [&'static str] = STREAMPAY_TERMINAL_STATUSES;
    fn request(id: &str) -> HttpRequest {
        HttpRequest::get(Api::StreamPay, format!("/api/v2/payments/{id}"))
    }
    fn decode(value: Value) -> Result<Self> {
        Payment::decode(value)
    }
    fn status(&self) -> &str {
        &self.current_status
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
        let gateway = StopStatuses::new(GatewayPayment::TERMINAL_STATUSES, Vec::new());
        assert!(gateway.contains("completed"));
        assert!(gateway.contains("not_found"));
        assert!(!gateway.contains("pending"));
        assert!(!gateway.contains("refunding"), "unknown counts as pending");
        let streampay = StopStatuses::new(Payment::TERMINAL_STATUSES, vec!["PROCESSING".into()]);
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
        let g =
            GatewayPayment::decode(serde_json::json!({"payment_id": "A1", "status": "pending"}));
        assert_eq!(
            g.map(|g| g.status().to_owned()).ok().as_deref(),
            Some("pending")
        );
        let p = Payment::decode(serde_json::json!({"id": "u-1", "current_status": "PENDING"}));
        assert_eq!(
            p.map(|p| p.status().to_owned()).ok().as_deref(),
            Some("PENDING")
        );
        assert_eq!(GatewayPayment::request("A1").path, "/api/v1/payment/A1");
        assert_eq!(Payment::request("u-1").path, "/api/v2/payments/u-1");
    }
}
