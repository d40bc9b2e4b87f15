//! What one poll's outcome means for the wait: stop with the payment, go on, or give up. (Which
//! request polls a payment, and its terminal statuses, are the catalogue's: `api::Polled`.)

use crate::error::{ErrorCode, StreamError};
use crate::prelude::*;

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
    use crate::api::polled;
    use crate::http::Api;

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
        let gateway = StopStatuses::new(polled(Api::Gateway).terminal, Vec::new());
        assert!(gateway.contains("completed"));
        assert!(gateway.contains("not_found"));
        assert!(!gateway.contains("pending"));
        assert!(!gateway.contains("refunding"), "unknown counts as pending");
        if !cfg!(feature = "merchant") {
            return; // no StreamPay in the checkout build (crate::api::polled)
        }
        let streampay =
            StopStatuses::new(polled(Api::StreamPay).terminal, vec!["PROCESSING".into()]);
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
        let (g, p) = (polled(Api::Gateway), polled(Api::StreamPay));
        let decoded =
            crate::json::decode(r#"{"payment_id": "A1", "status": "pending"}"#, g.get.answer);
        assert_eq!(decoded.unwrap().captures.status(), Some("pending"));
        assert_eq!(g.request("A1").unwrap().path, "/api/v1/payment/A1");
        if !cfg!(feature = "merchant") {
            return; // no StreamPay in the checkout build (crate::api::polled)
        }
        let decoded = crate::json::decode(
            r#"{"id": "u-1", "current_status": "PENDING"}"#,
            p.get.answer,
        );
        assert_eq!(decoded.unwrap().captures.status(), Some("PENDING"));
        assert_eq!(g.request("A1").unwrap().path, "/api/v1/payment/A1");
        assert_eq!(p.request("u-1").unwrap().path, "/api/v2/payments/u-1");
    }
}
