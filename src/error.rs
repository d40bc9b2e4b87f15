//! The one error type of the crate. The binding layer turns it into a JS `Error` whose
//! `name` is `"StreamError"`; see `bindings/error.rs`.

use crate::prelude::*;
use core::fmt;

/// Stable, machine-readable error kinds (the `code` property in JavaScript).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    InvalidArgument,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    Validation,
    RateLimited,
    Server,
    Network,
    Timeout,
    Decode,
    InvalidSignature,
}

impl ErrorCode {
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::InvalidArgument => "INVALID_ARGUMENT",
            Self::Unauthorized => "UNAUTHORIZED",
            Self::Forbidden => "FORBIDDEN",
            Self::NotFound => "NOT_FOUND",
            Self::Conflict => "CONFLICT",
            Self::Validation => "VALIDATION",
            Self::RateLimited => "RATE_LIMITED",
            Self::Server => "SERVER",
            Self::Network => "NETWORK",
            Self::Timeout => "TIMEOUT",
            Self::Decode => "DECODE",
            Self::InvalidSignature => "INVALID_SIGNATURE",
        }
    }

    /// Whether trying the same call again may succeed.
    pub const fn is_retryable(self) -> bool {
        matches!(
            self,
            Self::RateLimited | Self::Server | Self::Network | Self::Timeout
        )
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Every failure of the crate. `message` says what went wrong in words a person can act on and
/// never contains a credential.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct StreamError {
    pub code: ErrorCode,
    pub message: String,
    /// HTTP status, when there was a response.
    pub status: Option<u16>,
    pub retryable: bool,
    /// From the `x-request-id` response header.
    pub request_id: Option<String>,
    /// The error body's JSON text, when it was JSON (JS `JSON.parse`s it). Keys as sent;
    /// integers past 2^53 are strings.
    pub body: Option<String>,
    /// The API's own error code (`PAYMENT_FINALIZED`), from a flat `{code}` or a nested
    /// `{error: {code}}` body. A `Box<str>` keeps the error under clippy's size limit.
    pub stream_code: Option<Box<str>>,
    /// How long the server asked us to wait (`Retry-After`), in milliseconds.
    pub retry_after_ms: Option<u64>,
    /// Further properties for the JS error: camelCase name and JSON text (e.g. `paymentIds`
    /// of a refund refused because the payment was paid together with others). Boxed to keep
    /// the error small: it travels in every `Result` of the crate.
    pub details: Option<Box<Vec<(&'static str, String)>>>,
}

impl StreamError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            status: None,
            retryable: code.is_retryable(),
            request_id: None,
            body: None,
            stream_code: None,
            retry_after_ms: None,
            details: None,
        }
    }

    pub fn invalid_argument(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::InvalidArgument, message)
    }

    pub fn decode(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Decode, message)
    }

    pub fn with_status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    pub fn with_request_id(mut self, request_id: Option<String>) -> Self {
        self.request_id = request_id;
        self
    }

    /// `body` is JSON text.
    pub fn with_body(mut self, body: Option<String>) -> Self {
        self.body = body;
        self
    }

    pub fn with_stream_code(mut self, code: Option<String>) -> Self {
        self.stream_code = code.map(String::into_boxed_str);
        self
    }

    pub fn with_retryable(mut self, retryable: bool) -> Self {
        self.retryable = retryable;
        self
    }

    /// Adds the property `key` with the JSON text `json`.
    pub fn with_detail(mut self, key: &'static str, json: String) -> Self {
        self.details
            .get_or_insert_with(Default::default)
            .push((key, json));
        self
    }

    /// The JSON text of the detail `key`.
    pub fn detail(&self, key: &str) -> Option<&str> {
        let details = self.details.as_deref()?;
        details
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }

    pub fn with_retry_after_ms(mut self, retry_after_ms: Option<u64>) -> Self {
        self.retry_after_ms = retry_after_ms;
        self
    }
}

pub type Result<T, E = StreamError> = core::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retryable_follows_the_code() {
        assert!(StreamError::new(ErrorCode::Server, "x").retryable);
        assert!(StreamError::new(ErrorCode::RateLimited, "x").retryable);
        assert!(!StreamError::new(ErrorCode::NotFound, "x").retryable);
        assert!(!StreamError::invalid_argument("x").retryable);
    }

    #[test]
    fn codes_are_the_documented_strings() {
        assert_eq!(ErrorCode::InvalidArgument.as_str(), "INVALID_ARGUMENT");
        assert_eq!(ErrorCode::InvalidSignature.to_string(), "INVALID_SIGNATURE");
        assert_eq!(StreamError::decode("bad body").to_string(), "bad body");
    }
}
